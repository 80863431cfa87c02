/**
 * Replay: apply a case's logged row changes, in event order, to an empty case of the same schema.
 * The scratch case has no triggers (its search indexes are not compared, and nothing may write
 * twice) and no foreign-key checks (the log's order is the live order; cascades were logged as the
 * deletes they caused). An update or delete whose "before" does not match what replay built so far is
 * reported with its event: the log does not describe the rows it claims to change.
 */
import Database from 'better-sqlite3';
import { RECORDS } from '../../core/records/records';
import { columnsOf, hasRowid, keyColumns, type RecordDecl } from '../../core/records/define';
import { migrate } from '../open';
import { quoteName as q, type DB } from '../sql';
import type { RowChange, RowValue } from './changes';

export class ReplayError extends Error {
  constructor(
    readonly seq: number,
    message: string,
  ) {
    super(message);
  }
}

/** An empty case at the current schema, without triggers: the target of a replay. */
export function scratchCase(file = ':memory:'): DB {
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  migrate(db);
  const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.replace(/"/g, '""')}"`);
  db.pragma('foreign_keys = OFF');
  return db;
}


function where(d: RecordDecl): string {
  return hasRowid(d) ? 'rowid = ?' : keyColumns(d).map((c) => `${q(c)} = ?`).join(' AND ');
}

const keyParams = (k: number | RowValue[]): RowValue[] => (Array.isArray(k) ? k : [k]);

/** Content-addressed bytes for a 'by-hash' field, found by the row's SHA-256 (or null: store empty bytes). */
export type BytesBySha = (sha256: string) => Buffer | null;

export class Replayer {
  private readonly stmts = new Map<string, Database.Statement>();
  changes = 0;

  private readonly byTable: Map<string, RecordDecl>;

  constructor(
    private readonly db: DB,
    private readonly bytesFor: BytesBySha = () => null,
    records: readonly RecordDecl[] = RECORDS,
  ) {
    this.byTable = new Map(records.map((r) => [r.table, r]));
  }

  private stmt(key: string, text: () => string): Database.Statement {
    let s = this.stmts.get(key);
    if (!s) this.stmts.set(key, (s = this.db.prepare(text())));
    return s;
  }

  private decl(table: string, seq: number): RecordDecl {
    const d = this.byTable.get(table);
    if (!d) throw new ReplayError(seq, `event ${seq} changes a table that is not a declared record: ${table}`);
    return d;
  }

  apply(seq: number, c: RowChange): void {
    const [op, table, k, fields] = c;
    const d = this.decl(table, seq);
    this.changes++;
    if (op === 'i') return this.insert(d, k, fields as Record<string, RowValue>);
    const current = this.stmt(`s:${table}`, () => `SELECT ${columnsOf(d).map(q).join(', ')} FROM ${q(table)} WHERE ${where(d)}`).get(...keyParams(k)) as
      | Record<string, RowValue>
      | undefined;
    const name = `${d.entity} ${JSON.stringify(k)}`;
    if (!current) throw new ReplayError(seq, `event ${seq} ${op === 'u' ? 'updates' : 'deletes'} ${name}, which the history never created`);
    if (op === 'd') {
      this.stmt(`d:${table}`, () => `DELETE FROM ${q(table)} WHERE ${where(d)}`).run(...keyParams(k));
      return;
    }
    const cols = Object.keys(fields);
    for (const col of cols) {
      const [before] = (fields as Record<string, [RowValue, RowValue]>)[col]!;
      if (current[col] !== before)
        throw new ReplayError(seq, `event ${seq} changes ${name}'s ${col} from ${JSON.stringify(before)}, but the history had ${JSON.stringify(current[col])}`);
    }
    this.stmt(`u:${table}:${cols.join(',')}`, () => `UPDATE ${q(table)} SET ${cols.map((x) => `${q(x)} = ?`).join(', ')} WHERE ${where(d)}`).run(
      ...cols.map((col) => (fields as Record<string, [RowValue, RowValue]>)[col]![1]),
      ...keyParams(k),
    );
  }

  private insert(d: RecordDecl, k: number | RowValue[], fields: Record<string, RowValue>): void {
    const cols = Object.keys(fields);
    const byHash = columnsOf(d).filter((c) => d.fields[c]!.logged === 'by-hash');
    const hidden = hasRowid(d) && 'rowid' in d.key && d.key.rowid === null;
    const all = [...(hidden ? ['rowid'] : []), ...cols, ...byHash];
    const values: unknown[] = [...(hidden ? [k as number] : []), ...cols.map((c) => fields[c])];
    for (const _ of byHash) values.push(this.bytesFor(String(fields[d.idColumn ?? 'sha256'])) ?? Buffer.alloc(0));
    this.stmt(`i:${d.table}:${all.join(',')}`, () => `INSERT INTO ${q(d.table)} (${all.map(q).join(', ')}) VALUES (${all.map(() => '?').join(', ')})`).run(...values);
  }
}

/** Replays every logged change of `source`'s history into `target` (an empty scratch case). */
export function replayLog(source: DB, target: DB, bytesFor?: BytesBySha, records?: readonly RecordDecl[]): { events: number; changes: number } {
  const r = new Replayer(target, bytesFor, records);
  let events = 0;
  const rows = source.prepare('SELECT seq, changes FROM events WHERE changes IS NOT NULL ORDER BY seq').iterate() as IterableIterator<{ seq: number; changes: string }>;
  target.transaction(() => {
    for (const { seq, changes } of rows) {
      events++;
      let list: RowChange[];
      try {
        list = JSON.parse(changes) as RowChange[];
      } catch {
        throw new ReplayError(seq, `event ${seq}'s changes are not valid JSON`);
      }
      for (const c of list) r.apply(seq, c);
    }
  })();
  return { events, changes: r.changes };
}
