import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../../core/transport';
import { startServer } from '../../../cli/serve/server';
import { stress, tempCase } from '../../helpers';
import { send } from './http';

/** Opens the progress stream with the token header and hands each event to `on`. */
function progressStream(port: number, token: string, on: (p: Progress) => void): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/progress', headers: { host: `127.0.0.1:${port}`, 'x-claimtrail-token': token }, agent: false },
      (res) => {
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            if (block.startsWith('data: ')) on(JSON.parse(block.slice(6)) as Progress);
          }
        });
        resolve(() => req.destroy());
      },
    );
    req.on('error', (e) => (e.message === 'socket hang up' ? undefined : reject(e)));
    req.end();
  });
}

describe('web mode: a long import reports progress over SSE and can be cancelled', () => {
  it('streams progress while the worker imports, and a cancel rolls the whole import back', async () => {
    const c = tempCase({ sample: true });
    c.close();
    const srv = await startServer({ casePath: c.path });
    const call = (method: string, body: unknown) =>
      send(srv.port, {
        method: 'POST',
        path: `/api/${method}`,
        headers: { host: `127.0.0.1:${srv.port}`, 'content-type': 'application/json', 'x-claimtrail-token': srv.token },
        body: JSON.stringify(body),
      }).then((r) => JSON.parse(r.body));
    try {
      const before = (await call('case.info', {})).value.counts.claims as number;
      const rows = stress(20_000, 100_000);
      const content = ['text,claimant', ...Array.from({ length: rows }, (_, i) => `Imported claim number ${i} about compute,Importer ${i % 50}`)].join('\n');
      const seen: Progress[] = [];
      let firstProgress!: () => void;
      const gotProgress = new Promise<void>((r) => (firstProgress = r));
      const stop = await progressStream(srv.port, srv.token, (p) => {
        seen.push(p);
        firstProgress();
      });
      const importing = call('transfer.import', { format: 'csv', content, fileName: 'big.csv' });
      await gotProgress;
      await call('cancel', {});
      const result = await importing;
      stop();
      expect(seen[0]).toMatchObject({ method: 'transfer.import', label: 'importing' });
      expect(seen[0]!.total).toBe(rows);
      expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect((await call('case.info', {})).value.counts.claims).toBe(before);
      // The next import (no cancel) goes through: the flag was reset.
      const small = await call('transfer.import', { format: 'csv', content: 'text\nOne more claim after the cancel', fileName: 'small.csv' });
      expect(small.ok).toBe(true);
      expect((await call('case.info', {})).value.counts.claims).toBe(before + 1);
    } finally {
      await srv.close();
    }
  });
});
