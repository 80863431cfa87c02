/**
 * The search language (DESIGN §4). Never throws: any input gives a query (possibly empty) and
 * notices that tell the analyst what was adjusted.
 *
 *   bare words (AND)   a AND b   "exact text"   -excluded   NOT excluded   prefix*   a OR b
 *   amounts: 6mn  USD 6mn  $6 million  6 million dollars   Chinese/Japanese/Korean: any word inside
 *   status:disputed  tag:chips  claimant:"Sam Altman"  source:reuters  grade:A-B
 *   p:>0.8  p:<0.2  p:0.4-0.6  before:2025-02-01  after:2025-01  is:disputed  is:overridden
 *   in:documents  in:claims,evidence   (which result groups; `source:`/`grade:` also filter documents)
 */
import { RELIABILITY, type Reliability } from '../grades';
import { readAmount, type Amount } from './amounts';
import { splitScripts } from './scripts';
import { normalizeText } from '../text';
import { CLAIM_STATUSES, SEARCH_KINDS, type ClaimStatus, type SearchKind } from '../types';

export interface Term {
  text: string;
  prefix: boolean;
  phrase: boolean;
  /** Set when the term reads as an amount (`6mn`, `$6 million`): matched by its written forms and quantities. */
  amount?: Amount;
  /** Chinese, Japanese or Korean text (no spaces between words): matched inside the text. */
  cjk?: boolean;
}

export type Filter =
  | { kind: 'status'; values: ClaimStatus[] }
  | { kind: 'tag'; value: string }
  | { kind: 'claimant'; value: string }
  | { kind: 'source'; value: string }
  | { kind: 'grade'; values: Reliability[] }
  | { kind: 'p'; min: number; max: number; minInclusive: boolean; maxInclusive: boolean }
  | { kind: 'before'; date: string }
  | { kind: 'after'; date: string }
  | { kind: 'is'; value: 'disputed' | 'overridden' }
  /** Which result groups to search (`in:documents`); not a condition on rows. */
  | { kind: 'in'; values: SearchKind[] };

export interface ParsedQuery {
  /** AND of clauses; each clause is an OR of terms. */
  clauses: Term[][];
  excluded: Term[];
  filters: Filter[];
  notices: string[];
}

export const MAX_QUERY_LENGTH = 1000;
export const MAX_TERMS = 32;
const FILTER_KEYS = ['status', 'tag', 'claimant', 'source', 'grade', 'p', 'before', 'after', 'is', 'in'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const SEARCHABLE = /[\p{L}\p{N}]/u;
const CONTROL_OR_LONE_SURROGATE = /[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

interface RawToken {
  text: string;
  quoted: boolean;
  negated: boolean;
  key: FilterKey | null;
}

function tokenize(input: string, notices: string[]): RawToken[] {
  const out: RawToken[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && /\s/.test(input[i]!)) i++;
    if (i >= n) break;
    let negated = false;
    if (input[i] === '-' && i + 1 < n && !/\s/.test(input[i + 1]!)) {
      negated = true;
      i++;
    }
    let key: FilterKey | null = null;
    const keyMatch = /^([a-zA-Z]+):(?=\S)/.exec(input.slice(i, i + 12));
    if (keyMatch && (FILTER_KEYS as readonly string[]).includes(keyMatch[1]!.toLowerCase())) {
      key = keyMatch[1]!.toLowerCase() as FilterKey;
      i += keyMatch[0].length;
    }
    if (input[i] === '"') {
      const end = input.indexOf('"', i + 1);
      if (end === -1) {
        notices.push('A closing quote was missing; the phrase runs to the end of the query.');
        out.push({ text: input.slice(i + 1), quoted: true, negated, key });
        break;
      }
      let text = input.slice(i + 1, end);
      i = end + 1;
      if (input[i] === '*') {
        text += '*';
        i++;
      }
      out.push({ text, quoted: true, negated, key });
      continue;
    }
    const start = i;
    while (i < n && !/\s/.test(input[i]!)) i++;
    out.push({ text: input.slice(start, i), quoted: false, negated, key });
  }
  return out;
}

/** Comma-separated names among `known` (or their aliases); each unknown one gets a notice naming `what`. */
function knownNames<T extends string>(v: string, known: readonly T[], aliases: Record<string, T>, what: string, notices: string[]): T[] {
  const values: T[] = [];
  for (const raw of v.split(',')) {
    const s = raw.trim().toLowerCase();
    if (!s) continue;
    const name = (known as readonly string[]).includes(s) ? (s as T) : aliases[s];
    if (name) values.push(name);
    else notices.push(`Unknown ${what} "${raw}" ignored (known: ${known.join(', ')}).`);
  }
  return [...new Set(values)];
}

const STATUS_ALIASES: Record<string, ClaimStatus> = { 'under-review': 'under review', under_review: 'under review', review: 'under review' };

function parseStatus(v: string, notices: string[]): Filter | null {
  const values = knownNames(v, CLAIM_STATUSES, STATUS_ALIASES, 'status', notices);
  return values.length ? { kind: 'status', values } : null;
}

/** `in:docs`, `in:claim`: singular and short forms of the group names. */
const KIND_ALIASES: Record<string, SearchKind> = {
  claim: 'claims',
  source: 'sources',
  dispute: 'disputes',
  document: 'documents',
  docs: 'documents',
  doc: 'documents',
  captures: 'documents',
};

function parseKinds(v: string, notices: string[]): Filter | null {
  const values = knownNames(v, SEARCH_KINDS, KIND_ALIASES, 'group', notices);
  return values.length ? { kind: 'in', values } : null;
}

function parseGrade(v: string, notices: string[]): Filter | null {
  const s = v.toUpperCase().replace(/\s/g, '');
  const range = /^([A-F])-([A-F])$/.exec(s);
  let values: Reliability[] = [];
  if (range) {
    const [a, b] = [RELIABILITY.indexOf(range[1] as Reliability), RELIABILITY.indexOf(range[2] as Reliability)];
    values = RELIABILITY.slice(Math.min(a, b), Math.max(a, b) + 1);
  } else if (/^[A-F](,?[A-F])*$/.test(s)) {
    values = [...new Set(s.replace(/,/g, '').split(''))] as Reliability[];
  }
  if (!values.length) {
    notices.push(`grade:${v} ignored: use letters A–F, e.g. grade:A-B or grade:B,C.`);
    return null;
  }
  return { kind: 'grade', values };
}

function parseProbability(v: string, notices: string[]): Filter | null {
  const num = (x: string) => {
    const pct = x.endsWith('%');
    const n = Number(pct ? x.slice(0, -1) : x);
    if (!Number.isFinite(n)) return NaN;
    return pct || n > 1 ? n / 100 : n;
  };
  const cmp = /^(>=|<=|>|<|=)?(.+)$/.exec(v.trim());
  const range = /^([\d.]+%?)-([\d.]+%?)$/.exec(v.trim());
  if (range) {
    const [a, b] = [num(range[1]!), num(range[2]!)];
    if (a >= 0 && b <= 1 && a <= b) return { kind: 'p', min: a, max: b, minInclusive: true, maxInclusive: true };
  } else if (cmp) {
    const x = num(cmp[2]!);
    if (x >= 0 && x <= 1) {
      switch (cmp[1]) {
        case '>':
          return { kind: 'p', min: x, max: 1, minInclusive: false, maxInclusive: true };
        case '>=':
          return { kind: 'p', min: x, max: 1, minInclusive: true, maxInclusive: true };
        case '<':
          return { kind: 'p', min: 0, max: x, minInclusive: true, maxInclusive: false };
        case '<=':
          return { kind: 'p', min: 0, max: x, minInclusive: true, maxInclusive: true };
        default:
          return { kind: 'p', min: x, max: x, minInclusive: true, maxInclusive: true };
      }
    }
  }
  notices.push(`p:${v} ignored: use p:>0.8, p:<20%, or p:0.4-0.6.`);
  return null;
}

function parseDate(kind: 'before' | 'after', v: string, notices: string[]): Filter | null {
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return { kind, date: v };
  notices.push(`${kind}:${v} ignored: use a date like 2025-01-20, 2025-01 or 2025.`);
  return null;
}

function toFilter(key: FilterKey, v: string, notices: string[]): Filter | null {
  if (!v.trim()) {
    notices.push(`${key}: needs a value.`);
    return null;
  }
  switch (key) {
    case 'status':
      return parseStatus(v, notices);
    case 'grade':
      return parseGrade(v, notices);
    case 'in':
      return parseKinds(v, notices);
    case 'p':
      return parseProbability(v, notices);
    case 'before':
    case 'after':
      return parseDate(key, v, notices);
    case 'is': {
      const s = v.toLowerCase();
      if (s === 'disputed' || s === 'overridden') return { kind: 'is', value: s };
      notices.push(`is:${v} ignored (known: is:disputed, is:overridden).`);
      return null;
    }
    default:
      return { kind: key, value: v };
  }
}

function toTerm(t: RawToken): Term | null {
  let text = t.text;
  let prefix = false;
  if (text.endsWith('*')) {
    prefix = true;
    text = text.replace(/\*+$/, '');
  }
  if (!SEARCHABLE.test(text)) return null;
  return { text, prefix, phrase: t.quoted };
}

export function parseQuery(input: string): ParsedQuery {
  const notices: string[] = [];
  // Control characters (NUL ends a C string inside SQLite) and lone surrogates are never searchable.
  let q = normalizeText(typeof input === 'string' ? input : '').replace(CONTROL_OR_LONE_SURROGATE, ' ');
  if (q.length > MAX_QUERY_LENGTH) {
    q = q.slice(0, MAX_QUERY_LENGTH);
    notices.push(`The query was cut to its first ${MAX_QUERY_LENGTH} characters.`);
  }
  const clauses: Term[][] = [];
  const excluded: Term[] = [];
  const filters: Filter[] = [];
  let pendingOr = false;
  let dropped = 0;
  let termCount = 0;
  let pendingNot = false;
  const toks = tokenize(q, notices);
  const plain = (t: RawToken | undefined) => !!t && !t.quoted && !t.negated && !t.key;
  const add = (term: Term, negated: boolean, orGroup: boolean) => {
    if (++termCount > MAX_TERMS) return;
    if (negated) excluded.push(term);
    else if (orGroup) clauses[clauses.length - 1]!.push(term);
    else clauses.push([term]);
  };
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    if (tok.key) {
      const f = toFilter(tok.key, tok.text, notices);
      if (f) filters.push(f);
      continue;
    }
    if (plain(tok) && tok.text === 'OR') {
      pendingOr = clauses.length > 0;
      continue;
    }
    if (plain(tok) && tok.text === 'AND') continue;
    if (plain(tok) && tok.text === 'NOT') {
      pendingNot = true;
      continue;
    }
    const negated = tok.negated || pendingNot;
    const orGroup = pendingOr && !negated;
    pendingOr = false;
    pendingNot = false;
    if (!tok.quoted) {
      // Up to three plain tokens that read as one amount: `USD 6mn`, `$6 million`, `6 million dollars`.
      let n = 1;
      while (n < 3 && plain(toks[i + n])) n++;
      const words = toks.slice(i, i + n).map((t) => t.text);
      const a = readAmount(words, 0);
      if (a) {
        add({ text: words.slice(0, a.used).join(' '), prefix: false, phrase: false, amount: a.amount }, negated, orGroup);
        i += a.used - 1;
        continue;
      }
    }
    const term = toTerm(tok);
    if (!term) {
      dropped++;
      continue;
    }
    // `H800芯片` is two words, and Chinese/Japanese/Korean runs split into words (Intl.Segmenter).
    const parts = term.phrase ? [term] : splitScripts(term.text).map((p): Term => (p.cjk ? { text: p.text, prefix: false, phrase: false, cjk: true } : { ...term, text: p.text }));
    for (const p of parts) add(p, negated, orGroup);
  }
  if (dropped) notices.push(`${dropped} part${dropped === 1 ? '' : 's'} of the query had no letters or digits and were ignored.`);
  if (termCount > MAX_TERMS) notices.push(`Only the first ${MAX_TERMS} search words were used.`);
  return { clauses, excluded, filters, notices };
}

/** FTS5 MATCH text: every user term is a quoted string, so no user text is ever FTS5 syntax. */
export function ftsMatch(clauses: readonly Term[][], excluded: readonly Term[] = []): string | null {
  const quote = (t: Term) => `"${t.text.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`;
  const clause = (c: readonly Term[]) => (c.length === 1 ? quote(c[0]!) : `(${c.map(quote).join(' OR ')})`);
  if (!clauses.length) return null;
  let m = clauses.map(clause).join(' AND ');
  if (excluded.length) m = `(${m}) NOT (${excluded.map(quote).join(' OR ')})`;
  return m;
}
