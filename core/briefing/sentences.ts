/**
 * The fixed phrasing of a briefing's judgments. Likelihood and analytic confidence always go in
 * separate sentences (ICD 203); the claim itself is quoted, never paraphrased.
 */
import { formatPercent, type Band, type ConfidenceLevel } from '../estimative';
import type { ClaimStatus } from '../types';
import type { Judgment } from './types';

export function likelihoodSentence(band: Band, p: number): string {
  const pct = formatPercent(p);
  if (band === 'almost no chance') return `There is almost no chance (${pct}) that this claim is accurate.`;
  if (band === 'roughly even chance') return `There is a roughly even chance (${pct}) that this claim is accurate.`;
  return `It is ${band} (${pct}) that this claim is accurate.`;
}

/** A claim no evidence counts for yet: its number is the prior, said as such, with no likelihood word. */
export function notAssessedSentence(prior: number): string {
  return `This claim is not assessed: no evidence counts for or against it yet (its prior is ${formatPercent(prior)}).`;
}

export function confidenceSentence(level: ConfidenceLevel, reasons: readonly string[]): string {
  const why = reasons.length ? `: ${reasons.join('; ')}` : '';
  return `We have ${level} confidence in this judgment${why}.`;
}

export function overrideSentence(computed: number): string {
  return `The analyst set this probability; the evidence alone gives ${formatPercent(computed)}.`;
}

export function statusSentence(status: ClaimStatus): string {
  return `Status: ${status}.`;
}

/** Verdicts that say whether the claim is true; a BLUF states them rather than the model's likelihood. */
export const VERDICT_TRUTH: Partial<Record<ClaimStatus, boolean>> = { supported: true, refuted: false };

/**
 * One BLUF sentence about a judgment, tied to it by its label so the checker can verify the word.
 * A claim the analyst marked supported or refuted is stated by that verdict: the BLUF never calls a
 * refuted claim "likely accurate".
 */
export function blufSentence(j: Pick<Judgment, 'label' | 'text' | 'band'> & { status?: ClaimStatus }): string {
  const quoted = `“${j.text.replace(/[.\s]+$/, '')}”`;
  if (j.status && VERDICT_TRUTH[j.status] !== undefined) return `The analyst has judged ${quoted} ${j.status} (${j.label}).`;
  if (j.band === 'almost no chance') return `There is almost no chance that ${quoted} is accurate (${j.label}).`;
  if (j.band === 'roughly even chance') return `There is a roughly even chance that ${quoted} is accurate (${j.label}).`;
  return `It is ${j.band} that ${quoted} is accurate (${j.label}).`;
}

const CONFIDENCE_RANK: Record<ConfidenceLevel, number> = { high: 2, moderate: 1, low: 0 };

/** Drafts a BLUF from the strongest judgments: highest confidence first, then farthest from even odds. */
export function draftBluf(judgments: readonly Judgment[], max = 3): string {
  if (judgments.length === 0) return 'No checkable claims match this selection.';
  // A claim that is not assessed has no judgment to state (its number is the prior).
  const assessed = judgments.filter((j) => j.assessment !== 'not-assessed');
  if (assessed.length === 0) return 'No claim of this selection has been assessed yet: no evidence counts for or against any of them.';
  const strongest = [...assessed]
    .sort(
      (a, b) =>
        CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] ||
        Math.abs(b.probability - 0.5) - Math.abs(a.probability - 0.5) ||
        a.label.localeCompare(b.label, 'en', { numeric: true }),
    )
    .slice(0, max);
  return strongest.map(blufSentence).join(' ');
}
