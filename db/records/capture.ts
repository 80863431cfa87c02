/**
 * Change capture: every row a connection writes to a declared record's table is noted, in order, in
 * a per-connection TEMP table by TEMP triggers derived from the declarations (core/records). The
 * history takes the notes with each event (db/records/log.ts), so an event carries exactly the row
 * changes its mutation made. TEMP triggers live only in this connection: a tool that edits the file
 * directly (raw SQL) records nothing — which is how `verify` finds such an edit.
 */
import { RECORDS } from '../../core/records/records';
import { hasRowid, keyColumns, loggedColumns, type RecordDecl } from '../../core/records/define';
import { quoteName as quote, type DB } from '../sql';

/** One noted row change, as the triggers wrote it (JSON texts). */
export interface NotedChange {
  op: 'i' | 'u' | 'd';
  tbl: string;
  /** The row's key as JSON: its rowid, or an array of its primary-key columns. */
  k: string;
  before: string | null;
  after: string | null;
}


/** A row as a JSON object of its logged columns, for OLD or NEW in a trigger (or a table alias in a SELECT). */
export function rowJson(d: RecordDecl, alias: string): string {
  return `json_object(${loggedColumns(d)
    .map((c) => `'${c}', ${alias}.${quote(c)}`)
    .join(', ')})`;
}

/** The row's key as JSON, for OLD or NEW in a trigger (or a table alias in a SELECT). */
export function keyJson(d: RecordDecl, alias: string): string {
  if (hasRowid(d)) return `${alias}.rowid`;
  return `json_array(${keyColumns(d)
    .map((c) => `${alias}.${quote(c)}`)
    .join(', ')})`;
}

function triggersFor(d: RecordDecl): string {
  const t = quote(d.table);
  const name = (op: string) => quote(`ct_note_${d.table}_${op}`);
  const note = (op: string, k: string, before: string, after: string) =>
    `INSERT INTO temp.ct_changes (op, tbl, k, before, after) VALUES ('${op}', '${d.table}', ${k}, ${before}, ${after});`;
  return [
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('i')} AFTER INSERT ON main.${t} BEGIN ${note('i', keyJson(d, 'NEW'), 'NULL', rowJson(d, 'NEW'))} END;`,
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('u')} AFTER UPDATE ON main.${t} BEGIN ${note('u', keyJson(d, 'OLD'), rowJson(d, 'OLD'), rowJson(d, 'NEW'))} END;`,
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('d')} AFTER DELETE ON main.${t} BEGIN ${note('d', keyJson(d, 'OLD'), rowJson(d, 'OLD'), 'NULL')} END;`,
  ].join('\n');
}

const installed = new WeakSet<DB>();

/** Starts noting row changes on this connection (after its migrations; idempotent). */
export function installChangeCapture(db: DB, records: readonly RecordDecl[] = RECORDS): void {
  if (installed.has(db)) return;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS ct_changes (n INTEGER PRIMARY KEY, op TEXT NOT NULL, tbl TEXT NOT NULL, k ANY NOT NULL, before TEXT, after TEXT);`);
  db.exec(records.map(triggersFor).join('\n'));
  installed.add(db);
}

export function capturing(db: DB): boolean {
  return installed.has(db);
}

type NoteRow = { n: number; op: NotedChange['op']; tbl: string; k: number | string; before: string | null; after: string | null };

/** Takes (and clears) the changes noted since the last take, in the order they were made (at most `max`). */
export function takeNotedChanges(db: DB, max = Number.MAX_SAFE_INTEGER): NotedChange[] {
  if (!installed.has(db)) return [];
  const rows = db.prepare('SELECT n, op, tbl, k, before, after FROM temp.ct_changes ORDER BY n LIMIT ?').all(max) as NoteRow[];
  if (!rows.length) return [];
  db.prepare('DELETE FROM temp.ct_changes WHERE n <= ?').run(rows[rows.length - 1]!.n);
  return rows.map((r) => ({ op: r.op, tbl: r.tbl, k: typeof r.k === 'number' ? String(r.k) : r.k, before: r.before, after: r.after }));
}

export function pendingChangeCount(db: DB): number {
  if (!installed.has(db)) return 0;
  return (db.prepare('SELECT count(*) AS n FROM temp.ct_changes').get() as { n: number }).n;
}
