/** `claimtrail source capture URL` against a real server on 127.0.0.1, into a real case file. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureOutcome } from '../../core/contract/captures';
import type { Source } from '../../core/types';
import { startServerThread } from '../documents/fetch-server';
import { tempDir } from '../helpers';
import { cli, cliHome } from './run';

const PAGE = 'Minutes of the council, 3 May.\n\nThe motion was carried by seven votes to two.\n';

let server: Awaited<ReturnType<typeof startServerThread>>;
let file: string;
beforeAll(async () => {
  cliHome();
  file = join(tempDir(), 'capture.claimtrail');
  expect((await cli('init', file)).code).toBe(0);
  server = await startServerThread({
    '/minutes.txt': { body: PAGE, headers: { 'content-type': 'text/plain; charset=utf-8' } },
    '/moved': { redirect: '/minutes.txt' },
  });
});
afterAll(() => server.close());

describe('source capture', () => {
  it('captures into a new source and prints the source, capture, status, final URL, sha256 and what was filled', async () => {
    const r = await cli('--case', file, 'source', 'capture', server.url('/moved'), '--accessed', '2026-05-04');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Captured ${server.url('/minutes.txt')} (asked for ${server.url('/moved')})`);
    expect(r.out).toMatch(/capture: \S+ {2}HTTP 200 {2}text\/plain/);
    expect(r.out).toContain(`final URL: ${server.url('/minutes.txt')}`);
    expect(r.out).toMatch(/sha256: [0-9a-f]{64}/);
    expect(r.out).toMatch(/filled from the page: /);
    expect(r.out).toMatch(/\[F\] 127\.0\.0\.1:\d+\/minutes\.txt/);
  });

  it('--source ID --json: the outcome as JSON; the same bytes again are not stored twice', async () => {
    const s = (await cli('--case', file, 'source', 'add', '--title', 'Council minutes', '--json')).json<Source>();
    const first = await cli('--case', file, 'source', 'capture', server.url('/minutes.txt'), '--source', s.id, '--json');
    expect(first.code).toBe(0);
    const o = first.json<CaptureOutcome>();
    expect(o).toMatchObject({ created: true, source: { id: s.id, title: 'Council minutes' }, capture: { httpStatus: 200, origin: 'url' } });
    expect(o.filled).toContain('url');
    const again = await cli('--case', file, 'source', 'capture', server.url('/minutes.txt'), '--source', s.id);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`Already captured: these exact bytes are capture ${o.capture.id}`);
  });

  it('a refusal goes to stderr with exit code 1 and prints nothing on stdout', async () => {
    const r = await cli('--case', file, 'source', 'capture', server.url('/missing'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`The server answered 404 Not Found for ${server.url('/missing')}; nothing was stored.`);
  });
});
