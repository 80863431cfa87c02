/**
 * verify on the scale case: the chain walk plus the state check (the log replayed into an empty
 * scratch case and compared with the live tables). Reported with peak memory; no target (issue 14).
 */
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { type BenchContext, scaleLabel } from '../lib/context';
import { MemoryWatch, timeOnce } from '../lib/measure';
import { makeRow, type RowResult } from '../lib/result';

export function verifyRows(ctx: BenchContext): RowResult[] {
  const h = openCase(ctx.scaleCase.path, { readonly: true });
  const mem = new MemoryWatch();
  try {
    const api = createApi(h.db);
    let chainOnly = 0;
    let records = 0;
    let changes = 0;
    const chainMs = timeOnce(() => {
      chainOnly = api.invoke('history.verify', { state: false }).events;
    });
    mem.sample();
    const fullMs = timeOnce(() => {
      const v = api.invoke('history.verify', { state: true });
      if (!v.ok) throw new Error(`verify failed on the scale case: ${JSON.stringify(v.state?.firstDifference ?? v.firstBroken)}`);
      records = v.state!.records;
      changes = v.state!.changes;
    });
    mem.sample();
    return [
      makeRow({
        name: 'verify: chain + state (replay and compare)',
        scale: scaleLabel(ctx),
        app: [fullMs],
        baseline: { name: 'verify of the chain alone', samples: [chainMs] },
        target: { kind: 'none' },
        memory: mem.result(),
        note: `${chainOnly} events; ${changes} logged row changes replayed into an in-memory scratch case; ${records} records compared`,
      }),
    ];
  } finally {
    closeCase(h);
  }
}
