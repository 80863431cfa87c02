/**
 * Locating a quote in a captured document (issue 13), in the manner of the W3C Web Annotation model:
 * the result is a TextQuoteSelector (exact, prefix, suffix), a TextPositionSelector (start, end) and
 * the page, all in the capture's ORIGINAL text.
 *
 * 1. Exact: the normalized quote (./normalize) is a substring of the normalized document. Several
 *    hits: the one whose surroundings and position best fit the stored selectors wins.
 * 2. Close: otherwise, candidate passages are found by word votes (each word of the quote votes for
 *    where the passage would start), and the best few are aligned with the quote character by character
 *    (edit distance with free ends in the passage). score = 1 − distance / quote length; a passage
 *    scoring at least CLOSE_THRESHOLD is "close", anything less is "not found".
 * The work is bounded: CANDIDATES alignments of about the quote's length each, whatever the document's
 * size; very long quotes are aligned word by word instead of character by character.
 */
import type { QuoteSelectors } from '../types';
import { normalizeForMatch, normalizeQuote, originalSpan, type NormalizedText } from './normalize';

/** The lowest similarity (0–1) a passage needs to count as the quote, changed ("close"). */
export const CLOSE_THRESHOLD = 0.85;
/** Characters of context kept before and after a quote (TextQuoteSelector prefix and suffix). */
export const CONTEXT_CHARS = 32;
/** Candidate passages aligned per quote. */
const CANDIDATES = 8;
/** Above this many normalized characters a quote is aligned by words (bounded work). */
const CHAR_ALIGN_LIMIT = 4_000;

/** A capture's text, normalized once and indexed, for locating any number of quotes in it. */
export interface PreparedDocument {
  text: string;
  /** Offsets where pages 1, 2, … start in `text` (ascending; [0] for documents without pages). */
  pageStarts: number[];
  norm: NormalizedText;
  /** Word index over the normalized text (built on the first close search). */
  words?: WordIndex;
}

interface WordIndex {
  /** Start and end of each word in the normalized text. */
  starts: Int32Array;
  ends: Int32Array;
  /** Word id of each word (ids are shared with quotes through `ids`). */
  seq: Int32Array;
  ids: Map<string, number>;
  /** Word id → positions (word indexes) where it occurs. */
  positions: Map<number, number[]>;
}

export interface AnchorResult {
  status: 'exact' | 'close' | 'not-found';
  /** 1 for exact, the similarity for close, the best similarity seen (or 0) for not found. */
  score: number;
  selectors: QuoteSelectors | null;
}

/** What is known of where the quote was before (stored or chosen in the viewer): it breaks ties. */
export type AnchorHint = Partial<Pick<QuoteSelectors, 'prefix' | 'suffix' | 'start' | 'end'>>;

export function prepareDocument(text: string, pageStarts: readonly number[] = [0]): PreparedDocument {
  return { text, pageStarts: pageStarts.length ? [...pageStarts] : [0], norm: normalizeForMatch(text) };
}

/** The page holding offset `at`. */
export function pageAt(pageStarts: readonly number[], at: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Moves an offset off the middle of a surrogate pair. */
function safeCut(text: string, at: number, dir: -1 | 1): number {
  const c = text.charCodeAt(at);
  return at > 0 && at < text.length && c >= 0xdc00 && c <= 0xdfff ? at + (dir > 0 ? 1 : -1) : at;
}

/** Selectors for the original span [start, end) of a prepared document. */
export function selectorsFor(doc: Pick<PreparedDocument, 'text' | 'pageStarts'>, start: number, end: number): QuoteSelectors {
  const { text } = doc;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length))
    throw new RangeError(`span [${start}, ${end}) is not inside the text (0…${text.length})`);
  const from = safeCut(text, start - CONTEXT_CHARS, 1);
  const to = safeCut(text, end + CONTEXT_CHARS, -1);
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, from), start),
    suffix: text.slice(end, Math.min(text.length, to)),
    start,
    end,
    page: pageAt(doc.pageStarts, start),
  };
}

/** Length of the common end of a and b. */
function commonSuffix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}

function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/** How well a hit at normalized [s, e) fits the hint (its context normalized): context agreement first, then nearness. */
function fit(doc: PreparedDocument, s: number, e: number, hint: AnchorHint | undefined): number {
  if (!hint) return 0;
  const n = doc.norm.text;
  let score = 0;
  if (hint.prefix) score += commonSuffix(hint.prefix, n.slice(Math.max(0, s - hint.prefix.length), s));
  if (hint.suffix) score += commonPrefix(hint.suffix, n.slice(e, e + hint.suffix.length));
  if (hint.start !== undefined) {
    const at = originalSpan(doc.norm, s, e).start;
    score += 1 - Math.min(1, Math.abs(at - hint.start) / Math.max(1, doc.text.length));
  }
  return score;
}

function located(doc: PreparedDocument, s: number, e: number, status: 'exact' | 'close', score: number): AnchorResult {
  const span = originalSpan(doc.norm, s, e);
  return { status, score, selectors: selectorsFor(doc, span.start, span.end) };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Above any hint fit (context agreement ≤ 2 × 200 characters, plus nearness ≤ 1). */
const WHOLE_WORDS = 1_000;

/** Whether [s, e) of `text` neither starts nor ends inside a word. */
function wholeWords(text: string, s: number, e: number): boolean {
  const cuts = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && WORD_CHAR.test(a) && WORD_CHAR.test(b);
  return !cuts(text[s - 1], text[s]) && !cuts(text[e - 1], text[e]);
}

/** Locates `quote` in the document: exact, close (with its score) or not found. */
export function anchorQuote(doc: PreparedDocument, quote: string, hint?: AnchorHint): AnchorResult {
  const q = normalizeQuote(quote);
  if (!q) return { status: 'not-found', score: 0, selectors: null };
  const hits: number[] = [];
  for (let at = doc.norm.text.indexOf(q); at >= 0; at = doc.norm.text.indexOf(q, at + 1)) hits.push(at);
  if (hits.length) {
    if (hint) hint = { ...hint, prefix: normalizeForMatch(hint.prefix ?? '').text, suffix: normalizeForMatch(hint.suffix ?? '').text };
    // A hit that starts and ends where words do beats one inside a word ("ship" in "shipping"), whatever the hint.
    const score = (h: number) => (wholeWords(doc.norm.text, h, h + q.length) ? WHOLE_WORDS : 0) + fit(doc, h, h + q.length, hint);
    let best = hits[0]!;
    let bestFit = score(best);
    for (const h of hits.slice(1)) {
      const f = score(h);
      if (f > bestFit) [best, bestFit] = [h, f];
    }
    return located(doc, best, best + q.length, 'exact', 1);
  }
  const close = closest(doc, q);
  if (close && close.score >= CLOSE_THRESHOLD) return located(doc, close.start, close.end, 'close', close.score);
  return { status: 'not-found', score: close?.score ?? 0, selectors: null };
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordIndex(doc: PreparedDocument): WordIndex {
  if (doc.words) return doc.words;
  const starts: number[] = [];
  const ends: number[] = [];
  const seq: number[] = [];
  const ids = new Map<string, number>();
  const positions = new Map<number, number[]>();
  for (const m of doc.norm.text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    let id = ids.get(w);
    if (id === undefined) ids.set(w, (id = ids.size));
    let list = positions.get(id);
    if (!list) positions.set(id, (list = []));
    list.push(seq.length);
    seq.push(id);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  doc.words = { starts: Int32Array.from(starts), ends: Int32Array.from(ends), seq: Int32Array.from(seq), ids, positions };
  return doc.words;
}

/**
 * Edit distance of `pattern` to its best-matching stretch of `text` (free start and end in the text):
 * the distance and that stretch [start, end) in `text`'s indexes.
 */
export function bestAlignment(pattern: ArrayLike<number>, text: ArrayLike<number>): { distance: number; start: number; end: number } {
  const m = pattern.length;
  // Column-wise over the text: prev[i] = distance of pattern[0..i) ending at the current text position,
  // from[i] = where in the text that alignment starts.
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let prevFrom = new Int32Array(m + 1);
  let curFrom = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = { distance: m, start: 0, end: 0 };
  for (let j = 1; j <= text.length; j++) {
    cur[0] = 0;
    curFrom[0] = j;
    const c = text[j - 1];
    for (let i = 1; i <= m; i++) {
      let d = prev[i - 1]! + (pattern[i - 1]! === c ? 0 : 1);
      let f = prevFrom[i - 1]!;
      if (prev[i]! + 1 < d) {
        d = prev[i]! + 1;
        f = prevFrom[i]!;
      }
      if (cur[i - 1]! + 1 < d) {
        d = cur[i - 1]! + 1;
        f = curFrom[i - 1]!;
      }
      cur[i] = d;
      curFrom[i] = f;
    }
    if (cur[m]! < best.distance) best = { distance: cur[m]!, start: curFrom[m]!, end: j };
    [prev, cur] = [cur, prev];
    [prevFrom, curFrom] = [curFrom, prevFrom];
  }
  return best;
}

const codes = (s: string) => Uint16Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

/** Where a quote's passage would start (in words), by votes of the quote's words; the best few. */
function candidateStarts(idx: WordIndex, quoteWords: string[]): number[] {
  const votes = new Map<number, number>();
  quoteWords.forEach((w, j) => {
    const id = idx.ids.get(w);
    if (id === undefined) return;
    for (const p of idx.positions.get(id)!) votes.set(p - j, (votes.get(p - j) ?? 0) + 1);
  });
  // Insertions and deletions shift later words: count the votes of nearby starts too.
  const spread = (s: number) => {
    let v = 0;
    for (let d = -3; d <= 3; d++) v += votes.get(s + d) ?? 0;
    return v;
  };
  const ranked = [...votes.keys()].map((s) => ({ s, v: spread(s) })).sort((a, b) => b.v - a.v || a.s - b.s);
  const chosen: number[] = [];
  for (const { s } of ranked) {
    if (chosen.length >= CANDIDATES) break;
    if (chosen.every((c) => Math.abs(c - s) > 3)) chosen.push(s);
  }
  return chosen;
}

/** The best passage for a normalized quote, with its similarity, or null when no word of it occurs. */
function closest(doc: PreparedDocument, q: string): { start: number; end: number; score: number } | null {
  const idx = wordIndex(doc);
  const quoteWords = [...q.matchAll(WORD)].map((m) => m[0].toLowerCase());
  if (!quoteWords.length || !idx.seq.length) return null;
  const slack = Math.max(3, Math.ceil(quoteWords.length * (1 - CLOSE_THRESHOLD)) + 1);
  const byWords = q.length > CHAR_ALIGN_LIMIT;
  const pattern = byWords ? Int32Array.from(quoteWords, (w) => idx.ids.get(w) ?? -1) : codes(q);
  let best: { start: number; end: number; score: number } | null = null;
  for (const s of candidateStarts(idx, quoteWords)) {
    const first = Math.max(0, s - slack);
    const last = Math.min(idx.seq.length - 1, s + quoteWords.length + slack);
    if (last < first) continue;
    let found: { start: number; end: number; distance: number };
    if (byWords) {
      const a = bestAlignment(pattern, idx.seq.subarray(first, last + 1));
      if (a.end <= a.start) continue;
      found = { start: idx.starts[first + a.start]!, end: idx.ends[first + a.end - 1]!, distance: a.distance };
    } else {
      // From the end of the word before to the start of the word after: punctuation at either end belongs.
      const from = first > 0 ? idx.ends[first - 1]! : 0;
      const to = last + 1 < idx.seq.length ? idx.starts[last + 1]! : doc.norm.text.length;
      const a = bestAlignment(pattern, codes(doc.norm.text.slice(from, to)));
      if (a.end <= a.start) continue;
      found = { start: from + a.start, end: from + a.end, distance: a.distance };
    }
    const trimmed = trimSpaces(doc.norm.text, found.start, found.end);
    const score = Math.max(0, 1 - found.distance / pattern.length);
    if (trimmed && (!best || score > best.score)) best = { ...trimmed, score };
  }
  return best;
}

function trimSpaces(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return end > start ? { start, end } : null;
}
