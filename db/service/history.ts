/** history.claim, history.recent, history.verify: the hash-chained log. */
import type { ApiHandlers } from '../../core/api';
import type { CaseEvent } from '../../core/types';
import { verifyCaptures } from '../repos/captures';
import { claimRowById } from '../repos/claims';
import { claimAndMergedIds, eventsOfClaims } from '../repos/duplicates';
import { eventsForClaim, recentEvents, verifyChain } from '../repos/events';
import { verifyState } from '../records/verify';
import type { Ctx } from './context';

type H = Pick<ApiHandlers, 'history.claim' | 'history.recent' | 'history.verify'>;

/** The (time, probability) series of a claim, from its creation and every confidence move. */
export function probabilitySeries(events: CaseEvent[]): { at: string; probability: number; computed: number }[] {
  const out: { at: string; probability: number; computed: number }[] = [];
  for (const e of events) {
    const p = e.payload as { after?: { probability?: number; computed?: number; computedProbability?: number } };
    if ((e.kind === 'claim.created' || e.kind === 'claim.imported') && typeof p.after?.probability === 'number')
      out.push({ at: e.at, probability: p.after.probability, computed: p.after.computedProbability ?? p.after.probability });
    if (e.kind === 'confidence.changed' && p.after?.probability !== undefined)
      out.push({ at: e.at, probability: p.after.probability, computed: p.after.computed ?? p.after.probability });
  }
  return out;
}

export function historyHandlers(ctx: Ctx): H {
  return {
    'history.claim': (input) => {
      claimRowById(ctx.db, input.id);
      const own = eventsForClaim(ctx.db, input.id);
      // A claim's history includes that of the claims merged into it (db/service/duplicates.ts).
      const ids = claimAndMergedIds(ctx.db, input.id);
      return { events: ids.length > 1 ? eventsOfClaims(ctx.db, ids) : own, series: probabilitySeries(own) };
    },
    'history.recent': (input) => recentEvents(ctx.db, input.limit),
    'history.verify': (input) => {
      const chain = verifyChain(ctx.db);
      const captures = verifyCaptures(ctx.db, (done, total, label) => ctx.progress(done, total, label));
      const state = input.state ? verifyState(ctx.db) : undefined;
      return { ...chain, ok: chain.ok && captures.problems.length === 0 && (state?.ok ?? true), captures, ...(state ? { state } : {}) };
    },
  };
}
