/**
 * Issue 12.5: a deeply nested input made the next message to the database worker throw and every
 * later call hang. Inputs are bounded before they reach the worker, and the host survives any worker
 * failure: the call in flight fails clearly, a new worker opens the case, the next call succeeds.
 */
import { describe, expect, it } from 'vitest';
import { CaseHost } from '../../../db/host/host';
import { MAX_INPUT_DEPTH, checkInputShape } from '../../../db/host/limits';
import { tempCase } from '../../helpers';

const testWorker = new URL('./fixtures/failing-worker.mjs', import.meta.url);

function nested(depth: number, leaf: unknown = 'x'): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
}

async function withHost(run: (host: CaseHost) => Promise<void>, workerFile?: URL): Promise<void> {
  const c = tempCase();
  c.close();
  const host = await CaseHost.start({ casePath: c.path, actor: 'tester', workerFile });
  try {
    await run(host);
  } finally {
    await host.close();
  }
}

describe('input shape limits (db/host/limits.ts)', () => {
  it('accepts ordinary inputs and refuses deep or huge ones without recursion', () => {
    expect(checkInputShape({ text: 'a', tags: ['x', 'y'], quantity: { value: 1 } })).toEqual({ ok: true });
    expect(checkInputShape(nested(MAX_INPUT_DEPTH - 1))).toEqual({ ok: true });
    expect(checkInputShape(nested(MAX_INPUT_DEPTH + 1))).toMatchObject({ ok: false, message: expect.stringMatching(/nested more than 64 levels/) });
    // 200,000 levels would overflow any recursive walk (and structured clone).
    expect(checkInputShape(nested(200_000)).ok).toBe(false);
    expect(checkInputShape(Array.from({ length: 50 }, () => 1), 64, 20)).toMatchObject({ ok: false, message: expect.stringMatching(/more than 20 values/) });
  });
});

describe('CaseHost survives hostile inputs and worker failures', () => {
  it('refuses a 4,000-level nested input clearly, and the next call works', async () => {
    await withHost(async (host) => {
      const r = await host.call('claims.create', { text: nested(4_000) });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/nested more than/) } });
      expect(await host.call('claims.create', { text: 'After the nested input' })).toMatchObject({ ok: true });
      expect(await host.call('case.info', {})).toMatchObject({ ok: true, value: { counts: { claims: 1 } } });
    });
  });

  it('refuses an input structured clone cannot carry (a function) without wedging the queue', async () => {
    await withHost(async (host) => {
      const [bad, good] = await Promise.all([host.call('claims.create', { text: () => 1 }), host.call('case.info', {})]);
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/cannot be passed to the database/) } });
      expect(good).toMatchObject({ ok: true });
    });
  });

  it.each(['test.exit', 'test.throw'])('%s kills the worker mid-call: that call errors clearly, queued and later calls succeed', async (method) => {
    await withHost(async (host) => {
      expect(await host.call('claims.create', { text: 'Before the crash' })).toMatchObject({ ok: true });
      const [lost, queued] = await Promise.all([host.call(method, {}), host.call('claims.create', { text: 'Queued behind the crash' })]);
      expect(lost).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(new RegExp(`database worker .* while answering ${method}.*try again`)) } });
      expect(queued).toMatchObject({ ok: true });
      expect(host.workerRestarts).toBe(1);
      expect(await host.call('case.info', {})).toMatchObject({ ok: true, value: { counts: { claims: 2 } } });
      // It keeps recovering, not only once.
      expect((await host.call(method, {})).ok).toBe(false);
      expect(await host.call('case.info', {})).toMatchObject({ ok: true });
      expect(host.workerRestarts).toBe(2);
    }, testWorker);
  });

  it('close() stops a worker stuck in one endless SQLite statement and says so', async () => {
    const c = tempCase();
    c.close();
    const host = await CaseHost.start({ casePath: c.path, workerFile: testWorker, closeGraceMs: 200 });
    const spinning = new Promise<void>((resolve) => host.onProgress((p) => p.method === 'test.spin' && resolve()));
    const call = host.call('test.spin', {});
    await spinning;
    const queued = host.call('case.info', {});
    expect(await host.close()).toEqual({ stuck: true });
    expect(await queued).toMatchObject({ ok: false, error: { message: 'The case is closed.' } });
    expect(await host.call('case.info', {})).toMatchObject({ ok: false, error: { message: 'The case is closed.' } });
    void call; // never answered: its thread is stuck until the process ends (the CLI then exits, cli/serve/stop.ts)
  });
});
