/**
 * Confidence recomputation when a source cited by 1,000 claims changes grade (sources.update), against
 * the same number of raw UPDATEs of the stored probability in one transaction.
 */
import Database from 'better-sqlite3';
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { type BenchContext, runs, workingCopy } from '../lib/context';
import { interleave, MemoryWatch } from '../lib/measure';
import { makeRow, type RowResult } from '../lib/result';

export function recomputeRows(ctx: BenchContext): RowResult[] {
  const path = workingCopy(ctx, 'recompute');
  const h = openCase(path);
  const api = createApi(h.db, { actor: 'bench' });
  const raw = new Database(path);
  raw.pragma('synchronous = FULL');
  const mem = new MemoryWatch();
  try {
    const hub = h.db.prepare('SELECT id FROM sources WHERE rowid = 1').get() as { id: string };
    const claims = (raw.prepare('SELECT DISTINCT claim_rowid AS r FROM evidence WHERE source_rowid = 1').all() as { r: number }[]).map((x) => x.r);
    const update = raw.prepare('UPDATE claims SET probability = ? WHERE rowid = ?');
    const rawRun = raw.transaction((i: number) => {
      for (const r of claims) update.run(0.5 + (i % 2) * 0.01, r);
    });
    const t = interleave(
      (i) => api.invoke('sources.update', { id: hub.id, reliability: i % 2 ? 'B' : 'A' }),
      (i) => rawRun(i),
      { warmup: 1, runs: runs(ctx, 6), mem },
    );
    return [
      makeRow({
        name: `recompute: source cited by ${claims.length} claims regraded`,
        scale: `${claims.length} claims`,
        app: t.app,
        baseline: { name: `${claims.length} raw UPDATE claims SET probability in one transaction`, samples: t.base },
        target: { kind: 'none' },
        memory: mem.result(),
        note: 'app: per claim re-reads its evidence, reruns the model, writes probability/band/confidence and a hash-chained event when it moved',
      }),
    ];
  } finally {
    raw.close();
    closeCase(h);
  }
}
