/**
 * What a claim stores of its judgment (the probability in force, the computed one, the ICD 203
 * band and the analytic confidence), and when a change of it is worth a history entry. One
 * definition for single edits (db/service/recompute.ts) and bulk imports (db/transfer/).
 */
import type { ConfidenceResult } from './confidence';
import { bandOf, type Band, type ConfidenceLevel } from './estimative';

export interface StoredJudgment {
  /** The analyst's override when set, else the computed probability. */
  probability: number;
  computed: number;
  band: Band;
  confidence: ConfidenceLevel;
}

/** A move of a probability smaller than this is not worth a history entry. */
export const PROBABILITY_EVENT_THRESHOLD = 0.01;

export function judgmentOf(model: ConfidenceResult, override: number | null): StoredJudgment {
  const probability = override ?? model.probability;
  return { probability, computed: model.probability, band: bandOf(probability), confidence: model.confidence };
}

/** True when the band or confidence changed, or either probability moved by more than the threshold. */
export function judgmentMoved(before: StoredJudgment, after: StoredJudgment): boolean {
  return (
    before.band !== after.band ||
    before.confidence !== after.confidence ||
    Math.abs(before.computed - after.computed) > PROBABILITY_EVENT_THRESHOLD ||
    Math.abs(before.probability - after.probability) > PROBABILITY_EVENT_THRESHOLD
  );
}

export function sameJudgment(a: StoredJudgment, b: StoredJudgment): boolean {
  return a.probability === b.probability && a.computed === b.computed && a.band === b.band && a.confidence === b.confidence;
}
