/**
 * The starting point of a case whose history began before events carried row changes (schema < 10):
 * migration 10 writes its state as `case.snapshot` events — every row of every record, as inserts, in
 * parts of SNAPSHOT_ROWS — so replaying the log rebuilds it like any later change. The old events
 * stay as they were (their chain still verifies); they simply carry no changes.
 */
import { RECORDS } from '../../core/records/records';
import { hasRowid, keyColumns, type RecordDecl } from '../../core/records/define';
import { appendEvent } from '../repos/events';
import type { DB } from '../sql';
import { keyJson, rowJson } from './capture';
import { changesText } from './changes';

export const SNAPSHOT_ROWS = 2000;

/**
 * Every row of the declared records as encoded insert entries, in replay order, read a page at a
 * time (keyset pages by rowid; a WITHOUT ROWID table's rows, which are small, in one read) so the
 * caller may write — append events — between pages on the same connection.
 */
export function* stateEntries(db: DB, records: readonly RecordDecl[] = RECORDS, page = SNAPSHOT_ROWS): Generator<string> {
  for (const d of records) {
    const select = `SELECT ${keyJson(d, 'r')} AS k, ${rowJson(d, 'r')} AS row FROM main."${d.table}" AS r`;
    const entry = ({ k, row }: { k: number | string; row: string }) => `["i",${JSON.stringify(d.table)},${k},${row}]`;
    if (!hasRowid(d)) {
      const rows = db.prepare(`${select} ORDER BY ${keyColumns(d).map((c) => `r."${c}"`).join(', ')}`).all() as { k: string; row: string }[];
      yield* rows.map(entry);
      continue;
    }
    const next = db.prepare(`${select} WHERE r.rowid > ? ORDER BY r.rowid LIMIT ?`);
    for (let after = -Infinity; ; ) {
      const rows = next.all(after === -Infinity ? Number.MIN_SAFE_INTEGER : after, page) as { k: number; row: string }[];
      if (!rows.length) break;
      yield* rows.map(entry);
      after = rows[rows.length - 1]!.k;
    }
  }
}

export function writeSnapshot(db: DB, at: string, reason: string): number {
  let part: string[] = [];
  let parts = 0;
  let rows = 0;
  const flush = () => {
    if (!part.length) return;
    parts++;
    appendEvent(db, { actor: 'claimtrail', at, kind: 'case.snapshot', entityType: 'case', entityId: 'snapshot', payload: { part: parts, rows: part.length, reason }, changes: changesText(part) });
    part = [];
  };
  for (const e of stateEntries(db)) {
    part.push(e);
    rows++;
    if (part.length >= SNAPSHOT_ROWS) flush();
  }
  flush();
  return rows;
}
