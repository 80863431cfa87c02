/** calibration.report: gathers every settled claim's probability history and scores it (core/calibration.ts). */
import type { ApiHandlers } from '../../core/api';
import { calibrationReport, type SettledClaim } from '../../core/calibration';
import type { CaseEvent, Outcome } from '../../core/types';
import { eventsForClaim } from '../repos/events';
import { tagsOf } from '../repos/tags';
import { all, sql } from '../sql';
import type { Ctx } from './context';
import { probabilitySeries } from './misc';

type H = Pick<ApiHandlers, 'calibration.report'>;

interface SettledRow {
  rowid: number;
  id: string;
  text: string;
  outcome: Outcome;
  probability: number;
  created_at: string;
}

/** When the claim's current outcome was recorded: the last status event that set it. */
function settledAt(events: CaseEvent[], outcome: Outcome, fallback: string): string {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    const after = (e.payload as { after?: { outcome?: unknown } } | null)?.after;
    if (e.kind === 'claim.status' && after?.outcome === outcome) return e.at;
  }
  return fallback;
}

export function calibrationHandlers(ctx: Ctx): H {
  return {
    'calibration.report': () => {
      const rows = all<SettledRow>(
        ctx.db,
        sql`SELECT rowid, id, text, outcome, probability, created_at FROM claims
            WHERE outcome IS NOT NULL AND deleted_at IS NULL ORDER BY rowid`,
      );
      const settled: SettledClaim[] = rows.map((r) => {
        const events = eventsForClaim(ctx.db, r.id);
        const series = probabilitySeries(events).map((p) => ({ at: p.at, probability: p.probability }));
        return {
          id: r.id,
          text: r.text,
          tags: tagsOf(ctx.db, r.rowid),
          outcome: r.outcome,
          createdAt: r.created_at,
          settledAt: settledAt(events, r.outcome, r.created_at),
          // A claim with no recorded history (e.g. imported) is scored on the probability it holds now.
          series: series.length ? series : [{ at: r.created_at, probability: r.probability }],
        };
      });
      return calibrationReport(settled);
    },
  };
}
