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

const marker = (c: string) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;

/** Bidirectional control characters that can disguise text (Trojan Source); shown, never obeyed. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export function revealBidi(s: string): string {
  return s.replace(BIDI_CONTROLS, marker);
}

/**
 * Invisible format characters that can hide or splice text (zero-width space, word joiner, BOM,
 * soft hyphen, tag characters…); shown like bidi controls. ZWJ/ZWNJ stay: scripts and emoji need them.
 */
export const INVISIBLE_FORMAT = /\u034F|[\u00AD\u180E\u200B\u2060-\u2064\u206A-\u206F\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;

/** Bidi controls and invisible format characters as visible markers: what every export shows. */
export function revealControls(s: string): string {
  return revealBidi(s).replace(INVISIBLE_FORMAT, marker);
}

/** CRLF, lone CR, NEL, U+2028 and U+2029 become "\n", so no writer sees a line break it does not expect. */
export function normalizeLineEndings(s: string): string {
  return s.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n');
}
