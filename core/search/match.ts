/**
 * How each parsed term is matched (docs/search.md). Search runs in passes over the same query:
 *
 *   words       the stemmed word index (`*_fts`): `chip` = "chips"; amounts by their written forms
 *   quantity    claims only: amounts against the structured quantity (`qty_value`)
 *   substrings  the trigram index (`*_tri`): every word of 3+ characters found inside longer words
 *               (`6mn` in "USD6mn", `H800` in "使用H800芯片")
 *
 * In every pass, "quoted text" matches exactly (the word index finds the phrase, the trigram index
 * keeps the rows where it stands as typed) and Chinese/Japanese/Korean words are found inside the
 * text (trigram index, or a substring scan below 3 characters).
 *
 * Captured documents have a word index only (a trigram index would triple the size of large texts):
 * with `{ trigrams: false }` prefixes go through the word index (see `stemPrefix`), CJK words and
 * quoted CJK text are found by a substring check of the page, and there is no substrings pass.
 */
import { amountForms } from './amounts';
import type { Term } from './parse';
import { hasCjk } from './scripts';

export type Pass = 'words' | 'quantity' | 'substrings';
export type FtsIndex = 'words' | 'trigrams';

export type Atom =
  | { kind: 'fts'; index: FtsIndex; expr: string }
  | { kind: 'contains'; text: string; caseless?: boolean }
  | { kind: 'quantity'; value: number; unit: string | null };

/** An FTS5 string: every user text is quoted, so no user text is ever FTS5 syntax. */
export const quoteFts = (text: string, prefix = false): string => `"${text.replace(/"/g, '""')}"${prefix ? '*' : ''}`;
const anyOf = (exprs: readonly string[]) => (exprs.length === 1 ? exprs[0]! : `(${exprs.join(' OR ')})`);
const chars = (s: string) => [...s].length;

/** A trigram index matches strings of 3 characters or more. */
const inside = (text: string): Atom => (chars(text) >= 3 ? { kind: 'fts', index: 'trigrams', expr: quoteFts(text) } : { kind: 'contains', text });

export interface PlanOptions {
  /** False for an index without a trigram twin (captured documents). Default true. */
  trigrams?: boolean;
}

/**
 * A prefix on a stemmed word index: the index holds stems (immigration → immigr, happiness → happi),
 * so `immigra*` also has to match stems that are shorter than the typed prefix. The word itself as a
 * prefix, or one of its cuts down to 4 letters shorter (at least 3 letters) as a whole stem; the caller
 * keeps only rows that contain the typed prefix (`prefixCheck`).
 */
export function stemPrefix(text: string): string {
  const letters = [...text];
  const cuts: string[] = [quoteFts(text, true)];
  for (let n = letters.length - 1; n >= Math.max(3, letters.length - 4); n--) cuts.push(quoteFts(letters.slice(0, n).join('')));
  return anyOf(cuts);
}

/** The atom for one term in one pass. */
export function termAtom(t: Term, pass: Pass, o: PlanOptions = {}): Atom {
  if (o.trigrams === false) return wordsOnlyAtom(t);
  if (t.amount) {
    if (pass === 'quantity') return { kind: 'quantity', ...t.amount };
    const forms = amountForms(t.amount);
    if (pass === 'words') return { kind: 'fts', index: 'words', expr: anyOf(forms.map((f) => quoteFts(f))) };
    const long = forms.filter((f) => chars(f) >= 3);
    return long.length ? { kind: 'fts', index: 'trigrams', expr: anyOf(long.map((f) => quoteFts(f))) } : { kind: 'fts', index: 'words', expr: anyOf(forms.map((f) => quoteFts(f))) };
  }
  if (t.cjk) return inside(t.text);
  if (t.phrase) return chars(t.text) >= 3 ? inside(t.text) : { kind: 'fts', index: 'words', expr: quoteFts(t.text, t.prefix) };
  // The word index holds stems (immigration → immigr): a prefix such as `immigra*` is found inside words.
  if ((pass === 'substrings' || t.prefix) && chars(t.text) >= 3) return inside(t.text);
  return { kind: 'fts', index: 'words', expr: quoteFts(t.text, t.prefix) };
}

/** The atom for one term on a word index without trigrams (every pass is the words pass). */
function wordsOnlyAtom(t: Term): Atom {
  if (t.amount) return { kind: 'fts', index: 'words', expr: anyOf(amountForms(t.amount).map((f) => quoteFts(f))) };
  if (t.cjk || hasCjk(t.text)) return { kind: 'contains', text: t.text };
  if (t.prefix && !t.phrase && chars(t.text) >= 3) return { kind: 'fts', index: 'words', expr: stemPrefix(t.text) };
  return { kind: 'fts', index: 'words', expr: quoteFts(t.text, t.prefix) };
}

export interface Condition {
  /** OR of these atoms. */
  anyOf: Atom[];
  negated: boolean;
}

export interface Plan {
  /** The ranked FTS query that drives the pass, or null (scan the table under the conditions). */
  primary: { index: FtsIndex; expr: string } | null;
  conditions: Condition[];
}

/** One clause (OR of atoms) as a single FTS atom when all its atoms use the same index. */
function merge(atoms: Atom[]): Atom[] {
  const first = atoms[0]!;
  if (first.kind !== 'fts' || atoms.some((a) => a.kind !== 'fts' || a.index !== first.index)) return atoms;
  return [{ kind: 'fts', index: first.index, expr: anyOf(atoms.map((a) => (a as { expr: string }).expr)) }];
}

/**
 * A quoted phrase on its own, in every pass: the word index finds the phrase (whole words, ranked,
 * fast) and a check of each found row keeps those where it stands exactly as typed (ASCII letters in
 * any case: per found row this costs far less than a trigram query).
 */
function exactPhrase(c: readonly Term[]): Atom[][] | null {
  const t = c[0]!;
  if (c.length !== 1 || !t.phrase || t.cjk || chars(t.text) < 3 || hasCjk(t.text)) return null;
  return [[{ kind: 'fts', index: 'words', expr: quoteFts(t.text, t.prefix) }], [{ kind: 'contains', text: t.text, caseless: true }]];
}

/** A prefix on its own without trigrams: its stem cuts in the word index, kept where the text holds the prefix. */
function prefixCheck(c: readonly Term[], o: PlanOptions): Atom[][] | null {
  const t = c[0]!;
  if (o.trigrams !== false || c.length !== 1 || !t.prefix || t.phrase || t.cjk || t.amount || chars(t.text) < 3 || hasCjk(t.text)) return null;
  return [[wordsOnlyAtom(t)], [{ kind: 'contains', text: t.text, caseless: true }]];
}

/** The plan of one pass: AND of clauses, minus the excluded terms. */
export function planPass(clauses: readonly Term[][], excluded: readonly Term[], pass: Pass, o: PlanOptions = {}): Plan {
  const compiled = clauses.flatMap((c) => exactPhrase(c) ?? prefixCheck(c, o) ?? [merge(c.map((t) => termAtom(t, pass, o)))]);
  const single = (index: FtsIndex) => compiled.filter((c) => c.length === 1 && c[0]!.kind === 'fts' && c[0]!.index === index).map((c) => (c[0] as { expr: string }).expr);
  const words = single('words');
  const index: FtsIndex | null = words.length ? 'words' : single('trigrams').length ? 'trigrams' : null;
  const conditions: Condition[] = [];
  const inPrimary: string[] = [];
  for (const c of compiled) {
    if (index && c.length === 1 && c[0]!.kind === 'fts' && c[0]!.index === index) inPrimary.push(c[0]!.expr);
    else conditions.push({ anyOf: c, negated: false });
  }
  const notPrimary: string[] = [];
  for (const t of excluded) {
    const a = termAtom(t, pass === 'quantity' ? 'words' : pass, o);
    if (index && a.kind === 'fts' && a.index === index) notPrimary.push(a.expr);
    else conditions.push({ anyOf: [a], negated: true });
  }
  if (!index) return { primary: null, conditions };
  let expr = inPrimary.join(' AND ');
  if (notPrimary.length) expr = `(${expr}) NOT ${anyOf(notPrimary)}`;
  return { primary: { index, expr }, conditions };
}

/** True when the query has something the quantity pass can find. */
export const hasAmount = (clauses: readonly Term[][]): boolean => clauses.some((c) => c.some((t) => t.amount));
