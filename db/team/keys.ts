/**
 * Team keys: how a row is named between copies of a team case. Rowids are each copy's own (two
 * analysts both create their "claim 5"), so a team event never carries one: a row is named by its
 * record's id column when it has one (claims, sources, evidence, …; a setting by its key, document
 * bytes by their SHA-256), else by the event and change that created it (`EVENT/INDEX`). Each copy
 * keeps the team key of its rows in `team_keys`; references (declared with `ref` in core/records)
 * are translated on the way out and in.
 */
import { RECORDS } from '../../core/records/records';
import { hasRowid, refTable, type JsonRefs, type RecordDecl } from '../../core/records/define';
import type { RowValue } from '../records/changes';
import { declaredStatement, quoteName as q, type DB } from '../sql';

const BY_TABLE = new Map(RECORDS.map((r) => [r.table, r]));

export function declOf(table: string): RecordDecl {
  const d = BY_TABLE.get(table);
  if (!d) throw new Error(`${table} is not a declared record`);
  return d;
}

/** The column whose value is the row's rowid (null: a hidden rowid), for rowid tables. */
export const rowidColumn = (d: RecordDecl): string | null => ('rowid' in d.key ? d.key.rowid : null);

/**
 * How a table's rows are keyed between copies: 'own' (a rowid the copy allocates, named by team
 * key), 'ref' (the rowid is another record's: a quote anchor is its evidence's), or 'columns' (a
 * WITHOUT ROWID table, named by its key columns, references translated).
 */
export function keying(d: RecordDecl): 'own' | 'ref' | 'columns' {
  if (!hasRowid(d)) return 'columns';
  const col = rowidColumn(d);
  return col && d.fields[col]!.ref ? 'ref' : 'own';
}

export class TeamKeys {
  private readonly find;
  private readonly findLocal;
  private readonly put;
  private readonly forget;

  constructor(private readonly db: DB) {
    this.find = db.prepare('SELECT key FROM team_keys WHERE tbl = ? AND local = ? ORDER BY key LIMIT 1').pluck();
    this.findLocal = db.prepare('SELECT local FROM team_keys WHERE tbl = ? AND key = ?').pluck();
    this.put = db.prepare('INSERT OR REPLACE INTO team_keys (tbl, key, local) VALUES (?, ?, ?)');
    this.forget = db.prepare('DELETE FROM team_keys WHERE tbl = ? AND local = ?');
  }

  /** Notes that a new row `local` of `table` is the team's `key`. */
  register(table: string, key: string, local: number): void {
    this.put.run(table, key, local);
  }

  /**
   * Forgets the keys of a deleted row (called at the end of the event that deleted it, whose other
   * changes may still name it). SQLite may give a new row the rowid of a deleted one: nothing then
   * names the new row by the old row's keys.
   */
  forgetRow(table: string, local: number): void {
    this.forget.run(table, local);
  }

  /** Notes another team key for an existing row (the same setting or tag made on two copies). */
  alias(table: string, key: string, local: number): void {
    this.put.run(table, key, local);
  }

  /** The team key of a local row; throws when the row has none (it was never created through the log). */
  out(table: string, local: number): string {
    const hit = this.find.get(table, local) as string | undefined;
    if (hit !== undefined) return hit;
    const d = declOf(table);
    if (d.idColumn) {
      const v = (declaredStatement(this.db, `SELECT ${q(d.idColumn)} AS v FROM ${q(table)} WHERE rowid = ?`).get(local) as { v: string | null } | undefined)?.v;
      if (v != null) {
        this.alias(table, v, local);
        return v;
      }
    }
    throw new Error(`${d.entity} row ${local} has no team key: it was not created through the history`);
  }

  /** This copy's rowid for a team key (null: the row is not here). */
  in(table: string, key: string): number | null {
    const hit = this.findLocal.get(table, key) as number | undefined;
    if (hit !== undefined) return hit;
    const d = declOf(table);
    if (!d.idColumn) return null;
    const local = (declaredStatement(this.db, `SELECT rowid AS r FROM ${q(table)} WHERE ${q(d.idColumn)} = ?`).get(key) as { r: number } | undefined)?.r;
    if (local === undefined) return null;
    this.alias(table, key, local);
    return local;
  }

  /** A reference column's value as a team key (null stays null). */
  refOut(d: RecordDecl, column: string, value: RowValue, row: Readonly<Record<string, unknown>>): RowValue {
    const json = d.fields[column]?.jsonRefs;
    if (json) return this.json(json, value, 'out');
    const t = refTable(d, column, row);
    return t === null || value === null ? value : this.out(t, Number(value));
  }

  /** A JSON text's rowids (declared with jsonRefs) as team keys, or back (`way`). */
  json(refs: JsonRefs, text: RowValue, way: 'out' | 'in'): RowValue {
    if (typeof text !== 'string') return text;
    const one = (table: string, v: unknown): unknown => {
      if (typeof v === 'number') return way === 'out' ? this.out(table, v) : this.in(table, String(v));
      if (typeof v === 'string' && way === 'in') return this.in(table, v);
      return v;
    };
    const walk = (spec: JsonRefs, o: unknown): unknown => {
      if (Array.isArray(o)) return o.map((x) => walk(spec, x));
      if (!o || typeof o !== 'object') return o;
      const out: Record<string, unknown> = { ...(o as Record<string, unknown>) };
      for (const [k, s] of Object.entries(spec)) {
        if (!(k in out)) continue;
        out[k] = typeof s === 'string' ? (Array.isArray(out[k]) ? (out[k] as unknown[]).map((v) => one(s, v)) : one(s, out[k])) : walk(s, out[k]);
      }
      return out;
    };
    return JSON.stringify(walk(refs, JSON.parse(text)));
  }

  /** A reference column's team key as this copy's rowid (null when the row is not here). */
  refIn(d: RecordDecl, column: string, value: RowValue, row: Readonly<Record<string, unknown>>): RowValue {
    const json = d.fields[column]?.jsonRefs;
    if (json) return this.json(json, value, 'in');
    const t = refTable(d, column, row);
    return t === null || value === null ? value : this.in(t, String(value));
  }
}

