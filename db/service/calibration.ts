/**
 * calibration.report: gathers every settled claim's probability history and scores it
 * (core/calibration.ts). Settled = an outcome recorded (claims.setOutcome, or the legacy
 * claims.setStatus --outcome); not-checkable claims never count. A claim whose verdict or outcome
 * came from an imported label and was never set by the analyst is scored apart (`imported`).
 */
import type { ApiHandlers } from '../../core/api';
import { calibrationReport, type SettledClaim } from '../../core/calibration';
import type { CaseEvent, Outcome } from '../../core/types';
import { settledClaimRows } from '../repos/claims';
import { eventsForClaim } from '../repos/events';
import { tagsOf } from '../repos/tags';
import type { Ctx } from './context';
import { probabilitySeries } from './history';

type H = Pick<ApiHandlers, 'calibration.report'>;

const settingEvent = (e: CaseEvent) => e.kind === 'claim.status' || e.kind === 'claim.outcome';

/** When the claim's current outcome was recorded: the last event that set it. */
function settledAt(events: CaseEvent[], outcome: Outcome, fallback: string): string {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    const after = (e.payload as { after?: { outcome?: unknown } } | null)?.after;
    if (settingEvent(e) && after?.outcome === outcome) return e.at;
  }
  return fallback;
}

/**
 * The probabilities the claim carried rest on an imported label: the import brought a verdict the
 * analyst never replaced (a label sets the prior and would then grade itself), or an outcome the
 * analyst never recorded anew.
 */
function fromImportedLabel(events: CaseEvent[]): boolean {
  const imported = events.find((e) => e.kind === 'claim.imported');
  if (!imported) return false;
  const after = (imported.payload as { after?: { status?: string; outcome?: unknown } } | null)?.after;
  const later = events.filter((e) => e.seq > imported.seq);
  const verdictImported = after?.status !== undefined && after.status !== 'unverified' && !later.some((e) => e.kind === 'claim.status');
  const outcomeImported = (after?.outcome ?? null) !== null && !later.some(settingEvent);
  return verdictImported || outcomeImported;
}

/** From when the claim's probabilities are the analyst's own: after an imported verdict, the first verdict of theirs. */
function ownSince(events: CaseEvent[], createdAt: string): string {
  const imported = events.find((e) => e.kind === 'claim.imported');
  const after = (imported?.payload as { after?: { status?: string } } | undefined)?.after;
  if (!imported || !after?.status || after.status === 'unverified') return createdAt;
  return events.find((e) => e.seq > imported.seq && e.kind === 'claim.status')?.at ?? createdAt;
}

export function calibrationHandlers(ctx: Ctx): H {
  return {
    'calibration.report': () => {
      const rows = settledClaimRows(ctx.db);
      const settled: SettledClaim[] = rows.map((r) => {
        const events = eventsForClaim(ctx.db, r.id);
        const series = probabilitySeries(events).map((p) => ({ at: p.at, probability: p.probability }));
        return {
          id: r.id,
          text: r.text,
          tags: tagsOf(ctx.db, r.rowid),
          outcome: r.outcome,
          // Probabilities held while the verdict was an imported label are not the analyst's: scored from their own verdict on.
          createdAt: ownSince(events, r.created_at),
          settledAt: r.outcome_at ?? settledAt(events, r.outcome, r.created_at),
          // A claim with no recorded history (e.g. imported) is scored on the probability it holds now.
          series: series.length ? series : [{ at: r.created_at, probability: r.probability }],
          status: r.status,
          imported: fromImportedLabel(events),
        };
      });
      return calibrationReport(settled);
    },
  };
}
