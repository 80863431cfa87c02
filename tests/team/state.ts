/**
 * A copy's state as the team sees it, for comparing copies of one team case: every declared table's
 * rows with rowids and references replaced by team keys (db/team/keys.ts), sorted; and the JSON
 * export with its lists in id order (each copy numbers its rows itself).
 */
import { RECORDS } from '../../core/records/records';
import { columnsOf } from '../../core/records/define';
import { keying, rowidColumn, TeamKeys } from '../../db/team/keys';
import { readSnapshot } from '../../db/transfer/read';
import type { DB } from '../../db/sql';

export function teamState(db: DB): Record<string, string[]> {
  const keys = new TeamKeys(db);
  const out: Record<string, string[]> = {};
  for (const d of RECORDS) {
    const own = keying(d) === 'own' ? rowidColumn(d) : null;
    const rows = db.prepare(`SELECT ${keying(d) === 'columns' ? '' : 'rowid AS _r, '}* FROM "${d.table}"`).all() as Record<string, unknown>[];
    out[d.table] = rows
      .map((r) => {
        const o: Record<string, unknown> = {};
        if (keying(d) === 'own') o._key = keys.out(d.table, r._r as number);
        for (const c of columnsOf(d)) {
          if (c === own) continue;
          const v = r[c];
          o[c] = Buffer.isBuffer(v) ? v.toString('base64') : keys.refOut(d, c, v as never, r);
        }
        // An unordered pair is stored smaller rowid first, and each copy numbers its rows itself.
        if (d.pair) {
          const [a, b] = d.pair;
          if (String(o[a]) > String(o[b])) [o[a], o[b]] = [o[b], o[a]];
        }
        return JSON.stringify(o);
      })
      .sort();
  }
  return out;
}

export function exportState(db: DB): unknown {
  const s = readSnapshot(db, 'now') as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(s))
    if (Array.isArray(v)) s[k] = [...(v as { id?: string }[])].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return s;
}
