/**
 * What ClaimTrail reads from one CSL item. The importer stores these fields next to the item
 * itself, and the exporter derives them again from the stored item to see which ones the analyst
 * changed since (only those are written back): one function, so import and export cannot drift.
 */
import type { SourceKind } from '../types';
import { fromCslName } from './csl-names';

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

export const cslString = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/** CSL names → ClaimTrail author strings ("Family, Given", or a literal name). Editors are not authors. */
export function cslAuthors(v: unknown): string[] {
  return Array.isArray(v) ? v.map(fromCslName).filter((s): s is string => !!s) : [];
}

export type CslDateReading = { ok: true; date: string | null } | { ok: false; message: string };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A CSL date as far as ClaimTrail's year / year-month / date field can hold it. Every valid CSL
 * date is accepted: a BC year (negative), a season, an uncertain (circa) date, a range (its start),
 * a literal or raw text without an ISO date give no date here and stay in the stored CSL item.
 */
export function cslDate(v: unknown): CslDateReading {
  if (v === undefined || v === null) return { ok: true, date: null };
  if (typeof v === 'string') return { ok: true, date: /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(v.trim())?.[1] ?? null };
  if (typeof v !== 'object' || Array.isArray(v)) return { ok: false, message: `is ${JSON.stringify(v)}: a CSL date is an object such as {"date-parts": [[2025, 1, 20]]}, {"raw": "…"} or {"literal": "…"}` };
  const o = v as Record<string, unknown>;
  const first = Array.isArray(o['date-parts']) ? (o['date-parts'] as unknown[])[0] : undefined;
  if (Array.isArray(first) && first.length) {
    const [y, m, d] = first.map((p) => (typeof p === 'string' && p.trim() !== '' ? Number(p) : typeof p === 'number' ? p : NaN));
    if (!Number.isInteger(y)) return { ok: false, message: `has the year ${JSON.stringify(first[0])}, which is not a number` };
    if (y! < 0 || y! > 9999) return { ok: true, date: null };
    const year = pad(y!, 4);
    if (m === undefined || !Number.isInteger(m) || m < 1 || m > 12) return { ok: true, date: year };
    if (d === undefined || !Number.isInteger(d) || d < 1 || d > 31) return { ok: true, date: `${year}-${pad(m)}` };
    return { ok: true, date: `${year}-${pad(m)}-${pad(d)}` };
  }
  const text = cslString(o.raw) ?? cslString(o.literal) ?? cslString(o.edtf);
  return { ok: true, date: text ? (/^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(text)?.[1] ?? null) : null };
}

/** "https://doi.org/10.1/x" or "doi:10.1/x" → "10.1/x". */
export function normalizeDoi(doi: string): string {
  return doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '');
}

/** The note a source gets when its CSL item has no title and ClaimTrail had to make one. */
export const DERIVED_TITLE_NOTE = 'Title derived by ClaimTrail: the CSL item has none.';

/** A title for an item without one: its short title, container, or "<type> <citation key>". */
function derivedTitle(o: Record<string, unknown>, index: number): string {
  const short = cslString(o['title-short']) ?? cslString(o.shortTitle) ?? cslString(o['container-title']);
  if (short) return short;
  const who = cslAuthors(o.author)[0] ?? cslAuthors(o.editor)[0];
  const year = cslDate(o.issued);
  const label = [who, year.ok ? year.date?.slice(0, 4) : null].filter(Boolean).join(', ');
  return `Untitled ${cslString(o.type) ?? 'item'}${label ? ` (${label})` : ''} [${cslString(o['citation-key']) ?? cslString(o.id) ?? `item ${index}`}]`;
}

export interface CslFields {
  title: string;
  titleDerived: boolean;
  url: string | null;
  /** Who published it: the container (journal, newspaper, website) when there is one, else the publisher. */
  publisher: string | null;
  publisherVariable: 'container-title' | 'publisher';
  authors: string[];
  publishedAt: string | null;
  accessedAt: string | null;
  kind: SourceKind;
  doi: string | null;
  notes: string;
}

/** The ClaimTrail fields of one CSL item (dates that cannot be read give null here; the importer reports them). */
export function cslFields(o: Record<string, unknown>, index = 0): CslFields {
  const title = cslString(o.title);
  const container = cslString(o['container-title']);
  const issued = cslDate(o.issued);
  const accessed = cslDate(o.accessed);
  const doi = cslString(o.DOI);
  return {
    title: title ?? derivedTitle(o, index),
    titleDerived: !title,
    // A protocol-relative URL ("//www.example.org/x", as some RIS exports write it) is read as https.
    url: cslString(o.URL)?.replace(/^\/\//, 'https://') ?? null,
    publisher: container ?? cslString(o.publisher),
    publisherVariable: container ? 'container-title' : 'publisher',
    authors: cslAuthors(o.author),
    publishedAt: issued.ok ? issued.date : null,
    accessedAt: accessed.ok ? accessed.date : null,
    kind: cslKind(o.type),
    doi: doi ? normalizeDoi(doi) : null,
    notes: title ? '' : DERIVED_TITLE_NOTE,
  };
}
