/**
 * The row changes an event carries (schema v10), as one JSON array in `events.changes`:
 *
 *   ["i", TABLE, KEY, {column: value, …}]        a row inserted (every logged column)
 *   ["u", TABLE, KEY, {column: [before, after]}]  a row updated (only the columns that changed)
 *   ["d", TABLE, KEY, {column: value, …}]        a row deleted (the row as it was)
 *
 * KEY is the rowid, or an array of a WITHOUT ROWID table's primary-key columns. Values are SQLite's
 * own JSON rendering (reals round-trip exactly). Replaying every event's changes in order from an
 * empty case rebuilds its tables (db/records/replay.ts).
 */
import type { NotedChange } from './capture';

export type RowValue = string | number | null;
export type RowChange =
  | ['i', string, number | RowValue[], Record<string, RowValue>]
  | ['u', string, number | RowValue[], Record<string, [RowValue, RowValue]>]
  | ['d', string, number | RowValue[], Record<string, RowValue>];

/** An update's changed columns as a JSON object text, or null when the update changed nothing. */
function updateJson(before: string, after: string): string | null {
  const b = JSON.parse(before) as Record<string, unknown>;
  const a = JSON.parse(after) as Record<string, unknown>;
  const parts: string[] = [];
  for (const col of Object.keys(a)) {
    const x = b[col];
    const y = a[col];
    if (x === y) continue;
    parts.push(`${JSON.stringify(col)}:[${JSON.stringify(x)},${JSON.stringify(y)}]`);
  }
  return parts.length ? `{${parts.join(',')}}` : null;
}

/** One noted change as the JSON text of its array entry, or null for an update that changed nothing. */
export function encodeNote(n: NotedChange): string | null {
  const head = `["${n.op}",${JSON.stringify(n.tbl)},${n.k},`;
  if (n.op === 'i') return `${head}${n.after}]`;
  if (n.op === 'd') return `${head}${n.before}]`;
  const fields = updateJson(n.before!, n.after!);
  return fields === null ? null : `${head}${fields}]`;
}

export function encodeNotes(notes: readonly NotedChange[]): string[] {
  const out: string[] = [];
  for (const n of notes) {
    const e = encodeNote(n);
    if (e !== null) out.push(e);
  }
  return out;
}

/** The `events.changes` text of a list of encoded entries (null when there are none). */
export const changesText = (entries: readonly string[]): string | null => (entries.length ? `[${entries.join(',')}]` : null);

export function decodeChanges(text: string | null): RowChange[] {
  return text === null ? [] : (JSON.parse(text) as RowChange[]);
}
