/** Opening a 100k-claim case and showing the first page (DESIGN §10: ≤ 200 ms). */
import Database from 'better-sqlite3';
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { type BenchContext, runs, scaleLabel } from '../lib/context';
import { interleave, MemoryWatch } from '../lib/measure';
import { makeRow, type RowResult } from '../lib/result';

export function openRows(ctx: BenchContext): RowResult[] {
  const path = ctx.scaleCase.path;
  const mem = new MemoryWatch();
  const app = () => {
    const h = openCase(path);
    try {
      const r = createApi(h.db).call('claims.list', { limit: 100 });
      if (!r.ok) throw new Error(r.error.message);
    } finally {
      closeCase(h);
    }
  };
  const raw = () => {
    const db = new Database(path);
    try {
      db.prepare('SELECT * FROM claims ORDER BY updated_at DESC LIMIT 100').all();
    } finally {
      db.close();
    }
  };
  const t = interleave(app, raw, { warmup: 2, runs: runs(ctx, 20), mem });
  return [
    makeRow({
      name: 'open case + first page (claims.list 100)',
      scale: scaleLabel(ctx),
      app: t.app,
      baseline: { name: 'raw new Database + SELECT … ORDER BY updated_at DESC LIMIT 100', samples: t.base },
      target: { kind: 'absolute', maxMs: 200 },
      memory: mem.result(),
      note: 'warm OS file cache; openCase = header checks, pragmas, migration check; ratio is informational',
    }),
  ];
}
