/**
 * The estimative-language checker (ICD 203): flags sentences that mix a likelihood word with an
 * analytic confidence level, vague hedges in judgments, and likelihood words that do not match the
 * band of the claim they speak about. Quoted text (the claim as stated, excerpts) is not checked.
 */
import { BAND_SYNONYMS, BANDS, type Band } from '../estimative';

export type EstimativeProblem =
  | 'mixed'
  | 'vague'
  | 'band-mismatch'
  | 'untied'
  /** Cites a key judgment label (KJn) that the note does not have. */
  | 'unknown-judgment'
  /** Calls a claim likely (or unlikely) against the analyst's verdict (refuted, supported). */
  | 'contradicts-verdict';

export interface EstimativeWarning {
  /** e.g. "BLUF" or "KJ2". */
  where: string;
  problem: EstimativeProblem;
  sentence: string;
  message: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every likelihood phrase with its band, longest first so "very likely" wins over "likely". */
const PHRASES: { re: RegExp; phrase: string; band: Band }[] = BANDS.flatMap((band) =>
  BAND_SYNONYMS[band].map((phrase) => ({
    phrase,
    band,
    re: new RegExp(`\\b${escapeRe(phrase).replace(/ /g, '\\s+')}(?:ly)?\\b`, 'gi'),
  })),
).sort((a, b) => b.phrase.length - a.phrase.length);

const CONFIDENCE = /\b(?:low|moderate|high)(?:ly)?[\s-]+confiden(?:ce|t)\b|\bconfiden(?:ce|t)\b[^.;]*\b(?:low|moderate|high)\b/i;
/** Hedges that say nothing about likelihood; "May" followed by a day or year is the month. */
const VAGUE = /\b(?:may(?!\s+\d)|could|possibly|perhaps|might)\b/gi;
export const KJ_REF = /\bKJ(\d+)\b/g;

/** Removes quoted spans (“…”, "…", ‘…’) so that quoted claims and excerpts are not judged. */
export function stripQuotes(s: string): string {
  return s.replace(/“[^”]*”|"[^"]*"|‘[^’]*’/g, '…');
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z“"‘(\d])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The likelihood phrases a sentence uses (outside quotes), with their bands. */
export function likelihoodWords(sentence: string): { phrase: string; band: Band }[] {
  let s = stripQuotes(sentence);
  const found: { phrase: string; band: Band }[] = [];
  for (const p of PHRASES) {
    s = s.replace(p.re, (m) => {
      found.push({ phrase: m.toLowerCase().replace(/\s+/g, ' '), band: p.band });
      return ' '.repeat(m.length);
    });
  }
  return found;
}

export function mentionsConfidenceLevel(sentence: string): boolean {
  return CONFIDENCE.test(stripQuotes(sentence));
}

export function vagueWords(sentence: string): string[] {
  return [...stripQuotes(sentence).matchAll(VAGUE)].map((m) => m[0].toLowerCase());
}

export interface CheckContext {
  where: string;
  /** The band of the claim the text speaks about (a key judgment). */
  band?: Band;
  /** For text about several judgments (the BLUF): bands by label, tied through "(KJn)" references. */
  bands?: Map<string, Band>;
}

function bandFor(sentence: string, ctx: CheckContext): Band | null | undefined {
  if (ctx.band) return ctx.band;
  if (!ctx.bands) return undefined;
  const refs = [...sentence.matchAll(KJ_REF)].map((m) => ctx.bands!.get(`KJ${m[1]}`)).filter((b): b is Band => !!b);
  return refs.length === 1 ? refs[0] : null;
}

export function checkSentence(sentence: string, ctx: CheckContext): EstimativeWarning[] {
  const out: EstimativeWarning[] = [];
  const warn = (problem: EstimativeProblem, message: string) => out.push({ where: ctx.where, problem, sentence, message });
  const words = likelihoodWords(sentence);
  if (words.length && mentionsConfidenceLevel(sentence))
    warn('mixed', `“${words[0]!.phrase}” and a confidence level share one sentence; state likelihood and confidence separately.`);
  for (const v of new Set(vagueWords(sentence)))
    warn('vague', `“${v}” is vague; use an ICD 203 likelihood word instead.`);
  if (words.length) {
    const band = bandFor(sentence, ctx);
    if (band === null) warn('untied', `“${words[0]!.phrase}” is not tied to one key judgment; add a reference such as (KJ1).`);
    else if (band)
      for (const w of words)
        if (w.band !== band) warn('band-mismatch', `“${w.phrase}” does not match the judgment's band (${band}).`);
  }
  return out;
}

export function checkText(text: string, ctx: CheckContext): EstimativeWarning[] {
  return splitSentences(text).flatMap((s) => checkSentence(s, ctx));
}
