/**
 * Checks what the analyst reads as judgments: the estimative language of the BLUF and each key
 * judgment, labels (KJn) that the note does not have, and BLUF sentences that contradict a verdict.
 */
import { bandIndex, type Band } from '../estimative';
import { checkText, KJ_REF, likelihoodWords, splitSentences, type EstimativeWarning } from './estimative-check';
import { VERDICT_TRUTH } from './sentences';
import type { Briefing, Judgment } from './types';

/** The analyst-voice sentences of a key judgment (the quoted claim itself is not checked). */
export function judgmentSentences(j: Judgment): string[] {
  const s = j.sentences;
  return [s.likelihood, s.confidence, s.override, s.status, j.statusRationale].filter((x): x is string => !!x);
}

export function checkJudgment(j: Judgment): EstimativeWarning[] {
  return judgmentSentences(j).flatMap((text) => checkText(text, { where: j.label, band: j.band }));
}

const refsOf = (sentence: string) => [...new Set([...sentence.matchAll(KJ_REF)].map((m) => `KJ${m[1]}`))];

/** Every "(KJn)" in the text must name a key judgment of this note. */
export function checkLabels(text: string, where: string, judgments: readonly Judgment[]): EstimativeWarning[] {
  const labels = new Set(judgments.map((j) => j.label));
  return splitSentences(text).flatMap((sentence) =>
    refsOf(sentence)
      .filter((l) => !labels.has(l))
      .map((l) => ({ where, problem: 'unknown-judgment' as const, sentence, message: `${l} is not a key judgment of this note (it has ${judgments.length ? `KJ1–KJ${judgments.length}` : 'none'}).` })),
  );
}

const EVEN = bandIndex('roughly even chance');

/** A sentence tied to a supported/refuted claim must not call it unlikely/likely. */
export function checkVerdicts(text: string, where: string, judgments: readonly Judgment[]): EstimativeWarning[] {
  const byLabel = new Map(judgments.map((j) => [j.label, j]));
  const out: EstimativeWarning[] = [];
  for (const sentence of splitSentences(text))
    for (const label of refsOf(sentence)) {
      const j = byLabel.get(label);
      const truth = j ? VERDICT_TRUTH[j.status] : undefined;
      if (truth === undefined) continue;
      const wrong = likelihoodWords(sentence).find((w) => (truth ? bandIndex(w.band) < EVEN : bandIndex(w.band) > EVEN));
      if (wrong)
        out.push({ where, problem: 'contradicts-verdict', sentence, message: `“${wrong.phrase}” contradicts the analyst's verdict on ${label} (${j!.status}).` });
    }
  return out;
}

export function checkBluf(bluf: string, judgments: readonly Judgment[]): EstimativeWarning[] {
  const bands = new Map<string, Band>(judgments.map((j) => [j.label, j.band]));
  return [...checkText(bluf, { where: 'BLUF', bands }), ...checkLabels(bluf, 'BLUF', judgments), ...checkVerdicts(bluf, 'BLUF', judgments)];
}

export function checkBriefing(b: Briefing): EstimativeWarning[] {
  const rationales = b.judgments.flatMap((j) => (j.statusRationale ? checkLabels(j.statusRationale, j.label, b.judgments) : []));
  return [...checkBluf(b.bluf, b.judgments), ...b.judgments.flatMap(checkJudgment), ...rationales];
}
