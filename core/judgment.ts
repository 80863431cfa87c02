/**
 * What a claim stores of its judgment (the probability in force, the computed one, the ICD 203
 * band and the analytic confidence), and when a change of it is worth a history entry. One
 * definition for single edits (db/service/recompute.ts) and bulk imports (db/transfer/).
 */
import type { ConfidenceResult } from './confidence';
import { bandOf, type Band, type ConfidenceLevel } from './estimative';
import type { Assessment, ClaimKind } from './types';

export interface StoredJudgment {
  /** The analyst's override when set, else the computed probability. */
  probability: number;
  computed: number;
  band: Band;
  confidence: ConfidenceLevel;
  /** Some evidence counts (else the probability is only the prior). */
  assessed: boolean;
}

/** A move of a probability smaller than this is not worth a history entry. */
export const PROBABILITY_EVENT_THRESHOLD = 0.01;

export function judgmentOf(model: ConfidenceResult, override: number | null): StoredJudgment {
  const probability = override ?? model.probability;
  return {
    probability,
    computed: model.probability,
    band: bandOf(probability),
    confidence: model.confidence,
    assessed: model.assessed,
  };
}

/**
 * Whether the claim's number is a judgment. A not-checkable claim has none; an override is the
 * analyst's judgment even without evidence; otherwise only evidence that counts makes one.
 */
export function assessmentOf(kind: ClaimKind, assessed: boolean, overridden: boolean): Assessment {
  if (kind === 'not-checkable') return 'not-checkable';
  return assessed || overridden ? 'assessed' : 'not-assessed';
}

/** The probability a claim of this kind carries outside the database: none when not checkable. */
export function carriedProbability(kind: ClaimKind, p: number): number | null {
  return kind === 'not-checkable' ? null : p;
}

/** Words for an assessment, for every surface (UI, CLI, briefing). */
export const ASSESSMENT_LABEL: Record<Assessment, string> = {
  assessed: 'assessed',
  'not-assessed': 'not assessed',
  'not-checkable': 'not checkable',
};

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
  return (
    a.probability === b.probability &&
    a.computed === b.computed &&
    a.band === b.band &&
    a.confidence === b.confidence &&
    a.assessed === b.assessed
  );
}
