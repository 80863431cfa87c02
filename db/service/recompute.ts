/**
 * Keeps each claim's stored probability, band and confidence equal to what the model computes from
 * its evidence, in the same transaction as the change that moved it, and records meaningful moves
 * as events with their cause (ICD 203 standard 7: how a judgment changed and why).
 */
import { computeConfidence, type ConfidenceResult, type ModelItem } from '../../core/confidence';
import { bandOf } from '../../core/estimative';
import { claimRowByRowid, refreshCounters, type ClaimRow } from '../repos/claims';
import { evidenceForClaim } from '../repos/evidence';
import { run, sql } from '../sql';
import { record, type Ctx } from './context';

/** A move of the computed probability smaller than this is not worth a history entry. */
export const PROBABILITY_EVENT_THRESHOLD = 0.01;

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
  const probability = row.override_p ?? model.probability;
  const band = bandOf(probability);
  const before = { probability: row.probability, computed: row.computed_p, band: row.band, confidence: row.confidence };
  const after = { probability, computed: model.probability, band, confidence: model.confidence };
  run(
    ctx.db,
    sql`UPDATE claims SET computed_p = ${after.computed}, probability = ${after.probability}, band = ${after.band},
          confidence = ${after.confidence} WHERE rowid = ${claimRowid}`,
  );
  const moved =
    before.band !== after.band ||
    before.confidence !== after.confidence ||
    Math.abs(before.computed - after.computed) > PROBABILITY_EVENT_THRESHOLD ||
    Math.abs(before.probability - after.probability) > PROBABILITY_EVENT_THRESHOLD;
  if (moved)
    record(ctx, {
      kind: 'confidence.changed',
      entityType: 'claim',
      entityId: row.id,
      claimId: row.id,
      payload: { before, after, cause },
    });
  return model;
}
