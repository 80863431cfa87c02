/** Runs the estimative-language checker over what the analyst reads as judgments: the BLUF and each key judgment. */
import type { Band } from '../estimative';
import { checkText, type EstimativeWarning } from './estimative-check';
import type { Briefing, Judgment } from './types';

/** The analyst-voice sentences of a key judgment (the quoted claim itself is not checked). */
export function judgmentSentences(j: Judgment): string[] {
  const s = j.sentences;
  return [s.likelihood, s.confidence, s.override, s.status, j.statusRationale].filter((x): x is string => !!x);
}

export function checkJudgment(j: Judgment): EstimativeWarning[] {
  return judgmentSentences(j).flatMap((text) => checkText(text, { where: j.label, band: j.band }));
}

export function checkBluf(bluf: string, judgments: readonly Judgment[]): EstimativeWarning[] {
  const bands = new Map<string, Band>(judgments.map((j) => [j.label, j.band]));
  return checkText(bluf, { where: 'BLUF', bands });
}

export function checkBriefing(b: Briefing): EstimativeWarning[] {
  return [...checkBluf(b.bluf, b.judgments), ...b.judgments.flatMap(checkJudgment)];
}
