/**
 * Sources as CSL-JSON (Zotero, citation processors). A source imported from CSL is written back as
 * its own item, unchanged except for the fields the analyst edited since (found by reading the
 * stored item again with the importer's own mapping, core/transfer/csl-item.ts): citation key,
 * editors, publisher vs container, BC or literal dates and every variable ClaimTrail does not model
 * survive. Other sources are built from their fields, names parsed into family/given.
 */
import type { SourceKind } from '../types';
import { toCslName } from './csl-names';
import { cslFields, type CslFields } from './csl-item';
import type { CaseSnapshot, SnapshotSource } from './snapshot';

const TYPE: Record<SourceKind, string> = {
  report: 'report',
  news: 'article-newspaper',
  'official statement': 'document',
  paper: 'article-journal',
  'social post': 'post',
  dataset: 'dataset',
  interview: 'interview',
  web: 'webpage',
  other: 'document',
};

/** Where a publisher goes when ClaimTrail builds the item: a newspaper or journal is the container. */
const CONTAINER_KINDS: readonly SourceKind[] = ['news', 'paper', 'social post'];

function dateParts(d: string | null): { 'date-parts': number[][] } | undefined {
  return d ? { 'date-parts': [d.split('-').map(Number)] } : undefined;
}

const names = (authors: string[]) => (authors.length ? authors.map(toCslName) : undefined);
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function built(s: SnapshotSource): Record<string, unknown> {
  const container = CONTAINER_KINDS.includes(s.kind);
  return {
    id: s.id,
    type: TYPE[s.kind],
    title: s.title,
    author: names(s.authors),
    issued: dateParts(s.publishedAt),
    accessed: dateParts(s.accessedAt),
    [container ? 'container-title' : 'publisher']: s.publisher ?? undefined,
    URL: s.url ?? undefined,
    DOI: s.doi ?? undefined,
    note: s.notes || undefined,
  };
}

/** The stored item with the analyst's edits applied: only a field that differs from what the item itself says is written. */
function edited(item: Record<string, unknown>, s: SnapshotSource): Record<string, unknown> {
  const was: CslFields = cslFields(item);
  const out: Record<string, unknown> = { ...item };
  const set = (variable: string, value: unknown) => {
    if (value === undefined || value === null) delete out[variable];
    else out[variable] = value;
  };
  if (s.title !== was.title) set('title', s.title);
  if (s.url !== was.url) set('URL', s.url);
  if (s.doi !== was.doi) set('DOI', s.doi);
  if (!sameList(s.authors, was.authors)) set('author', names(s.authors));
  if (s.publishedAt !== was.publishedAt) set('issued', dateParts(s.publishedAt));
  if (s.accessedAt !== was.accessedAt) set('accessed', dateParts(s.accessedAt));
  if (s.publisher !== was.publisher) set(was.publisherVariable, s.publisher);
  if (s.kind !== was.kind) set('type', TYPE[s.kind]);
  if (s.notes !== was.notes) set('note', s.notes || undefined);
  return out;
}

export function sourceToCsl(s: SnapshotSource, takenIds: Set<string> = new Set()): Record<string, unknown> {
  const item = s.csl ? edited(s.csl, s) : built(s);
  // The item's own id is its citation key (Zotero, Better BibTeX): kept unless another exported item has it.
  const own = s.csl && (typeof s.csl.id === 'string' || typeof s.csl.id === 'number') ? String(s.csl.id) : null;
  const id = own && !takenIds.has(own) ? s.csl!.id : s.id;
  takenIds.add(String(id));
  return Object.fromEntries(Object.entries({ ...item, id }).filter(([, v]) => v !== undefined));
}

export function sourcesToCsl(s: CaseSnapshot): string {
  const taken = new Set<string>();
  return `${JSON.stringify(s.sources.filter((x) => !x.deletedAt).map((x) => sourceToCsl(x, taken)), null, 2)}\n`;
}
