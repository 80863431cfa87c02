/**
 * Match marks in search results: FTS5 snippets and our own marks use two control characters (never
 * in stored text: core/text.ts drops them) that `splitHighlight` turns into highlight segments.
 */
import { amountForms } from '../core/search/amounts';
import type { Term } from '../core/search/parse';
import type { HighlightSegment } from '../core/types';

export const OPEN = '\u0002';
export const CLOSE = '\u0003';

export function splitHighlight(s: string): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  let rest = s;
  while (rest.length) {
    const a = rest.indexOf(OPEN);
    if (a === -1) {
      out.push({ text: rest, match: false });
      break;
    }
    if (a > 0) out.push({ text: rest.slice(0, a), match: false });
    const b = rest.indexOf(CLOSE, a + 1);
    const end = b === -1 ? rest.length : b;
    out.push({ text: rest.slice(a + 1, end), match: true });
    rest = rest.slice(end + 1);
  }
  return out.filter((s) => s.text.length > 0);
}

/** The query's words marked where they occur in a text (hits found by trigrams or by a scan). */
export function markWords(text: string, terms: readonly Term[]): string {
  return wordMarker(terms)(text);
}

/** `markWords` for many texts and the same terms: the pattern is built once, when first needed. */
export function wordMarker(terms: readonly Term[]): (text: string) => string {
  let re: RegExp | null | undefined;
  return (text) => {
    if (re === undefined) re = wordsPattern(terms);
    return re ? text.replace(re, (m) => `${OPEN}${m}${CLOSE}`) : text;
  };
}

function wordsPattern(terms: readonly Term[]): RegExp | null {
  const needles = terms
    .flatMap((t) => (t.amount ? amountForms(t.amount) : [t.text]))
    .filter((n) => n.length > 1)
    .sort((a, b) => b.length - a.length);
  if (!needles.length) return null;
  return new RegExp(needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
}

/**
 * A marked text cut to about `around` characters either side of its first mark (long texts such as a
 * document's page), with "…" where it was cut; the marks inside the cut are kept whole.
 */
export function cutAround(marked: string, around: number): string {
  const first = Math.max(0, marked.indexOf(OPEN));
  let from = Math.max(0, first - around);
  let to = Math.min(marked.length, first + around);
  // Never cut inside a mark: move the end past the CLOSE of a mark that is still open there.
  const open = marked.lastIndexOf(OPEN, to - 1);
  if (open >= from && marked.lastIndexOf(CLOSE, to - 1) < open) to = Math.min(marked.length, (marked.indexOf(CLOSE, open) + 1) || marked.length);
  // Never split a surrogate pair.
  if (from > 0 && /[\uDC00-\uDFFF]/.test(marked[from]!)) from--;
  if (to < marked.length && /[\uDC00-\uDFFF]/.test(marked[to]!)) to++;
  return `${from > 0 ? '…' : ''}${marked.slice(from, to)}${to < marked.length ? '…' : ''}`;
}

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Other written words that count as a term (the words of a text with the same stem), by term. */
export type WordForms = ReadonlyMap<Term, readonly string[]>;

/** A term as it stands written in a text: the word as typed (any case) or a form of it, a prefix, a phrase, an amount's forms. */
function writtenForm(t: Term, forms?: WordForms): string {
  if (t.amount) return amountForms(t.amount).map((f) => `${WORD_START}${escapeRe(f)}${WORD_END}`).join('|');
  if (t.cjk) return escapeRe(t.text);
  const other = forms?.get(t);
  if (other?.length) return `${WORD_START}(?:${[t.text, ...other].map(escapeRe).join('|')})${WORD_END}`;
  const words = t.text.trim().split(/\s+/).map(escapeRe).join('\\s+');
  return `${WORD_START}${words}${t.prefix ? '[\\p{L}\\p{N}]*' : WORD_END}`;
}

/**
 * A snippet of a long text made without FTS5 (whose snippet() tokenizes the whole text): about
 * `before`/`after` characters around the first place where a term stands as typed (or in one of its
 * `forms`), cut at spaces, with every such place in the cut marked. Null when some clause has no term
 * written so in the text (the index found a form not given): the caller asks FTS5 then.
 */
export function writtenSnippet(text: string, clauses: readonly (readonly Term[])[], o: WrittenSnippetOptions = {}): string | null {
  return writtenSnippets(clauses, o)(text);
}

export interface WrittenSnippetOptions {
  forms?: WordForms;
  before?: number;
  after?: number;
}

/**
 * `writtenSnippet` for many texts and the same query (a search's pages): the patterns are built once,
 * and one scan finds both the first place and, for a single clause, whether the clause is written.
 */
export function writtenSnippets(clauses: readonly (readonly Term[])[], o: WrittenSnippetOptions = {}): (text: string) => string | null {
  const { before = 80, after = 160 } = o;
  const forms = clauses.map((c) => c.map((t) => writtenForm(t, o.forms)).join('|'));
  if (!forms.length) return () => null;
  // Every clause must be written somewhere; with one clause, the first place found says so.
  const each = forms.length > 1 ? forms.map((f) => new RegExp(f, 'iu')) : [];
  const re = new RegExp(forms.join('|'), 'giu');
  return (text) => {
    if (each.some((r) => !r.test(text))) return null;
    re.lastIndex = 0;
    const first = re.exec(text);
    if (!first) return null;
    return cutWritten(text, first, re, before, after);
  };
}

function cutWritten(text: string, first: RegExpExecArray, re: RegExp, before: number, after: number): string {
  let from = Math.max(0, first.index - before);
  let to = Math.min(text.length, first.index + first[0].length + after);
  while (from > 0 && from < first.index && !/\s/.test(text[from - 1]!)) from++;
  while (to < text.length && to > first.index + first[0].length && !/\s/.test(text[to]!)) to--;
  const cut = text.slice(from, to).replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${cut.replace(re, (m) => `${OPEN}${m}${CLOSE}`)}${to < text.length ? '…' : ''}`;
}

/** Plain words of the query (not prefixes, phrases, amounts or CJK): those whose other forms count. */
export const plainWords = (clauses: readonly (readonly Term[])[]): Term[] =>
  clauses.flat().filter((t) => !t.prefix && !t.phrase && !t.amount && !t.cjk);

/** Words of the texts that start like a plain word (its first 3 letters): the candidates for its other forms. */
export function formCandidates(texts: readonly string[], words: readonly Term[]): Set<string> {
  const out = new Set<string>();
  // indexOf and a character test, not a regex with a lookbehind: this runs over every hit's text.
  for (const t of words) {
    const prefix = [...t.text.toLowerCase()].slice(0, 3).join('');
    if (!prefix) continue;
    for (const text of texts) {
      const low = text.toLowerCase();
      for (let i = low.indexOf(prefix); i !== -1; i = low.indexOf(prefix, i + 1)) {
        if (i > 0 && isWordChar(low, before(low, i))) continue;
        let j = i + prefix.length;
        while (j < low.length && isWordChar(low, j)) j += low.codePointAt(j)! > 0xffff ? 2 : 1;
        out.add(low.slice(i, j));
      }
    }
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (s: string, i: number) => WORD_CHAR.test(String.fromCodePoint(s.codePointAt(i)!));
/** The index of the character (code point) before position i. */
const before = (s: string, i: number) => (i >= 2 && /[\uDC00-\uDFFF]/.test(s[i - 1]!) && /[\uD800-\uDBFF]/.test(s[i - 2]!) ? i - 2 : i - 1);
