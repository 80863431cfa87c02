/** Text rules shared by every boundary: one normal form for storage, index and query. */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** NFC keeps exact quotes exact while making equal-looking text compare equal. */
export function normalizeText(s: string): string {
  return s.normalize('NFC');
}

/** Why a string cannot be stored, or null when it can. */
export function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(s)) return 'is not valid Unicode (lone surrogate)';
  return null;
}

/** Bidirectional control characters that can disguise text (Trojan Source); shown, never obeyed. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export function revealBidi(s: string): string {
  return s.replace(BIDI_CONTROLS, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}
