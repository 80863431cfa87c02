/**
 * Each record is declared once (core/records/records.ts) and the schema must agree with it: every
 * column's type, nullability, default and allowed values, and every table that holds case state is
 * declared (a new table without a declaration would escape the history and verify).
 */
import { describe, expect, it } from 'vitest';
import { RECORDS } from '../../core/records/records';
import { columnsOf, hasRowid, keyColumns } from '../../core/records/define';
import { scratchCase } from '../../db/records/replay';
import { tempCase } from '../helpers';

/**
 * Tables that are not case state: the history itself, the search indexes derived from the records,
 * and a team copy's bookkeeping (db/team: the link, its copy of the team log, row keys).
 */
const NOT_STATE = new Set(['events', 'chain_head', 'team_link', 'team_log', 'team_keys']);

/** Rowid references the schema does not enforce: a source's lineage root (since v1). */
const UNENFORCED_REFS = ['sources.origin'];

describe('record declarations', () => {
  const t = tempCase();
  const db = t.handle.db;
  const virtual = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'`).pluck().all() as string[];
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`).pluck().all() as string[]).filter(
    (n) => !NOT_STATE.has(n) && !virtual.some((v) => n.startsWith(`${v}_`)),
  );

  it('every state table is declared, and nothing else', () => {
    expect(RECORDS.map((r) => r.table).sort()).toEqual(tables.sort());
  });

  for (const d of RECORDS) {
    it(`${d.entity}: columns, types, nullability, defaults and allowed values match ${d.table}`, () => {
      const info = db.prepare(`SELECT name, type, "notnull" AS nn, dflt_value AS dflt, pk FROM pragma_table_info(?)`).all(d.table) as {
        name: string;
        type: string;
        nn: number;
        dflt: string | null;
        pk: number;
      }[];
      expect(info.map((c) => c.name)).toEqual(columnsOf(d));
      const sqlText = db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(d.table) as string;
      for (const c of info) {
        const f = d.fields[c.name]!;
        expect(f.type, c.name).toBe(c.type);
        // An INTEGER PRIMARY KEY is never NULL though SQLite reports it nullable.
        expect(f.nullable, c.name).toBe(!c.nn && !(c.pk && c.type === 'INTEGER'));
        if (c.dflt !== null) expect(String(f.default), c.name).toBe(c.dflt.replace(/^'(.*)'$/, '$1'));
        else expect(f.default, c.name).toBeUndefined();
        if (f.values) {
          // Where the schema also checks the values (not for band and confidence, which core computes), the lists agree.
          const check = new RegExp(`${c.name}\\s+IN\\s*\\(([^)]*)\\)`).exec(sqlText);
          if (check) expect(check[1]!.split(',').map((v) => v.trim().replace(/^'|'$/g, ''))).toEqual([...f.values]);
        }
      }
      // Every foreign key is a declared reference to the same table (db/team ships references by team key).
      const fks = db.prepare(`SELECT "from" AS col, "table" AS tbl FROM pragma_foreign_key_list(?)`).all(d.table) as { col: string; tbl: string }[];
      for (const fk of fks) expect(d.fields[fk.col]!.ref, `${d.table}.${fk.col}`).toBe(fk.tbl);
      const declared = columnsOf(d).filter((c) => typeof d.fields[c]!.ref === 'string');
      const unenforced = UNENFORCED_REFS.filter((r) => r.startsWith(`${d.table}.`)).map((r) => r.slice(d.table.length + 1));
      expect(declared.sort(), 'declared references without a foreign key').toEqual([...fks.map((k) => k.col), ...unenforced].sort());
      if (hasRowid(d)) {
        const key = 'rowid' in d.key ? d.key.rowid : null;
        const pk = info.filter((c) => c.pk);
        if (key) expect(pk.map((c) => c.name)).toEqual([key]);
        expect(sqlText).not.toMatch(/WITHOUT ROWID/);
      } else {
        expect(sqlText).toMatch(/WITHOUT ROWID/);
        expect(info.filter((c) => c.pk).sort((a, b) => a.pk - b.pk).map((c) => c.name)).toEqual(keyColumns(d));
      }
    });
  }

  it('the replay target has the same tables and no triggers', () => {
    const s = scratchCase();
    expect(s.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger'`).pluck().get()).toBe(0);
    for (const d of RECORDS) expect(s.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(d.table)).toBe(columnsOf(d).length);
    s.close();
  });
});
