/**
 * Full-text indexing for large imports. Row-by-row insert triggers cost a trigger program per row;
 * above BULK_FTS_ROWS imported rows the importer drops the insert triggers of every full-text index
 * (the four `*_fts_ai` word indexes and the four `*_tri_ai` trigram indexes) inside its transaction,
 * writes the rows, recreates the triggers from the migrations' own text, and indexes the new rows in
 * one statement per index: a `rebuild` when they are most of the table (an empty case), else
 * `INSERT … SELECT` of the rows past the table's previous highest rowid. DDL is transactional in
 * SQLite, so a failed or cancelled import restores the triggers with everything else.
 */
import { FTS, ftsInsertTrigger } from '../migrations/001-initial';
import { trigramInsertTrigger } from '../migrations/004-search-forgives';
import { get, run, sql, trustedIdentifier, type DB } from '../sql';

/** Imports with more rows than this (all tables together) index in bulk. */
export const BULK_FTS_ROWS = 2_000;
/** Rebuild a table's index when the imported rows are at least this share of it. */
export const REBUILD_SHARE = 0.5;

type Table = (typeof FTS)[number]['table'];

/** One full-text index fed by an insert trigger on its content table. */
interface IndexSpec {
  table: Table;
  index: string;
  columns: string;
  trigger: string;
  /** The migration's own CREATE TRIGGER text: a code constant, no input in it. */
  create: string;
}

const INDEXES: readonly IndexSpec[] = FTS.flatMap((f) => [
  { table: f.table, index: `${f.table}_fts`, columns: f.columns.join(', '), trigger: `${f.table}_fts_ai`, create: ftsInsertTrigger(f) },
  { table: f.table, index: `${f.table}_tri`, columns: f.columns.join(', '), trigger: `${f.table}_tri_ai`, create: trigramInsertTrigger(f.table, f.columns) },
]);

const allowed = (pick: (i: IndexSpec) => string) => INDEXES.map(pick);
const ident = (i: IndexSpec, pick: (i: IndexSpec) => string) => trustedIdentifier(pick(i), allowed(pick));

export interface BulkFts {
  /** Highest rowid of each table before the import: every row above it is new. */
  readonly before: ReadonlyMap<Table, number>;
}

export const maxRowid = (db: DB, table: Table): number =>
  get<{ n: number | null }>(db, sql`SELECT max(rowid) AS n FROM ${trustedIdentifier(table, FTS.map((f) => f.table))}`)!.n ?? 0;

/**
 * Drops the insert triggers; call inside the import's transaction, before the first insert. Returns
 * null (index row by row) unless every trigger is still exactly the one the migrations created, since
 * that is the text finishBulkFts puts back.
 */
export function beginBulkFts(db: DB): BulkFts | null {
  for (const i of INDEXES) {
    const stored = get<{ sql: string }>(db, sql`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ${i.trigger}`);
    if (stored?.sql !== i.create.replace(/;$/, '')) return null;
  }
  const before = new Map<Table, number>(FTS.map((f) => [f.table, maxRowid(db, f.table)]));
  for (const i of INDEXES) run(db, sql`DROP TRIGGER ${ident(i, (x) => x.trigger)}`);
  return { before };
}

/** Recreates the triggers and indexes every row written since beginBulkFts. */
export function finishBulkFts(db: DB, bulk: BulkFts): void {
  for (const i of INDEXES) {
    db.exec(i.create);
    const from = bulk.before.get(i.table) ?? 0;
    const table = trustedIdentifier(i.table, FTS.map((f) => f.table));
    const { added, total } = get<{ added: number; total: number }>(
      db,
      sql`SELECT count(*) FILTER (WHERE rowid > ${from}) AS added, count(*) AS total FROM ${table}`,
    )!;
    if (added === 0) continue;
    const index = ident(i, (x) => x.index);
    if (added >= total * REBUILD_SHARE) run(db, sql`INSERT INTO ${index} (${index}) VALUES ('rebuild')`);
    else run(db, sql`INSERT INTO ${index} (rowid, ${ident(i, (x) => x.columns)}) SELECT rowid, ${ident(i, (x) => x.columns)} FROM ${table} WHERE rowid > ${from}`);
  }
}
