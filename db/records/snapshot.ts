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

const orderOf = (d: RecordDecl) => (hasRowid(d) ? 'r.rowid' : keyColumns(d).map((c) => `r."${c}"`).join(', '));

/** Every row of the declared records as encoded insert entries, in replay order. */
export function* stateEntries(db: DB, records: readonly RecordDecl[] = RECORDS): Generator<string> {
  for (const d of records) {
    const stmt = db.prepare(`SELECT ${keyJson(d, 'r')} AS k, ${rowJson(d, 'r')} AS row FROM main."${d.table}" AS r ORDER BY ${orderOf(d)}`);
    for (const { k, row } of stmt.iterate() as IterableIterator<{ k: number | string; row: string }>)
      yield `["i",${JSON.stringify(d.table)},${k},${row}]`;
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
