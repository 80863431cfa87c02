/**
 * The one normalization a quote and a captured document both go through before they are compared
 * (issue 13). It forgives what extraction and typing change without changing the words:
 *
 * - every run of white space (line breaks, no-break and thin spaces included) becomes one space;
 * - soft hyphens, zero-width characters and bidi controls are dropped;
 * - a hyphen between two letters is dropped, also when a line break follows it, so "infor-\nmation"
 *   reads "information" and "well-\nknown" reads like "well-known" (both "wellknown");
 * - compatibility forms are folded with NFKC, one character and its combining marks at a time
 *   (ligatures "ﬁ" → "fi", full-width forms, no-break spaces), which keeps every output character tied
 *   to the input characters it came from;
 * - curly and angled quotes become ' and ", dashes (‐ ‑ ‒ – — ― −) become "-".
 *
 * Case and letters are kept: a quote that differs in spelling is "close", never "exact".
 * The result carries an offset map: output character i came from input [starts[i], ends[i]), so a match
 * found in normalized text maps back to the exact span of the original text.
 */

export interface NormalizedText {
  /** The normalized text. */
  text: string;
  /** For each UTF-16 unit of `text`: where the input characters it came from start… */
  starts: Int32Array;
  /** …and end, in the input (UTF-16 code units). Both are non-decreasing. */
  ends: Int32Array;
}

const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0x60, 0xb4, 0x2039, 0x203a]);
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036, 0xab, 0xbb, 0x301d, 0x301e]);
const DASHES = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]);
const LINE_BREAKS = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]);
/** Dropped: invisible characters that only ever split or disguise words. */
const isDropped = (cp: number) =>
  (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) ||
  (cp >= 0x2066 && cp <= 0x2069) || cp === 0xfeff || cp === 0x061c || cp === 0x034f || cp === 0x180e;
const SOFT_HYPHEN = 0xad;
const SPACE = /^\s$/u;
const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;

const CHAR = 0;
const SPACE_KIND = 1;
const LINE_BREAK = 2;
const HYPHEN = 3;
const SOFT = 4;
const DROP = 5;

/** What one code point (after NFKC) becomes: its kind, and for characters the code point written. */
function kindOf(cp: number): number {
  if (cp > 0x20 && cp < 0x7f) return cp === 0x2d ? HYPHEN : CHAR;
  if (cp === 0x20 || cp === 0x09) return SPACE_KIND;
  if (LINE_BREAKS.has(cp)) return LINE_BREAK;
  if (cp === SOFT_HYPHEN) return SOFT;
  if (cp < 0xa0) return cp < 0x20 ? SPACE_KIND : CHAR;
  if (isDropped(cp)) return DROP;
  if (SPACE.test(String.fromCodePoint(cp))) return SPACE_KIND;
  if (DASHES.has(cp)) return HYPHEN;
  return CHAR;
}

function foldQuote(cp: number): number {
  if (cp < 0x60) return cp;
  if (SINGLE_QUOTES.has(cp)) return 0x27;
  if (DOUBLE_QUOTES.has(cp)) return 0x22;
  return cp;
}

const isMark = (cp: number) => cp >= 0x300 && MARK.test(String.fromCodePoint(cp));
const isLetterCp = (cp: number) =>
  cp < 0x80 ? (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) : LETTER.test(String.fromCodePoint(cp));

/** A growable typed array (the document of a 300-page PDF is about a million characters). */
class Ints {
  a: Int32Array;
  n = 0;
  constructor(capacity: number) {
    this.a = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  /** The values pushed, in an array of their own size. */
  done(): Int32Array {
    return this.a.slice(0, this.n);
  }
}

interface Tokens {
  cps: Ints;
  kinds: Ints;
  starts: Ints;
  ends: Ints;
}

/** First pass: one token per output code point, with the input span of the character cluster it came from. */
function tokenize(input: string): Tokens {
  const size = input.length + 16;
  const t: Tokens = { cps: new Ints(size), kinds: new Ints(size), starts: new Ints(size), ends: new Ints(size) };
  const push = (cp: number, start: number, end: number) => {
    const kind = kindOf(cp);
    if (kind === DROP) return;
    t.cps.push(kind === CHAR ? foldQuote(cp) : cp);
    t.kinds.push(kind);
    t.starts.push(start);
    t.ends.push(end);
  };
  let i = 0;
  const n = input.length;
  while (i < n) {
    const start = i;
    const first = input.codePointAt(i)!;
    i += first > 0xffff ? 2 : 1;
    // A cluster: one code point and the combining marks after it (NFKC composes within it).
    while (i < n && isMark(input.codePointAt(i)!)) i += input.codePointAt(i)! > 0xffff ? 2 : 1;
    if (first < 0xa0 && i === start + 1) {
      push(first, start, i);
      continue;
    }
    for (const c of input.slice(start, i).normalize('NFKC')) push(c.codePointAt(0)!, start, i);
  }
  return t;
}

/** Normalizes `input` and keeps the map back to it. */
export function normalizeForMatch(input: string): NormalizedText {
  const tokens = tokenize(input);
  const t = { cps: tokens.cps.a, kinds: tokens.kinds.a, starts: tokens.starts.a, ends: tokens.ends.a };
  const count = tokens.kinds.n;
  const units = new Ints(count + 16);
  const starts = new Ints(count + 16);
  const ends = new Ints(count + 16);
  let lastLetter = false; // whether the last character written is a letter
  const emit = (cp: number, s: number, e: number) => {
    if (cp > 0xffff) {
      units.push(0xd800 + ((cp - 0x10000) >> 10));
      units.push(0xdc00 + ((cp - 0x10000) & 0x3ff));
      starts.push(s);
      starts.push(s);
      ends.push(e);
      ends.push(e);
    } else {
      units.push(cp);
      starts.push(s);
      ends.push(e);
    }
    lastLetter = isLetterCp(cp);
  };
  const isSpace = (j: number) => t.kinds[j] === SPACE_KIND || t.kinds[j] === LINE_BREAK;
  /** Where the white-space run at j ends (soft hyphens inside it are part of it), and whether it holds a line break. */
  const spaceRun = (j: number): { end: number; lineBreak: boolean } => {
    let lineBreak = false;
    let end = j;
    for (; j < count && (isSpace(j) || t.kinds[j] === SOFT); j++) {
      if (t.kinds[j] === LINE_BREAK) lineBreak = true;
      if (t.kinds[j] !== SOFT) end = j + 1;
    }
    return { end, lineBreak };
  };
  const letterAt = (j: number) => j < count && t.kinds[j]! === CHAR && isLetterCp(t.cps[j]!);
  /** After a hyphen at j: the index of the letter that continues the word, or -1. */
  const skipSoft = (j: number) => {
    while (t.kinds[j] === SOFT) j++;
    return j;
  };
  const continuation = (j: number): number => {
    const next = skipSoft(j + 1);
    if (letterAt(next)) return next;
    const run = spaceRun(next);
    const after = skipSoft(run.end);
    return run.lineBreak && letterAt(after) ? after : -1;
  };
  let i = 0;
  while (i < count) {
    const kind = t.kinds[i];
    if (kind === SPACE_KIND || kind === LINE_BREAK) {
      const run = spaceRun(i);
      emit(0x20, t.starts[i]!, t.ends[run.end - 1]!);
      i = run.end;
    } else if ((kind === HYPHEN || kind === SOFT) && lastLetter && continuation(i) >= 0) {
      i = continuation(i);
    } else if (kind === SOFT) {
      i++;
    } else {
      emit(kind === HYPHEN ? 0x2d : t.cps[i]!, t.starts[i]!, t.ends[i]!);
      i++;
    }
  }
  const chunks: string[] = [];
  for (let k = 0; k < units.n; k += 8192) chunks.push(String.fromCharCode(...units.a.subarray(k, Math.min(units.n, k + 8192))));
  return { text: chunks.join(''), starts: starts.done(), ends: ends.done() };
}

/** The span of the original text that normalized [start, end) came from (end > start). */
export function originalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (!(start >= 0 && end > start && end <= n.text.length))
    throw new RangeError(`normalized span [${start}, ${end}) is outside 0…${n.text.length}`);
  return { start: n.starts[start]!, end: n.ends[end - 1]! };
}

/** The quote as it is searched for: normalized, without white space at either end. */
export function normalizeQuote(quote: string): string {
  return normalizeForMatch(quote).text.trim();
}
