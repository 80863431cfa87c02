/**
 * The "documents" search group (issue 13, docs/search.md): the extracted text of captured documents,
 * one FTS5 row per page (`capture_pages_fts`, stemmed words, no trigram twin). A hit names the source,
 * the capture (its time) and the page, with the page's best fragment marked. Every capture of a
 * source is searched (older captures too: what a page said on the day it was read); captures of
 * sources in the trash are not.
 */
import type { ParsedQuery } from '../core/search/parse';
import type { SearchHit } from '../core/types';
import { cutAround, markWords, splitHighlight } from './search-marks';
import { all, join, list, sql, trustedIdentifier, type DB, type Sql } from './sql';

export const DOCUMENT_TABLES = {
  words: sql`capture_pages_fts`,
  base: sql`capture_pages`,
  columns: [trustedIdentifier('text', ['text'])],
};

/** FTS5 snippet length for a page (in tokens): a sentence or two around the match. */
export const DOCUMENT_SNIPPET_TOKENS = 32;

/** Characters either side of the first match when the snippet is cut here (rows found by a scan). */
const CUT = 160;

/** A page row (FTS rowid `r`) is kept when its capture's source passes `sourceConds` (on `sources s`). */
export function documentKeep(sourceConds: readonly Sql[]): (r: Sql) => Sql {
  const where = join([...sourceConds], ' AND ');
  return (r) =>
    sql`EXISTS (SELECT 1 FROM capture_pages cp JOIN captures k ON k.rowid = cp.capture_rowid JOIN sources s ON s.rowid = k.source_rowid
              WHERE cp.rowid = ${r} AND ${where})`;
}

interface PageMeta {
  rowid: number;
  page: number;
  capture_id: string;
  captured_at: string;
  page_count: number;
  source_id: string;
  source_title: string;
  reliability: string;
}

export function documentHits(db: DB, p: ParsedQuery, rows: readonly { rowid: number; rank: number; snip: string }[]): SearchHit[] {
  if (!rows.length) return [];
  const ids = list(rows.map((r) => r.rowid));
  const meta = new Map(
    all<PageMeta>(
      db,
      sql`SELECT cp.rowid, cp.page, k.id AS capture_id, k.captured_at, k.page_count, s.id AS source_id, s.title AS source_title, s.reliability
          FROM capture_pages cp JOIN captures k ON k.rowid = cp.capture_rowid JOIN sources s ON s.rowid = k.source_rowid
          WHERE cp.rowid IN ${ids}`,
    ).map((m) => [m.rowid, m]),
  );
  // Rows found without an FTS snippet (CJK words: a scan of the pages) are marked and cut here.
  const unmarked = rows.filter((r) => !r.snip).map((r) => r.rowid);
  const texts = unmarked.length
    ? new Map(all<{ rowid: number; text: string }>(db, sql`SELECT rowid, text FROM capture_pages WHERE rowid IN ${list(unmarked)}`).map((t) => [t.rowid, t.text]))
    : new Map<number, string>();
  const terms = p.clauses.flat();
  return rows.map((r) => {
    const m = meta.get(r.rowid)!;
    const snip = r.snip || cutAround(markWords(texts.get(r.rowid) ?? '', terms), CUT);
    return {
      kind: 'documents',
      id: m.capture_id,
      claimId: null,
      title: `${m.source_title} (${m.reliability})`,
      source: m.source_title,
      snippet: splitHighlight(snip),
      rank: r.rank,
      capture: { captureId: m.capture_id, sourceId: m.source_id, capturedAt: m.captured_at, page: m.page, pageCount: m.page_count },
    };
  });
}
