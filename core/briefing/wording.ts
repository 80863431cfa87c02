/**
 * The one place for counts and sentence ends in briefing text: "1 key judgment rests", "2 points",
 * and a sentence that ends in exactly one full stop even when quoted text already ends in one.
 */
import { normalizeLineEndings, revealControls } from '../text';

/** "1 claim", "2 claims"; irregular plurals passed in ("1 origin", "2 analyses"). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The verb form that agrees with n: agree(1, 'rests', 'rest') → "rests". */
export function agree(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** Text ending in terminal punctuation (possibly before a closing quote or bracket). */
const ENDED = /[.!?…][”’"')\]]*$/;

/** Trims and ends the text with one full stop, unless it already ends a sentence: "V3." never becomes "V3..". */
export function sentence(s: string): string {
  const trimmed = s.trim();
  return ENDED.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A clause appended inside a sentence: "rationale." → "rationale" (its own full stop would double up). */
export function clause(s: string): string {
  return s.trim().replace(/[.]+$/, '');
}

/**
 * What every briefing writer prints for case text: line endings normalized, other C0/C1 controls
 * replaced, bidi controls and invisible format characters shown as markers (as the UI shows them).
 */
export function cleanText(s: string): string {
  return revealControls(normalizeLineEndings(String(s)).replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '\uFFFD'));
}
