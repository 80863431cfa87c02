/**
 * INSERT and UPDATE statements derived from a record's declaration (core/records/records.ts): the
 * column names come from the declared fields (an allowlist: a name that is not a declared column is
 * refused with "not an allowed identifier"), the values are always bound parameters. The SQL text
 * depends only on which columns are written, so each shape is prepared once per connection (db/sql.ts
 * caches statements by their text).
 */
import { columnsOf, type RecordDecl, type RowOf } from '../../core/records/define';
import { join, list, run, sql, trustedIdentifier, type DB, type Sql } from '../sql';

/** The written columns of a row, in declaration order (undefined values are left out). */
function written<D extends RecordDecl>(d: D, row: Partial<RowOf<D>>): string[] {
  const declared = columnsOf(d);
  const given = Object.keys(row).filter((c) => (row as Record<string, unknown>)[c] !== undefined);
  for (const c of given) trustedIdentifier(c, declared);
  return declared.filter((c) => given.includes(c));
}

const table = (d: RecordDecl): Sql => trustedIdentifier(d.table, [d.table]);

/** `INSERT INTO t (a, b) VALUES (?, ?)` of the given columns. */
export function insertSql<D extends RecordDecl>(d: D, row: Partial<RowOf<D>>): Sql {
  const cols = written(d, row);
  const declared = columnsOf(d);
  const names = join(cols.map((c) => trustedIdentifier(c, declared)), ', ');
  return sql`INSERT INTO ${table(d)} (${names}) VALUES ${list(cols.map((c) => (row as Record<string, unknown>)[c]))}`;
}

/** Inserts a row of a declared record; returns its rowid. */
export function insertRow<D extends RecordDecl>(db: DB, d: D, row: Partial<RowOf<D>>): number {
  return Number(run(db, insertSql(d, row)).lastInsertRowid);
}

/** `UPDATE t SET a = ?, b = ? WHERE rowid = ?` of the given columns. */
export function updateSql<D extends RecordDecl>(d: D, rowid: number, patch: Partial<RowOf<D>>): Sql {
  const declared = columnsOf(d);
  const cols = written(d, patch);
  if (cols.length === 0) throw new Error(`update of ${d.entity} ${rowid}: no columns to set`);
  const sets = cols.map((c) => sql`${trustedIdentifier(c, declared)} = ${(patch as Record<string, unknown>)[c]}`);
  return sql`UPDATE ${table(d)} SET ${join(sets, ', ')} WHERE rowid = ${rowid}`;
}

export function updateRow<D extends RecordDecl>(db: DB, d: D, rowid: number, patch: Partial<RowOf<D>>): void {
  run(db, updateSql(d, rowid, patch));
}
