/**
 * captures.fetch as the app makes it: through the database worker (CaseHost), which blocks while the
 * documents worker fetches; progress reaches the host's listeners and cancel stops the fetch.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureOutcome } from '../../core/contract/captures';
import { CaseHost } from '../../db/host/host';
import { tempDir } from '../helpers';
import { startServer, type TestServer } from './fetch-server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    '/page.txt': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'set-cookie': 'session=1' });
      res.end('A page captured through the database worker.\n');
    },
    '/slow': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const t = setInterval(() => res.write('y'.repeat(70_000)), 20);
      res.once('close', () => clearInterval(t));
    },
  });
});
afterAll(() => server.close());

describe('captures.fetch through the database worker', () => {
  it('captures, reports progress, is cancelled, and the worker goes on answering', async () => {
    const host = await CaseHost.start({ casePath: join(tempDir(), 'host.claimtrail'), create: true });
    try {
      const ok = await host.call('captures.fetch', { url: server.url('/page.txt') });
      expect(ok.ok).toBe(true);
      const outcome = (ok as { value: CaptureOutcome }).value;
      expect(outcome).toMatchObject({ created: true, capture: { finalUrl: server.url('/page.txt'), httpStatus: 200, mediaType: 'text/plain' }, source: { kind: 'web' } });

      const seen: string[] = [];
      const off = host.onProgress((p) => {
        seen.push(p.method);
        host.cancel();
      });
      const cancelled = await host.call('captures.fetch', { url: server.url('/slow') });
      off();
      expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(seen[0]).toBe('captures.fetch');
      expect(await server.closed('/slow')).toEqual({ finished: false });

      const info = await host.call('case.info', {});
      expect(info).toMatchObject({ ok: true, value: { counts: { sources: 1 } } });
      expect(host.workerRestarts).toBe(0);
      expect(server.seen.every((r) => r.headers.cookie === undefined)).toBe(true);
    } finally {
      await host.close();
    }
  });
});
