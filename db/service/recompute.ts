/**
 * Keeps each claim's stored probability, band and confidence equal to what the model computes from
 * its evidence, in the same transaction as the change that moved it, and records meaningful moves
 * as events with their cause (ICD 203 standard 7: how a judgment changed and why).
 */
import { computeConfidence, type ConfidenceResult, type ModelItem } from '../../core/confidence';
import { judgmentMoved, judgmentOf } from '../../core/judgment';
import { claimRowByRowid, refreshCounters, storedJudgment, type ClaimRow } from '../repos/claims';
import { evidenceForClaim } from '../repos/evidence';
import { run, sql } from '../sql';
import { record, type Ctx } from './context';


export function modelForClaim(ctx: Ctx, row: ClaimRow): ConfidenceResult {
  const items: ModelItem[] = evidenceForClaim(ctx.db, row.rowid).map((e) => ({
    evidenceId: e.id,
    sourceId: e.sourceId,
    originId: e.originId,
    stance: e.stance,
    weight: e.weight,
    reliability: e.source.reliability,
    credibility: e.credibility,
  }));
  return computeConfidence(row.prior, items);
}

export function recomputeClaim(ctx: Ctx, claimRowid: number, cause: string): ConfidenceResult {
  refreshCounters(ctx.db, claimRowid);
  const row = claimRowByRowid(ctx.db, claimRowid);
  const model = modelForClaim(ctx, row);
  const before = storedJudgment(row);
  const after = judgmentOf(model, row.override_p);
  run(
    ctx.db,
    sql`UPDATE claims SET computed_p = ${after.computed}, probability = ${after.probability}, band = ${after.band},
          confidence = ${after.confidence} WHERE rowid = ${claimRowid}`,
  );
  if (judgmentMoved(before, after))
    record(ctx, {
      kind: 'confidence.changed',
      entityType: 'claim',
      entityId: row.id,
      claimId: row.id,
      payload: { before, after, cause },
    });
  return model;
}
