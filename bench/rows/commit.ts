/** synchronous=FULL (the product's setting) vs NORMAL: the cost of a small write through the API. */
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { type BenchContext, runs, scaleLabel, workingCopy } from '../lib/context';
import { MemoryWatch, timeOnce } from '../lib/measure';
import { makeRow, type RowResult } from '../lib/result';

export function commitRows(ctx: BenchContext): RowResult[] {
  const h = openCase(workingCopy(ctx, 'commit'));
  const api = createApi(h.db, { actor: 'bench' });
  const mem = new MemoryWatch();
  const full: number[] = [];
  const normal: number[] = [];
  const n = runs(ctx, 60);
  try {
    for (let i = 0; i < n + 5; i++) {
      for (const mode of i % 2 ? (['NORMAL', 'FULL'] as const) : (['FULL', 'NORMAL'] as const)) {
        h.db.pragma(`synchronous = ${mode}`);
        const ms = timeOnce(() => api.invoke('claims.create', { text: `Bench claim ${i} written with synchronous=${mode}`, tags: ['bench'] }));
        if (i >= 5) (mode === 'FULL' ? full : normal).push(ms);
        mem.sample();
      }
    }
  } finally {
    closeCase(h);
  }
  return [
    makeRow({
      name: 'commit: claims.create, synchronous=FULL vs NORMAL',
      scale: scaleLabel(ctx),
      app: full,
      baseline: { name: 'the same call with synchronous=NORMAL', samples: normal },
      target: { kind: 'none' },
      memory: mem.result(),
      note: 'WAL mode; FULL is the product setting (an acknowledged save survives power loss)',
    }),
  ];
}
