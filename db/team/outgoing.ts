/**
 * A local event as the team log carries it: its row changes with every rowid replaced by a team key
 * (db/team/keys.ts), the confidence model's derived fields left out (each copy recomputes them), an
 * update as its new values only (the server's order decides; conflicts are found from each event's
 * base, db/team/conflicts.ts), and the bytes of documents it stored.
 */
import { keyColumns, type RecordDecl } from '../../core/records/define';
import type { RowChange, RowValue } from '../records/changes';
import type { EventRow } from '../repos/events';
import type { DB } from '../sql';
import { declOf, keying, rowidColumn, type TeamKeys } from './keys';

/** A row's team key: a string for rowid tables, the key columns (references translated) otherwise. */
export type TeamKey = string | RowValue[];

export type TeamChange =
  | ['i', string, TeamKey, Record<string, RowValue>]
  | ['u', string, TeamKey, Record<string, RowValue>]
  | ['d', string, TeamKey];

/** What one team event's `body` holds (JSON). */
export interface TeamBody {
  v: 1;
  /** The copy that wrote it (a random id per local file). */
  client: string;
  /** The team seq its author had pulled when the event was made: later events by others were unseen. */
  base: number;
  event: Pick<EventRow, 'at' | 'actor' | 'kind' | 'entity_type' | 'entity_id' | 'claim_id' | 'payload' | 'rationale'>;
  changes: TeamChange[];
  /** Document bytes the changes store, base64 by SHA-256. */
  bytes?: Record<string, string>;
}

/** Whether a column travels: everything declared except the model's outputs. */
const ships = (d: RecordDecl, col: string) => !!d.fields[col] && !d.fields[col].derived;

/** A key-column array as a row (for references whose table another key column names). */
const keyRow = (d: RecordDecl, k: readonly RowValue[]) => Object.fromEntries(keyColumns(d).map((c, i) => [c, k[i]]));

export function keyOut(keys: TeamKeys, d: RecordDecl, k: number | RowValue[]): TeamKey {
  const mode = keying(d);
  if (mode === 'own') return keys.out(d.table, Number(k));
  if (mode === 'ref') return keys.refOut(d, rowidColumn(d)!, Number(k), {}) as string;
  const row = keyRow(d, k as RowValue[]);
  return keyColumns(d).map((c) => keys.refOut(d, c, row[c] ?? null, row));
}

/** The event's changes in team form; registers the team keys of the rows it creates. */
export function teamChanges(db: DB, keys: TeamKeys, eventId: string, changes: readonly RowChange[]): Pick<TeamBody, 'changes' | 'bytes'> {
  const out: TeamChange[] = [];
  const bytes: Record<string, string> = {};
  const deleted: [string, number][] = [];
  changes.forEach((c, i) => {
    const [op, table, k] = c;
    const d = declOf(table);
    const mode = keying(d);
    if (op === 'i') {
      const fields = c[3];
      if (mode === 'own') keys.register(table, d.idColumn ? String(fields[d.idColumn]) : `${eventId}/${i}`, Number(k));
      const row: Record<string, RowValue> = {};
      for (const [col, v] of Object.entries(fields))
        if (ships(d, col) && !(mode !== 'columns' && col === rowidColumn(d))) row[col] = keys.refOut(d, col, v, fields);
      out.push(['i', table, keyOut(keys, d, k), row]);
      if (table === 'blobs') {
        const b = db.prepare('SELECT bytes FROM blobs WHERE rowid = ?').pluck().get(Number(k)) as Buffer | undefined;
        if (b) bytes[String(fields.sha256)] = b.toString('base64');
      }
      return;
    }
    if (op === 'd') {
      out.push(['d', table, keyOut(keys, d, k)]);
      if (mode === 'own') deleted.push([table, Number(k)]);
      return;
    }
    const set: Record<string, RowValue> = {};
    let live: Record<string, unknown> | undefined;
    for (const [col, [, after]] of Object.entries(c[3])) {
      if (!ships(d, col)) continue;
      if (typeof d.fields[col]!.ref === 'object') live ??= liveRow(db, d, k);
      set[col] = keys.refOut(d, col, after, live ?? {});
    }
    if (Object.keys(set).length) out.push(['u', table, keyOut(keys, d, k), set]);
  });
  for (const [table, local] of deleted) keys.forgetRow(table, local);
  return Object.keys(bytes).length ? { changes: out, bytes } : { changes: out };
}

function liveRow(db: DB, d: RecordDecl, k: number | RowValue[]): Record<string, unknown> {
  if (!Array.isArray(k)) return (db.prepare(`SELECT * FROM "${d.table}" WHERE rowid = ?`).get(k) as Record<string, unknown> | undefined) ?? {};
  return keyRow(d, k);
}
