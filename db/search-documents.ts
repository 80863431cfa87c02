/**
 * The "documents" search group (issue 13, docs/search.md): the extracted text of captured documents,
 * one FTS5 row per page (`capture_pages_fts`, stemmed words, no trigram twin). A hit names the source,
 * the capture (its time) and the page, with the page's best fragment marked. Every capture of a
 * source is searched (older captures too: what a page said on the day it was read); captures of
 * sources in the trash are not.
 */
import type { ParsedQuery } from '../core/search/parse';
import type { SearchHit } from '../core/types';
import { cutAround, splitHighlight, wordMarker } from './search-marks';
import { matchedSnippets, type MatchedRow } from './search-snippets';
import { all, join, list, sql, trustedIdentifier, type DB, type Sql } from './sql';

export const DOCUMENT_TABLES = {
  words: sql`capture_pages_fts`,
  base: sql`capture_pages`,
  columns: [trustedIdentifier('text', ['text'])],
};

/** FTS5 snippet length for a page (in tokens), when it has to make one: a sentence or two around the match. */
const SNIPPET_TOKENS = 32;

/** Characters either side of the first match when the snippet is cut here (rows found by a scan). */
const CUT = 160;

/** A page row (FTS rowid `r`) is kept when its capture's source passes `sourceConds` (on `sources s`). */
export function documentKeep(sourceConds: readonly Sql[]): (r: Sql) => Sql {
  const where = join([...sourceConds], ' AND ');
  return (r) =>
    sql`EXISTS (SELECT 1 FROM capture_pages cp JOIN captures k ON k.rowid = cp.capture_rowid JOIN sources s ON s.rowid = k.source_rowid
              WHERE cp.rowid = ${r} AND ${where})`;
}

/**
 * A found page's page, capture and source, joined to its FTS row in the query that finds it (one-row
 * lookups by rowid after the FTS table, so FTS5 still yields rows in rank order): no second query.
 */
export function documentHydration(r: Sql): { columns: Sql; joins: Sql } {
  return {
    columns: sql`cp.page, cp.text, k.id AS capture_id, k.captured_at, k.page_count, s.id AS source_id, s.title AS source_title, s.reliability`,
    joins: sql`CROSS JOIN capture_pages cp ON cp.rowid = ${r} CROSS JOIN captures k ON k.rowid = cp.capture_rowid CROSS JOIN sources s ON s.rowid = k.source_rowid`,
  };
}

interface PageMeta {
  rowid: number;
  page: number;
  text: string;
  capture_id: string;
  captured_at: string;
  page_count: number;
  source_id: string;
  source_title: string;
  reliability: string;
}

/**
 * Snippets of the found pages: made here where the words stand written (db/search-snippets.ts); pages
 * found by a scan (CJK words, no MATCH) are marked and cut here.
 */
function snippets(db: DB, p: ParsedQuery, rows: readonly Row[], texts: ReadonlyMap<number, string>): Map<number, string> {
  const mark = wordMarker(p.clauses.flat());
  const matched: MatchedRow[] = [];
  const out = new Map<number, string>();
  for (const r of rows) {
    const text = texts.get(r.rowid) ?? '';
    if (r.snip) out.set(r.rowid, r.snip);
    else if (!r.match) out.set(r.rowid, cutAround(mark(text), CUT));
    else matched.push({ rowid: r.rowid, match: r.match, text });
  }
  for (const [rowid, snip] of matchedSnippets(db, 'capture_pages_fts', p, matched, { tokens: SNIPPET_TOKENS })) out.set(rowid, snip);
  return out;
}

interface Row {
  rowid: number;
  rank: number;
  snip: string;
  match?: string;
}

/** The page, capture and source of each row: those a query found with `documentHydration` carry them. */
function pageMeta(db: DB, rows: readonly Row[]): Map<number, PageMeta> {
  const out = new Map<number, PageMeta>();
  const missing: number[] = [];
  for (const r of rows) {
    if (typeof (r as Partial<PageMeta>).text === 'string') out.set(r.rowid, r as Row & PageMeta);
    else missing.push(r.rowid);
  }
  if (missing.length)
    for (const m of all<PageMeta>(
      db,
      sql`SELECT cp.rowid, cp.page, cp.text, k.id AS capture_id, k.captured_at, k.page_count, s.id AS source_id, s.title AS source_title, s.reliability
          FROM capture_pages cp JOIN captures k ON k.rowid = cp.capture_rowid JOIN sources s ON s.rowid = k.source_rowid
          WHERE cp.rowid IN ${list(missing)}`,
    ))
      out.set(m.rowid, m);
  return out;
}

export function documentHits(db: DB, p: ParsedQuery, rows: readonly Row[]): SearchHit[] {
  if (!rows.length) return [];
  const meta = pageMeta(db, rows);
  const snips = snippets(db, p, rows, new Map([...meta].map(([rowid, m]) => [rowid, m.text])));
  return rows.map((r) => {
    const m = meta.get(r.rowid)!;
    return {
      kind: 'documents',
      id: m.capture_id,
      claimId: null,
      title: `${m.source_title} (${m.reliability})`,
      source: m.source_title,
      snippet: splitHighlight(snips.get(r.rowid) ?? ''),
      rank: r.rank,
      capture: { captureId: m.capture_id, sourceId: m.source_id, capturedAt: m.captured_at, page: m.page, pageCount: m.page_count },
    };
  });
}
