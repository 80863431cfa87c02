/**
 * Issue 14: a case is exactly its history. Random sequences of every mutation (imports, trash and
 * restore, overrides, disputes, captures…) on a real case; replaying the log into an empty case gives
 * identical tables — every declared record, byte for byte, the document bytes included — and the live
 * case passes verify.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORDS } from '../../core/records/records';
import { columnsOf, hasRowid, keyColumns } from '../../core/records/define';
import { replayLog, scratchCase } from '../../db/records/replay';
import type { DB } from '../../db/sql';
import { stress, tempCase } from '../helpers';
import { applyOp, donorExports, emptyState, opArb } from './ops';

/** Every declared table's rows, all columns, in key order: what "identical tables" means. */
function dump(db: DB): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const d of RECORDS) {
    const order = hasRowid(d) ? 'rowid' : keyColumns(d).join(', ');
    const cols = [...(hasRowid(d) ? ['rowid AS __rowid'] : []), ...columnsOf(d).map((c) => `"${c}"`)];
    out[d.table] = db.prepare(`SELECT ${cols.join(', ')} FROM "${d.table}" ORDER BY ${order}`).raw().all();
  }
  return out;
}


describe('replaying the history rebuilds the case', () => {
  it(
    'random mutation sequences: the replay equals the live tables and verify passes',
    () => {
      donorExports();
      fc.assert(
        fc.property(fc.array(opArb, { minLength: 5, maxLength: 80 }), (ops) => {
          const t = tempCase();
          try {
            const st = emptyState();
            for (const o of ops) applyOp(t.api, st, o);
            const scratch = scratchCase();
            try {
              const bytes = (sha: string) => t.handle.db.prepare('SELECT bytes FROM blobs WHERE sha256 = ?').pluck().get(sha) as Buffer | null;
              replayLog(t.handle.db, scratch, bytes);
              expect(dump(scratch)).toEqual(dump(t.handle.db));
            } finally {
              scratch.close();
            }
            const v = t.api.invoke('history.verify', {});
            expect(v.state?.firstDifference ?? null).toBeNull();
            expect(v.ok).toBe(true);
          } finally {
            t.close();
          }
        }),
        { numRuns: stress(60, 1000) },
      );
    },
    stress(240_000, 3_600_000),
  );

  it('the sample case replays exactly', () => {
    const t = tempCase({ sample: true });
    const v = t.api.invoke('history.verify', {});
    expect(v.state).toMatchObject({ ok: true, firstDifference: null, replayError: null });
    expect(v.state!.records).toBeGreaterThan(150);
    t.close();
  });
});
