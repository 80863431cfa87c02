/**
 * A pulled team event applied to this copy: each team change becomes SQL on this copy's own rows
 * (team keys translated back to rowids, db/team/keys.ts), written through the connection's change
 * capture so the local event that records it carries the changes as this copy made them.
 *
 * Rules, so that every copy ends in the server's order whatever it still has to push:
 * - An update skips the fields this copy's outbox also changed: those pushes come later in the
 *   server's order, so their values win (the pair is reported as a conflict, db/team/conflicts.ts).
 * - An update or delete of a row that is not here (deleted meanwhile) changes nothing.
 * - An insert of a row that is already here (the same id, a unique value such as a setting's key or
 *   a tag's name, the same key columns) names that row: the team key is noted and its fields are
 *   updated, except those the outbox set (an insert there counts as setting every field).
 * - Derived fields are not shipped; the claims a pull touched are recomputed afterwards.
 */
import { keyColumns, type RecordDecl } from '../../core/records/define';
import type { RowValue } from '../records/changes';
import { declaredStatement, quoteName as q, type DB } from '../sql';
import { declOf, keying, rowidColumn, type TeamKeys } from './keys';
import type { TeamChange, TeamKey } from './outgoing';


/** Names one local field for the outbox check: table, local key, column. */
export const fieldKey = (table: string, k: number | RowValue[], col: string) => `${table}|${JSON.stringify(k)}|${col}`;

/** Tables whose rows feed a claim's confidence (sources feed every claim that cites them). */
const CLAIM_COLUMN: Readonly<Record<string, string>> = { claims: 'rowid', evidence: 'claim_rowid', disputes: 'claim_rowid' };

export class TeamApplier {
  /** Claims whose derived fields must be recomputed; `all` when a source changed. */
  readonly touched = new Set<number>();
  all = false;
  private readonly deleted: [string, number][] = [];

  constructor(
    private readonly db: DB,
    private readonly keys: TeamKeys,
    /** fieldKey()s of what this copy's outbox changed (renewed when an own event is acknowledged). */
    public pending: ReadonlySet<string>,
  ) {}

  apply(c: TeamChange, bytes: Readonly<Record<string, string>> = {}): void {
    const d = declOf(c[1]);
    if (c[0] === 'i') return this.insert(d, c[2], c[3], bytes);
    const local = this.localKey(d, c[2]);
    if (local === null) return;
    const current = this.row(d, local);
    if (!current) return;
    this.touch(d, current);
    if (c[0] === 'd') {
      declaredStatement(this.db, `DELETE FROM ${q(d.table)} WHERE ${this.where(d)}`).run(...this.params(local));
      if (keying(d) === 'own') this.deleted.push([d.table, Number(local)]);
      return;
    }
    const set: Record<string, RowValue> = {};
    for (const [col, v] of Object.entries(c[3])) {
      if (!d.fields[col] || this.pending.has(fieldKey(d.table, local, col))) continue;
      set[col] = this.keys.refIn(d, col, v, { ...current, ...c[3] });
    }
    this.update(d, local, set);
    this.touch(d, { ...current, ...set });
  }

  /** Ends an event: the keys of the rows it deleted are forgotten (db/team/keys.ts forgetRow). */
  endEvent(): void {
    for (const [table, local] of this.deleted.splice(0)) this.keys.forgetRow(table, local);
  }

  /** This copy's key for a team key: a rowid, or the key columns (null: the row is not here). */
  private localKey(d: RecordDecl, key: TeamKey): number | RowValue[] | null {
    const mode = keying(d);
    if (mode === 'own') return this.keys.in(d.table, String(key));
    if (mode === 'ref') return this.keys.refIn(d, rowidColumn(d)!, String(key), {}) as number | null;
    const cols = keyColumns(d);
    const row = Object.fromEntries(cols.map((c, i) => [c, (key as RowValue[])[i] ?? null]));
    const local = cols.map((c) => this.keys.refIn(d, c, row[c]!, row));
    if (local.some((v, i) => v === null && row[cols[i]!] !== null)) return null;
    if (d.pair) {
      const [i, j] = d.pair.map((c) => cols.indexOf(c)) as [number, number];
      if (Number(local[i]) > Number(local[j])) [local[i], local[j]] = [local[j]!, local[i]!];
    }
    return local;
  }

  /** An unordered pair stored smaller rowid first, as this copy numbers the rows. */
  private ordered(d: RecordDecl, row: Record<string, RowValue>): void {
    if (!d.pair) return;
    const [a, b] = d.pair;
    if (Number(row[a]) > Number(row[b])) [row[a], row[b]] = [row[b]!, row[a]!];
  }

  private where(d: RecordDecl): string {
    return keying(d) === 'columns' ? keyColumns(d).map((c) => `${q(c)} = ?`).join(' AND ') : 'rowid = ?';
  }

  private params(local: number | RowValue[]): RowValue[] {
    return Array.isArray(local) ? local : [local];
  }

  private row(d: RecordDecl, local: number | RowValue[]): Record<string, RowValue> | undefined {
    return declaredStatement(this.db, `SELECT * FROM ${q(d.table)} WHERE ${this.where(d)}`).get(...this.params(local)) as Record<string, RowValue> | undefined;
  }

  private update(d: RecordDecl, local: number | RowValue[], set: Record<string, RowValue>): void {
    const cols = Object.keys(set);
    if (!cols.length) return;
    declaredStatement(this.db, `UPDATE ${q(d.table)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE ${this.where(d)}`).run(...cols.map((c) => set[c]!), ...this.params(local));
  }

  private insert(d: RecordDecl, key: TeamKey, fields: Record<string, RowValue>, bytes: Readonly<Record<string, string>>): void {
    const mode = keying(d);
    const row: Record<string, RowValue> = {};
    for (const [col, v] of Object.entries(fields)) if (d.fields[col]) row[col] = this.keys.refIn(d, col, v, fields);
    // A reference that does not resolve: the row it names was deleted before this one arrived.
    for (const [col, v] of Object.entries(row)) if (v === null && fields[col] !== null && !d.fields[col]!.nullable) return;
    this.ordered(d, row);
    if (d.table === 'blobs') row.bytes = Buffer.from(bytes[String(fields.sha256)] ?? '', 'base64') as unknown as RowValue;
    if (mode === 'own') {
      const same = this.keys.in(d.table, String(key)) ?? this.sameUnique(d, row);
      if (same !== null) {
        // The same setting (by key), tag or document made elsewhere too: one row, the later write's values.
        this.keys.alias(d.table, String(key), same);
        this.update(d, same, this.notPending(d, same, row, [rowidColumn(d)]));
        return;
      }
      const local = Number(this.insertRow(d, row).lastInsertRowid);
      this.keys.register(d.table, String(key), local);
      this.touch(d, { ...row, rowid: local });
      return;
    }
    if (mode === 'ref') {
      const col = rowidColumn(d)!;
      const local = this.keys.refIn(d, col, String(key), {});
      if (local === null) return;
      row[col] = local;
      if (this.row(d, Number(local))) {
        this.update(d, Number(local), this.notPending(d, Number(local), row, [col]));
        return;
      }
      this.insertRow(d, row);
      return;
    }
    const local = this.localKey(d, key);
    if (local === null) return;
    if (this.row(d, local)) return this.update(d, local, this.notPending(d, local, row, keyColumns(d)));
    this.insertRow(d, row);
    this.touch(d, row);
  }

  /** The row's fields minus its key column and those this copy's outbox set. */
  private notPending(d: RecordDecl, local: number | RowValue[], row: Record<string, RowValue>, keyColumns: readonly (string | null)[]): Record<string, RowValue> {
    return Object.fromEntries(Object.entries(row).filter(([c]) => !keyColumns.includes(c) && !this.pending.has(fieldKey(d.table, local, c))));
  }

  /** The rowid of a row that already holds this row's id or unique value (null: none). */
  private sameUnique(d: RecordDecl, row: Record<string, RowValue>): number | null {
    for (const col of Object.keys(d.fields))
      if ((col === d.idColumn || d.fields[col]!.unique) && row[col] != null) {
        const hit = declaredStatement(this.db, `SELECT rowid AS r FROM ${q(d.table)} WHERE ${q(col)} = ?`).get(row[col]) as { r: number } | undefined;
        if (hit) return hit.r;
      }
    return null;
  }

  private insertRow(d: RecordDecl, row: Record<string, RowValue>) {
    const cols = Object.keys(row);
    return declaredStatement(this.db, `INSERT INTO ${q(d.table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]!));
  }

  private touch(d: RecordDecl, row: Readonly<Record<string, unknown>>): void {
    if (d.table === 'sources') this.all = true;
    const col = CLAIM_COLUMN[d.table];
    if (col && typeof row[col] === 'number') this.touched.add(row[col]);
    if (d.table === 'evidence_independent')
      for (const e of [row.a_rowid, row.b_rowid]) {
        const claim = declaredStatement(this.db, 'SELECT claim_rowid AS c FROM evidence WHERE rowid = ?').get(e) as { c: number } | undefined;
        if (claim) this.touched.add(claim.c);
      }
  }
}
