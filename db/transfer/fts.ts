/**
 * Full-text indexing for large imports. Row-by-row insert triggers cost a trigger program per row;
 * above BULK_FTS_ROWS imported rows the importer drops the four `*_fts_ai` triggers inside its
 * transaction, writes the rows, recreates the triggers from the migration's own text, and indexes
 * the new rows in one statement per table: a `rebuild` when they are most of the table (an empty
 * case), else `INSERT … SELECT` of the rows past the table's previous highest rowid. DDL is
 * transactional in SQLite, so a failed or cancelled import restores the triggers with everything else.
 */
import { FTS, ftsInsertTrigger, type FtsSpec } from '../migrations/001-initial';
import { get, run, sql, trustedIdentifier, type DB } from '../sql';

/** Imports with more rows than this (all tables together) index in bulk. */
export const BULK_FTS_ROWS = 2_000;
/** Rebuild a table's index when the imported rows are at least this share of it. */
export const REBUILD_SHARE = 0.5;

const TABLES = FTS.map((f) => f.table);
const table = (f: FtsSpec) => trustedIdentifier(f.table, TABLES);
const ftsTable = (f: FtsSpec) => trustedIdentifier(`${f.table}_fts`, TABLES.map((t) => `${t}_fts`));
const columns = (f: FtsSpec) => trustedIdentifier(f.columns.join(', '), FTS.map((x) => x.columns.join(', ')));

export interface BulkFts {
  /** Highest rowid of each table before the import: every row above it is new. */
  readonly before: ReadonlyMap<FtsSpec['table'], number>;
}

export const maxRowid = (db: DB, f: FtsSpec): number =>
  get<{ n: number | null }>(db, sql`SELECT max(rowid) AS n FROM ${table(f)}`)!.n ?? 0;

const triggerName = (f: FtsSpec) => `${f.table}_fts_ai`;

/**
 * Drops the insert triggers; call inside the import's transaction, before the first insert. Returns
 * null (index row by row) unless every trigger is still exactly the one the migration created, since
 * that is the text finishBulkFts puts back.
 */
export function beginBulkFts(db: DB): BulkFts | null {
  for (const f of FTS) {
    const stored = get<{ sql: string }>(db, sql`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ${triggerName(f)}`);
    if (stored?.sql !== ftsInsertTrigger(f).replace(/;$/, '')) return null;
  }
  const before = new Map<FtsSpec['table'], number>();
  for (const f of FTS) {
    before.set(f.table, maxRowid(db, f));
    run(db, sql`DROP TRIGGER ${trustedIdentifier(triggerName(f), FTS.map(triggerName))}`);
  }
  return { before };
}

/** Recreates the triggers and indexes every row written since beginBulkFts. */
export function finishBulkFts(db: DB, bulk: BulkFts): void {
  for (const f of FTS) {
    // The migration's own CREATE TRIGGER text: code constant, no input in it.
    db.exec(ftsInsertTrigger(f));
    const from = bulk.before.get(f.table) ?? 0;
    const { added, total } = get<{ added: number; total: number }>(
      db,
      sql`SELECT count(*) FILTER (WHERE rowid > ${from}) AS added, count(*) AS total FROM ${table(f)}`,
    )!;
    if (added === 0) continue;
    if (added >= total * REBUILD_SHARE) run(db, sql`INSERT INTO ${ftsTable(f)} (${ftsTable(f)}) VALUES ('rebuild')`);
    else
      run(
        db,
        sql`INSERT INTO ${ftsTable(f)} (rowid, ${columns(f)}) SELECT rowid, ${columns(f)} FROM ${table(f)} WHERE rowid > ${from}`,
      );
  }
}
