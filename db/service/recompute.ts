/**
 * Keeps each claim's stored probability, band and confidence equal to what the model computes from
 * its evidence, in the same transaction as the change that moved it, and records meaningful moves
 * as events with their cause (ICD 203 standard 7: how a judgment changed and why). A not-checkable
 * claim carries no probability, so its (still stored) arithmetic never produces a history entry.
 */
import { computeConfidence, type ConfidenceResult } from '../../core/confidence';
import { judgmentMoved, judgmentOf } from '../../core/judgment';
import { claimRowByRowid, refreshCounters, storedJudgment, storeJudgment, type ClaimRow } from '../repos/claims';
import { modelInputOf } from '../repos/model-input';
import { record, type Ctx } from './context';

export function modelForClaim(ctx: Ctx, row: ClaimRow): ConfidenceResult {
  const input = modelInputOf(ctx.db, row.rowid);
  return computeConfidence(row.prior, input.items, input.options);
}

export function recomputeClaim(ctx: Ctx, claimRowid: number, cause: string): ConfidenceResult {
  refreshCounters(ctx.db, claimRowid);
  const row = claimRowByRowid(ctx.db, claimRowid);
  const model = modelForClaim(ctx, row);
  const before = storedJudgment(row);
  const after = judgmentOf(model, row.override_p);
  storeJudgment(ctx.db, claimRowid, after);
  if (row.kind !== 'not-checkable' && judgmentMoved(before, after))
    record(ctx, {
      kind: 'confidence.changed',
      entityType: 'claim',
      entityId: row.id,
      claimId: row.id,
      payload: { before, after, cause },
    });
  return model;
}
