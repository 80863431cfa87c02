/**
 * Compares the live tables with the tables the history rebuilds, record by record, in key order,
 * and names the first record and field that differ. Content-addressed bytes are not compared here:
 * verify re-hashes every stored document against its SHA-256 (db/service/captures verify).
 */
import { RECORDS } from '../../core/records/records';
import { columnsOf, hasRowid, keyColumns, type RecordDecl } from '../../core/records/define';
import type { StateDifference } from '../../core/types';
import { quoteName as q, type DB } from '../sql';

type Row = Record<string, unknown> & { __key: unknown };


function rows(db: DB, d: RecordDecl): IterableIterator<Row> {
  const cols = columnsOf(d).filter((c) => d.fields[c]!.logged !== 'by-hash');
  const key = hasRowid(d) ? 'rowid' : `json_array(${keyColumns(d).map(q).join(', ')})`;
  const order = hasRowid(d) ? 'rowid' : keyColumns(d).map(q).join(', ');
  return db.prepare(`SELECT ${key} AS __key, ${cols.map(q).join(', ')} FROM ${q(d.table)} ORDER BY ${order}`).iterate() as IterableIterator<Row>;
}

/** SQLite's order for the key values we use: numbers before text, text by code unit (ASCII keys). */
function cmpValue(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return String(a) < String(b) ? -1 : 1;
}

function cmpKey(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = JSON.parse(String(a)) as unknown[];
  const y = JSON.parse(String(b)) as unknown[];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const c = cmpValue(x[i], y[i]);
    if (c) return c;
  }
  return 0;
}

const show = (v: unknown) => (typeof v === 'string' && v.length > 120 ? JSON.stringify(`${v.slice(0, 117)}…`) : JSON.stringify(v));

function difference(d: RecordDecl, row: Row, field: string | null, live: unknown, log: unknown, what: string): StateDifference {
  const id = d.idColumn ? (row[d.idColumn] as string | undefined) ?? null : null;
  const key = typeof row.__key === 'number' ? `row ${row.__key}` : `key ${String(row.__key)}`;
  const name = `${d.entity} ${id ?? ''}${id ? ` (${key})` : key}`;
  return {
    entity: d.entity,
    table: d.table,
    key: String(row.__key),
    id,
    field,
    label: field ? d.fields[field]?.label || field : null,
    live: live === undefined ? null : (live as StateDifference['live']),
    log: log === undefined ? null : (log as StateDifference['log']),
    message: field ? `${name}: ${d.fields[field]?.label || field} (${field}) is ${show(live)} in the file but ${show(log)} by its history` : `${name} ${what}`,
  };
}

export interface StateComparison {
  records: number;
  firstDifference: StateDifference | null;
}

export function compareState(live: DB, replayed: DB, records: readonly RecordDecl[] = RECORDS): StateComparison {
  let count = 0;
  for (const d of records) {
    const a = rows(live, d);
    const b = rows(replayed, d);
    let x = a.next();
    let y = b.next();
    try {
      while (!x.done || !y.done) {
        if (y.done || (!x.done && cmpKey(x.value.__key, y.value.__key) < 0))
          return { records: count, firstDifference: difference(d, x.value as Row, null, undefined, undefined, 'is in the file but its history never created it (written without the log)') };
        if (x.done || cmpKey(x.value.__key, y.value.__key) > 0)
          return { records: count, firstDifference: difference(d, y.value as Row, null, undefined, undefined, 'is in its history but missing from the file (deleted without the log)') };
        for (const col of Object.keys(x.value)) {
          if (col === '__key') continue;
          if (x.value[col] !== y.value[col]) return { records: count, firstDifference: difference(d, x.value, col, x.value[col], y.value[col], '') };
        }
        count++;
        x = a.next();
        y = b.next();
      }
    } finally {
      a.return?.();
      b.return?.();
    }
  }
  return { records: count, firstDifference: null };
}
