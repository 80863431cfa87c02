/** CSL-JSON (Zotero's export) → sources. The raw item is kept in `csl` for a faithful re-export. */
import type { SourceKind } from '../types';
import { addIssue, checkRecord, full, type IssueSink } from './check';
import { parseJsonText } from './from-json';
import { sourceRecord } from './schemas';
import { emptyBundle, type Bundle } from './types';

const KIND: Record<string, SourceKind> = {
  'article-journal': 'paper',
  'paper-conference': 'paper',
  thesis: 'paper',
  manuscript: 'paper',
  chapter: 'paper',
  book: 'paper',
  report: 'report',
  'article-newspaper': 'news',
  'article-magazine': 'news',
  broadcast: 'news',
  article: 'news',
  post: 'social post',
  'post-weblog': 'social post',
  dataset: 'dataset',
  interview: 'interview',
  webpage: 'web',
  legislation: 'official statement',
  bill: 'official statement',
  regulation: 'official statement',
  legal_case: 'official statement',
  hearing: 'official statement',
  speech: 'official statement',
};

export function cslKind(type: unknown): SourceKind {
  return typeof type === 'string' ? (KIND[type] ?? 'other') : 'other';
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

/** CSL names: {family, given} → "Family, Given"; {literal} → as is. */
export function cslAuthors(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .map((n) => {
      if (typeof n !== 'object' || n === null) return str(n);
      const o = n as Record<string, unknown>;
      const literal = str(o.literal);
      if (literal) return literal;
      const family = [str(o['non-dropping-particle']), str(o.family)].filter(Boolean).join(' ');
      const given = str(o.given);
      return family && given ? `${family}, ${given}` : family || given;
    })
    .filter((s): s is string => !!s);
}

/** {"date-parts": [[2025, 1, 20]]} → "2025-01-20"; {raw: "2025-01-20"} is accepted too. */
export function cslDate(v: unknown): string | null | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const parts = Array.isArray(o['date-parts']) ? (o['date-parts'] as unknown[])[0] : undefined;
  if (Array.isArray(parts) && parts.length) {
    const [y, m, d] = parts.map((p) => Number(p));
    if (!Number.isInteger(y) || y! < 0 || y! > 9999) return undefined;
    const pad = (n: number) => String(n).padStart(2, '0');
    if (m === undefined || !Number.isInteger(m) || m < 1 || m > 12) return String(y).padStart(4, '0');
    if (d === undefined || !Number.isInteger(d) || d < 1 || d > 31) return `${String(y).padStart(4, '0')}-${pad(m)}`;
    return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  }
  const raw = str(o.raw) ?? str(o.literal);
  const m = raw ? /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(raw) : null;
  return m ? m[1]! : raw ? undefined : null;
}

/** "https://doi.org/10.1/x" or "doi:10.1/x" → "10.1/x". */
export function normalizeDoi(doi: string): string {
  return doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '');
}

export function parseCslJson(content: string, sink: IssueSink): { bundle: Bundle; records: number } {
  const bundle = emptyBundle();
  const doc = parseJsonText(content, sink);
  if (doc === undefined) return { bundle, records: 0 };
  const items = Array.isArray(doc) ? doc : typeof doc === 'object' && doc !== null ? [doc] : null;
  if (!items) {
    addIssue(sink, { record: 'document' }, 'items', 'CSL-JSON must be a list of items (or one item)');
    return { bundle, records: 0 };
  }
  items.forEach((item, i) => {
    if (full(sink)) return;
    const where = { record: `item[${i}]` };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      addIssue(sink, where, 'item', 'must be an object');
      return;
    }
    const o = item as Record<string, unknown>;
    const issued = cslDate(o.issued);
    if (issued === undefined) addIssue(sink, where, 'issued', 'is not a CSL date ({"date-parts": [[2025, 1, 20]]})');
    const accessed = cslDate(o.accessed);
    const container = str(o['container-title']);
    const raw = {
      key: `csl:${str(o.id) ?? i}`,
      record: where.record,
      title: str(o.title) ?? container,
      url: str(o.URL),
      publisher: container ?? str(o.publisher),
      authors: cslAuthors(o.author ?? o.editor),
      publishedAt: issued ?? null,
      accessedAt: accessed ?? null,
      kind: cslKind(o.type),
      doi: str(o.DOI) ? normalizeDoi(str(o.DOI)!) : null,
      csl: o,
    };
    const s = checkRecord(sourceRecord, raw, where, sink, (p) => ({ url: 'URL', doi: 'DOI', publishedAt: 'issued', accessedAt: 'accessed' })[p] ?? p);
    if (s && issued !== undefined) bundle.sources.push(s);
  });
  if (!items.length && !sink.issues.length) addIssue(sink, { record: 'document' }, 'items', 'the file holds no items');
  return { bundle, records: items.length };
}
