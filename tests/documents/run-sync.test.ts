/** runInWorkerSync: the caller blocks while a real worker thread answers, fails, runs over time or memory. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInWorkerSync, TaskFailure } from '../../db/documents/run-sync';

const workerFile = fileURLToPath(new URL('./runner-worker.mjs', import.meta.url));
// The test worker's tasks are not in db/documents/tasks.ts: name them through a cast.
const run = (task: string, input: unknown, opts: Parameters<typeof runInWorkerSync>[2] = {}) =>
  runInWorkerSync(task as 'extract', input as never, { workerFile, ...opts }) as unknown;

function failure(fn: () => unknown): TaskFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof TaskFailure) return e;
    throw e;
  }
  throw new Error('expected a TaskFailure');
}

describe('runInWorkerSync', () => {
  it('returns the worker answer synchronously, input copied in and out', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(run('echo', { bytes, n: 5 })).toEqual({ echoed: { bytes: new Uint8Array([1, 2, 3]), n: 5 } });
  });

  it('forwards progress to the caller before the answer', () => {
    const seen: string[] = [];
    expect(run('progress', null, { onProgress: (d, t, l) => seen.push(`${d}/${t} ${l}`) })).toBe('finished');
    expect(seen).toEqual(['1/3 step 1', '2/3 step 2', '3/3 step 3']);
  });

  it('rethrows what the task threw, with its error name', () => {
    const e = failure(() => run('throw', null));
    expect(e.kind).toBe('error');
    expect(e.errorName).toBe('DocumentError');
    expect(e.message).toBe('refused on page 2');
  });

  it('stops a task that runs past the time limit', () => {
    const e = failure(() => run('forever', null, { timeoutMs: 1500 }));
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/within 2 s/);
  });

  it('stops on cancel, polled between waits', () => {
    let polls = 0;
    const e = failure(() => run('forever', null, { isCancelled: () => ++polls > 5, pollMs: 10, timeoutMs: 120_000 }));
    expect(e.kind).toBe('cancelled');
    expect(polls).toBeGreaterThan(5);
  });

  it('reports a worker that runs out of its memory limit at once, not at the time limit', () => {
    const e = failure(() => run('hog', null, { resourceLimits: { maxOldGenerationSizeMb: 64 }, timeoutMs: 600_000 }));
    expect(e.kind).toBe('memory');
  });

  it('reports a worker that exits without answering', () => {
    const e = failure(() => run('exit', null, { timeoutMs: 600_000 }));
    expect(e.kind).toBe('crashed');
    expect(e.message).toMatch(/exit code 3/);
  });
});
