import type { Source, SourceFields, SourceRef } from '../../core/types';

export type { SourceFields };
import { apiColumns, type RowOf } from '../../core/records/define';
import { sourceRecord } from '../../core/records/records';
import { insertRow, updateRow } from '../records/write';
import { conflict, notFound } from '../errors';
import { all, get, join, run, sql, type DB, type Sql } from '../sql';

/** The stored row, derived from its declaration (core/records/records.ts). */
export type SourceRow = RowOf<typeof sourceRecord>;

/** Source row plus the text ids of its parent and lineage root. */
export interface SourceRowWithRefs extends SourceRow {
  derived_from_id: string | null;
  origin_id: string | null;
}

const SELECT_WITH_REFS = sql`SELECT s.*, p.id AS derived_from_id, o.id AS origin_id FROM sources s
  LEFT JOIN sources p ON p.rowid = s.derived_from LEFT JOIN sources o ON o.rowid = s.origin`;

export function sourceRowById(db: DB, id: string): SourceRowWithRefs {
  const row = get<SourceRowWithRefs>(db, sql`${SELECT_WITH_REFS} WHERE s.id = ${id}`);
  if (!row) throw notFound('source', id);
  return row;
}

/** A source's title by its id (undefined when there is none) or its rowid. */
export function sourceTitle(db: DB, key: { id: string } | { rowid: number }): string | undefined {
  const where = 'id' in key ? sql`id = ${key.id}` : sql`rowid = ${key.rowid}`;
  return get<{ title: string }>(db, sql`SELECT title FROM sources WHERE ${where}`)?.title;
}

export function toSourceRef(r: Pick<SourceRow, 'id' | 'title' | 'publisher' | 'reliability' | 'url'>): SourceRef {
  return { id: r.id, title: r.title, publisher: r.publisher, reliability: r.reliability, url: r.url };
}

export function toSource(r: SourceRowWithRefs): Source {
  return {
    ...toSourceRef(r),
    authors: JSON.parse(r.authors) as string[],
    publishedAt: r.published_at,
    accessedAt: r.accessed_at,
    kind: r.kind,
    derivedFromId: r.derived_from_id,
    originId: r.origin_id ?? r.id,
    doi: r.doi,
    notes: r.notes,
    fileSha256: r.file_sha256,
    csl: r.csl === null ? null : (JSON.parse(r.csl) as Record<string, unknown>),
    speaksFor: r.speaks_for,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}


/** API name → column of the fields a source's form sets, derived from the declaration (all but the key, lineage and stamps). */
export const SOURCE_NOT_PATCHED = ['rowid', 'id', 'derived_from', 'origin', 'created_at', 'updated_at', 'deleted_at'] as const;
const COLUMN = apiColumns(sourceRecord, SOURCE_NOT_PATCHED) satisfies Record<keyof SourceFields, string>;

function toColumnValue(key: keyof SourceFields, v: unknown): unknown {
  if (key === 'authors') return JSON.stringify(v ?? []);
  if (key === 'csl') return v === null || v === undefined ? null : JSON.stringify(v);
  return v;
}

export function insertSource(db: DB, id: string, f: SourceFields, at: string): number {
  const row: Record<string, unknown> = { id, created_at: at, updated_at: at };
  for (const [key, value] of Object.entries(f)) if (key in COLUMN) row[COLUMN[key as keyof SourceFields]] = toColumnValue(key as keyof SourceFields, value);
  const rowid = insertRow(db, sourceRecord, row as Partial<SourceRow>);
  run(db, sql`UPDATE sources SET origin = rowid WHERE rowid = ${rowid}`);
  return rowid;
}

/** Writes the fields of the patch that differ from the stored row (nothing, not even updated_at, when none does). */
export function patchSource(db: DB, row: SourceRow, patch: Partial<SourceFields>, at: string): void {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const k = key as keyof SourceFields;
    const stored = toColumnValue(k, value);
    // An unknown name stays as it is, and updateRow refuses it (not an allowed identifier).
    const col = COLUMN[k] ?? key;
    if (stored === (row as unknown as Record<string, unknown>)[col]) continue;
    changed[col] = stored;
  }
  if (!Object.keys(changed).length) return;
  changed.updated_at = at;
  updateRow(db, sourceRecord, row.rowid, changed as Partial<SourceRow>);
}

export function setDeleted(db: DB, rowid: number, at: string | null): void {
  run(db, sql`UPDATE sources SET deleted_at = ${at} WHERE rowid = ${rowid}`);
}

/** How many sources name this one as what they were derived from. */
export function countDerivedSources(db: DB, rowid: number): number {
  return get<{ n: number }>(db, sql`SELECT count(*) AS n FROM sources WHERE derived_from = ${rowid}`)!.n;
}

/** The source and everything derived from it, directly or through others. */
export function descendants(db: DB, rowid: number): number[] {
  return all<{ rowid: number }>(
    db,
    sql`WITH RECURSIVE d(rowid) AS (SELECT ${rowid} UNION SELECT s.rowid FROM sources s JOIN d ON s.derived_from = d.rowid)
        SELECT rowid FROM d`,
  ).map((r) => r.rowid);
}

/** Sets the parent of a source, refusing cycles, and re-roots the whole subtree. */
export function setDerivedFrom(db: DB, rowid: number, parentRowid: number | null): void {
  const subtree = descendants(db, rowid);
  if (parentRowid !== null && subtree.includes(parentRowid))
    throw conflict('a source cannot derive from itself or from a source derived from it (lineage cycle)');
  run(db, sql`UPDATE sources SET derived_from = ${parentRowid} WHERE rowid = ${rowid}`);
  const root =
    parentRowid === null
      ? rowid
      : get<{ origin: number }>(db, sql`SELECT origin FROM sources WHERE rowid = ${parentRowid}`)!.origin;
  for (const r of subtree) run(db, sql`UPDATE sources SET origin = ${root} WHERE rowid = ${r}`);
}

export function lineage(db: DB, rowid: number): SourceRef[] {
  return all<SourceRow>(
    db,
    sql`WITH RECURSIVE up(rowid, depth) AS (SELECT ${rowid}, 0 UNION ALL
          SELECT s.derived_from, up.depth + 1 FROM sources s JOIN up ON s.rowid = up.rowid WHERE s.derived_from IS NOT NULL)
        SELECT s.* FROM up JOIN sources s ON s.rowid = up.rowid ORDER BY up.depth`,
  ).map(toSourceRef);
}

export function derivedSources(db: DB, rowid: number): SourceRef[] {
  return all<SourceRow>(db, sql`SELECT * FROM sources WHERE derived_from = ${rowid} ORDER BY title`).map(toSourceRef);
}

export function listSources(
  db: DB,
  q: { offset: number; limit: number; text?: string; deleted: boolean },
): { items: (Source & { citations: number })[]; total: number } {
  const where: Sql[] = [q.deleted ? sql`s.deleted_at IS NOT NULL` : sql`s.deleted_at IS NULL`];
  if (q.text) where.push(sql`(s.title LIKE ${`%${q.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`} ESCAPE '\\')`);
  const cond = join(where, ' AND ');
  const total = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM sources s WHERE ${cond}`)!.n;
  const rows = all<SourceRowWithRefs & { citations: number }>(
    db,
    sql`SELECT s.*, p.id AS derived_from_id, o.id AS origin_id,
          (SELECT count(*) FROM evidence e WHERE e.source_rowid = s.rowid) AS citations
        FROM sources s LEFT JOIN sources p ON p.rowid = s.derived_from LEFT JOIN sources o ON o.rowid = s.origin
        WHERE ${cond} ORDER BY s.title COLLATE NOCASE, s.rowid LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  return { items: rows.map((r) => ({ ...toSource(r), citations: r.citations })), total };
}
