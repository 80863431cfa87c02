/**
 * A raw-SQL edit of the state tables that bypassed the log — a value changed, a row deleted or a row
 * added by a tool that opens the file directly — is found by verify, which names the record and
 * (for a changed value) the field. 1,000 random edits in `npm test` (10,000 under stress), each on
 * the same case inside a transaction that is rolled back afterwards.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORDS } from '../../core/records/records';
import { columnsOf, hasRowid, keyColumns, type RecordDecl } from '../../core/records/define';
import { createApi } from '../../db/api';
import { stress, tempCase } from '../helpers';

function baseCase(): string {
  const t = tempCase({ sample: true });
  const api = t.api;
  const src = api.invoke('sources.list', {}).items[0]!;
  api.invoke('captures.attach', { sourceId: src.id, bytes: Buffer.from('# Notes\n\nDeepSeek said the H800 chips were used.\n').toString('base64'), fileName: 'notes.md' });
  const [a, b] = api.invoke('claims.list', { limit: 2 }).items;
  const detail = api.invoke('claims.get', { id: a!.id });
  if (detail.evidence.length >= 2) api.invoke('evidence.setIndependent', { a: detail.evidence[0]!.id, b: detail.evidence[1]!.id, independent: true });
  api.invoke('disputes.respond', { id: api.invoke('claims.get', { id: detail.claim.id }).disputes[0]?.id ?? api.invoke('disputes.open', { claimId: b!.id, raisedBy: 'r', position: 'p' }).id, author: 'a', text: 'answer' });
  api.invoke('briefings.save', { selection: { query: 'chips' } });
  api.invoke('settings.update', { caveat: 'Internal draft.' });
  t.close();
  return t.path;
}

type Edit = { table: number; row: number; col: number; kind: 'update' | 'delete' | 'insert' };

function changed(d: RecordDecl, col: string, v: unknown): unknown {
  const f = d.fields[col]!;
  if (f.values) return f.values.find((x) => x !== v) ?? null;
  if (v === null) return f.type === 'TEXT' ? 'inserted text' : f.type === 'REAL' ? 0.25 : 7;
  if (typeof v === 'string') return `${v}x`;
  if (typeof v === 'number') return f.type === 'REAL' ? (v > 0 && v < 1 ? v / 2 : v + 0.5) : col === 'assessed' || col === 'attribution' ? 1 - v : v + 1;
  return null;
}

describe('verify finds raw-SQL edits of the state', () => {
  it(
    'random edits (update, delete, insert) on every record kind: each found, the record and field named',
    () => {
      const path = baseCase();
      const db = new Database(path);
      db.pragma('foreign_keys = OFF');
      const api = createApi(db, { path });
      expect(api.invoke('history.verify', {}).ok).toBe(true);
      const tables = RECORDS.filter((d) => (db.prepare(`SELECT count(*) FROM "${d.table}"`).pluck().get() as number) > 0);
      let found = 0;
      let tried = 0;
      const kinds = new Set<string>();
      fc.assert(
        fc.property(
          fc.record({ table: fc.nat(), row: fc.nat(), col: fc.nat(), kind: fc.constantFrom('update', 'update', 'delete', 'insert') as fc.Arbitrary<Edit['kind']> }),
          (e) => {
            const d = tables[e.table % tables.length]!;
            const cols = columnsOf(d).filter((c) => d.fields[c]!.logged !== 'by-hash' && c !== ('rowid' in d.key ? d.key.rowid : '') && !keyColumns(d).includes(c));
            const keySel = hasRowid(d) ? 'rowid AS __key' : `json_array(${keyColumns(d).join(', ')}) AS __key`;
            const rows = db.prepare(`SELECT ${keySel}, * FROM "${d.table}" ORDER BY 1`).all() as Record<string, unknown>[];
            const row = rows[e.row % rows.length]!;
            const where = hasRowid(d) ? 'rowid = ?' : keyColumns(d).map((c) => `${c} = ?`).join(' AND ');
            const keyArgs = hasRowid(d) ? [row.__key] : keyColumns(d).map((c) => row[c]);
            db.exec('BEGIN');
            try {
              let expected: { table: string; key?: string; field?: string | null };
              if (e.kind === 'delete') {
                db.prepare(`DELETE FROM "${d.table}" WHERE ${where}`).run(...keyArgs);
                expected = { table: d.table, key: String(row.__key), field: null };
              } else if (e.kind === 'insert' && hasRowid(d)) {
                const all = columnsOf(d).filter((c) => c !== ('rowid' in d.key ? d.key.rowid : ''));
                const values = all.map((c) => (c === 'id' || c === 'sha256' || c === 'name' || c === 'key' ? `${String(row[c])}-copy` : row[c]));
                let r: Database.RunResult;
                try {
                  r = db.prepare(`INSERT INTO "${d.table}" (${all.map((c) => `"${c}"`).join(', ')}) VALUES (${all.map(() => '?').join(', ')})`).run(...values);
                } catch {
                  return; // a unique rule refused the copy: nothing was added
                }
                expected = { table: d.table, key: String(r.lastInsertRowid), field: null };
              } else {
                if (!cols.length) return;
                const col = cols[e.col % cols.length]!;
                const to = changed(d, col, row[col]);
                if (to === row[col]) return;
                try {
                  db.prepare(`UPDATE "${d.table}" SET "${col}" = ? WHERE ${where}`).run(to, ...keyArgs);
                } catch {
                  return; // the schema refused the value: nothing was edited
                }
                expected = { table: d.table, key: String(row.__key), field: col };
              }
              tried++;
              kinds.add(`${d.table}:${e.kind}`);
              const v = api.invoke('history.verify', {});
              expect(v.ok).toBe(false);
              expect(v.state?.firstDifference).toMatchObject(expected);
              expect(v.state!.firstDifference!.message).toContain(d.entity);
              found++;
            } finally {
              db.exec('ROLLBACK');
            }
          },
        ),
        { numRuns: stress(1000, 10_000) },
      );
      console.info(`raw edits: ${found} of ${tried} found, across ${kinds.size} table × kind pairs`);
      expect(found).toBe(tried);
      expect(tried).toBeGreaterThan(stress(700, 7000));
      expect(kinds.size).toBeGreaterThan(30);
      expect(api.invoke('history.verify', {}).ok).toBe(true);
      db.close();
    },
    stress(300_000, 3_600_000),
  );
});
