/**
 * The fetcher against a hostile server: random raw HTTP answers (statuses, redirect targets, encodings,
 * lengths that lie, garbage bytes) over real TCP on 127.0.0.1. Every fetch ends, with a page within the
 * limits or a FetchError that names the address; never another error, never a hang.
 */
import fc from 'fast-check';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, FetchError } from '../../db/documents/fetch';
import { stress } from '../helpers';

const RUNS = stress(150, 3_000);
const MAX = 64 * 1024;

/** One raw answer: the bytes the server writes before it closes the connection. */
const answers = new Map<string, Buffer>();
let server: Server;
let base: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let head = '';
    socket.on('data', (d) => {
      head += d.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const path = head.split(' ')[1] ?? '/';
      socket.end(answers.get(path) ?? Buffer.from('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const anyStatus = fc.constantFrom(200, 201, 203, 204, 206, 299, 301, 302, 303, 304, 307, 308, 399, 400, 401, 403, 404, 410, 451, 500, 503, 599);
const status = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(200, 302) }, { weight: 3, arbitrary: anyStatus });
const location = fc.oneof(
  fc.constantFrom('/r/0', '/r/1', 'r/2', '?q=1', '#frag', '//127.0.0.1:1/x', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'ftp://h/x',
    'http://user:pw@127.0.0.1/', 'http://[::1', 'http://%zz/', '', ' ', 'mailto:a@b'),
  fc.string({ maxLength: 30 }),
);
const encoding = fc.constantFrom(undefined, undefined, undefined, 'gzip', 'br', 'deflate', 'identity', 'gzip, gzip', 'x-gzip', 'compress', 'GZIP', ' br ');
const body = fc.oneof(fc.uint8Array({ maxLength: MAX + 1024 }), fc.constant(gzipSync(Buffer.alloc(4 * MAX))), fc.constant(new Uint8Array()));
const length = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('exact', 'none') }, { weight: 1, arbitrary: fc.constantFrom('-1', 'abc', '99999999999', '0', '5, 6') }, { weight: 1, arbitrary: fc.nat({ max: 3 * MAX }).map(String) });
const junkHeader = fc.constantFrom('', '', '', '', 'x-a: b\r\n', 'set-cookie: s=1\r\n', 'transfer-encoding: chunked\r\n', 'content-type: text/html; charset=\u00ff\r\n', 'broken header line\r\n');

const answer = fc.record({ status, location: fc.option(location), encoding, body, length, junk: junkHeader, path: fc.constantFrom('/r/0', '/r/1', '/r/2', '/a') });

type Answer = typeof answer extends fc.Arbitrary<infer T> ? T : never;

function raw(a: Answer): Buffer {
  const headers: string[] = [];
  if (a.location !== null) headers.push(`location: ${a.location}`);
  if (a.encoding) headers.push(`content-encoding: ${a.encoding}`);
  if (a.length === 'exact') headers.push(`content-length: ${a.body.length}`);
  else if (a.length !== 'none') headers.push(`content-length: ${a.length}`);
  const head = `HTTP/1.1 ${a.status} Fuzz\r\n${headers.map((h) => `${h}\r\n`).join('')}${a.junk}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), a.body]);
}

describe(`fetcher against a hostile server (${RUNS} answers)`, () => {
  it('ends every fetch with a page within the limits or a FetchError naming the address', async () => {
    const tally = { pages: 0, refused: 0 };
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 4 }), async (list) => {
        answers.clear();
        for (const a of list) answers.set(a.path, raw(a));
        const url = `${base}${list[0]!.path}`;
        try {
          const page = await fetchPage(url, { maxBytes: MAX, timeoutMs: 10_000 });
          expect(page.status).toBeGreaterThanOrEqual(200);
          expect(page.status).toBeLessThan(300);
          expect(page.bytes.length).toBeLessThanOrEqual(MAX);
          expect(page.headers['set-cookie']).toBeUndefined();
          tally.pages++;
        } catch (e) {
          expect(e).toBeInstanceOf(FetchError);
          expect((e as FetchError).message).toMatch(/127\.0\.0\.1|address/);
          tally.refused++;
          const kind = (e as Error).message.replace(/https?:\/\/\S+/g, 'URL').replace(/\d+/g, 'N').slice(0, 60);
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`fetch fuzzing: ${RUNS} runs, ${JSON.stringify(tally)}; refusals: ${JSON.stringify([...kinds].sort((a, b) => b[1] - a[1]))}`);
    expect(tally.pages).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  }, 600_000);
});
