/**
 * CSL-JSON (Zotero, Better BibTeX, Mendeley, citation-js) → sources. Every valid CSL item is
 * accepted; the raw item is kept in `csl` so the export gives it back unchanged except for what
 * the analyst edits (core/transfer/to-csl.ts).
 */
import { addIssue, checkRecord, full, type IssueSink } from './check';
import { cslDate, cslFields, cslString } from './csl-item';
import { parseJsonText } from './from-json';
import { sourceRecord } from './schemas';
import { emptyBundle, type Bundle, type BundleSource } from './types';

export { cslAuthors, cslDate, cslKind, normalizeDoi } from './csl-item';

const FIELD: Record<string, string> = { url: 'URL', doi: 'DOI', publishedAt: 'issued', accessedAt: 'accessed', authors: 'author', publisher: 'container-title' };

/** One CSL item → a source record (null when it is refused; the sink says why). */
export function cslItemToSource(item: unknown, where: { record: string }, index: number, sink: IssueSink): BundleSource | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    addIssue(sink, where, 'item', 'must be an object');
    return null;
  }
  const o = item as Record<string, unknown>;
  let bad = false;
  for (const variable of ['issued', 'accessed'] as const) {
    const d = cslDate(o[variable]);
    if (!d.ok) {
      addIssue(sink, where, variable, d.message);
      bad = true;
    }
  }
  const f = cslFields(o, index);
  const raw = {
    key: `csl:${cslString(o.id) ?? index}`,
    record: where.record,
    title: f.title,
    url: f.url,
    publisher: f.publisher,
    authors: f.authors,
    publishedAt: f.publishedAt,
    accessedAt: f.accessedAt,
    kind: f.kind,
    doi: f.doi,
    notes: f.notes,
    csl: o,
  };
  const s = checkRecord(sourceRecord, raw, where, sink, (p) => FIELD[p.split('.')[0]!] ?? p);
  return s && !bad ? s : null;
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
    const s = cslItemToSource(item, { record: `item[${i}]` }, i, sink);
    if (s) bundle.sources.push(s);
  });
  if (!items.length && !sink.issues.length) addIssue(sink, { record: 'document' }, 'items', 'the file holds no items');
  return { bundle, records: items.length };
}
