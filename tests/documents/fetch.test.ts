/** The fetcher against a real HTTP server on 127.0.0.1: redirects, limits, encodings, statuses, no cookies. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CAPTURE_BYTES } from '../../core/contract/captures';
import { checkFetchable, fetchPage, FetchError, fileNameHint, MAX_REDIRECTS, USER_AGENT } from '../../db/documents/fetch';
import { isPublicAddress, type AddressPolicy } from '../../db/documents/fetch/address';
import { tempDir } from '../helpers';
import { startServer, type Route, type TestServer } from './fetch-server';

const HTML = '<!doctype html><html><head><title>Élan report</title></head><body><p>Quote me — exactly.</p></body></html>';
const MiB = 1024 * 1024;

const send =
  (status: number, headers: Record<string, string | string[]>, body: string | Buffer = ''): Route =>
  (_req, res) => {
    res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  };

/** Writes `chunk` every `ms` until the client goes away. */
const trickle =
  (chunk: Buffer, ms: number): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const timer = setInterval(() => res.write(chunk), ms);
    res.once('close', () => clearInterval(timer));
  };

let server: TestServer;
const at = (path: string) => server.url(path);

beforeAll(async () => {
  const loops: Record<string, Route> = {};
  for (let i = 0; i < 12; i++) loops[`/loop/${i}`] = send(302, { location: `/loop/${i + 1}` });
  loops['/loop/12'] = send(200, { 'content-type': 'text/plain' }, 'arrived');
  server = await startServer({
    ...loops,
    '/page': send(200, {
      'content-type': 'text/html; charset=utf-8',
      'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT',
      etag: '"v1"',
      'content-language': 'en',
      'set-cookie': ['session=secret; Path=/', 'track=1'],
      'x-internal': 'not kept',
    }, HTML),
    '/r1': send(302, { location: '/r2', 'set-cookie': 'hop=1; Path=/' }),
    '/r2': (req, res) => send(301, { location: `http://${req.headers.host}/page`, 'set-cookie': 'hop=2' })(req, res),
    '/to-file': send(302, { location: 'file:///etc/passwd' }),
    '/to-localhost': (req, res) => send(302, { location: `http://${req.headers.host!.replace('127.0.0.1', 'localhost')}/page` })(req, res),
    '/to-literal': (req, res) => send(302, { location: `http://${req.headers.host!.replace('localhost', '127.0.0.1')}/page` })(req, res),
    '/to-ftp': send(301, { location: 'ftp://127.0.0.1/pub' }),
    '/to-creds': (req, res) => send(302, { location: `http://user:pw@${req.headers.host}/page` })(req, res),
    '/gzip': send(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, gzipSync(HTML)),
    '/br': send(200, { 'content-type': 'text/html', 'content-encoding': 'br' }, brotliCompressSync(HTML)),
    '/deflate': send(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }, deflateSync(HTML)),
    '/badzip': send(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, 'not gzip at all'),
    '/zstd': send(200, { 'content-type': 'text/html', 'content-encoding': 'zstd' }, 'whatever'),
    '/bomb': send(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, gzipSync(Buffer.alloc(8 * MiB))),
    '/big-bomb': send(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, gzipSync(Buffer.alloc(MAX_CAPTURE_BYTES + MiB))),
    '/huge': trickle(Buffer.alloc(64 * 1024, 97), 1),
    '/slow': trickle(Buffer.from('a'), 50),
    '/hang': () => undefined,
    '/announced': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(2 * 1024 * MiB) });
      res.write('%PDF-1.7');
    },
    '/sized': send(200, { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="report 2026.pdf"' }, Buffer.alloc(300 * 1024, 1)),
    '/cut': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' });
      res.write('<html><body>the first part only');
      setTimeout(() => res.destroy(), 20);
    },
    '/gone': send(410, { 'content-type': 'text/plain' }, 'gone'),
    '/broken': send(500, { 'content-type': 'text/plain' }, 'oops'),
  });
});
afterAll(() => server.close());

/** The refusal's message (the fetch must fail with a FetchError). */
async function refusal(p: Promise<unknown>): Promise<FetchError> {
  const e = await p.then(
    () => new Error('expected a refusal'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(FetchError);
  return e as FetchError;
}

describe('fetchPage', () => {
  it('fetches a page: bytes, status, final URL and only the selected headers', async () => {
    const page = await fetchPage(at('/page'));
    expect(new TextDecoder().decode(page.bytes)).toBe(HTML);
    expect(page).toMatchObject({ requestedUrl: at('/page'), finalUrl: at('/page'), status: 200, statusText: 'OK', redirects: [] });
    expect(page.headers).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(Buffer.byteLength(HTML)),
      'content-language': 'en',
      'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT',
      etag: '"v1"',
      date: expect.any(String),
    });
    expect(page.mediaTypeHint).toBe('text/html');
    expect(page.fileNameHint).toBe('page');
    expect(Date.parse(page.startedAt)).not.toBeNaN();
  });

  it('follows redirects (relative and absolute) and never sends a cookie, credentials or Authorization back', async () => {
    const before = server.seen.length;
    const page = await fetchPage(at('/r1'));
    expect(page.finalUrl).toBe(at('/page'));
    expect(page.requestedUrl).toBe(at('/r1'));
    expect(page.redirects).toEqual([
      { url: at('/r2'), status: 302 },
      { url: at('/page'), status: 301 },
    ]);
    await fetchPage(at('/page'));
    const requests = server.seen.slice(before);
    expect(requests.map((r) => r.path)).toEqual(['/r1', '/r2', '/page', '/page']);
    for (const r of requests) {
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers.authorization).toBeUndefined();
      expect(r.headers['user-agent']).toBe(USER_AGENT);
    }
    expect(USER_AGENT).toMatch(/^ClaimTrail\//);
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it(`refuses more than ${MAX_REDIRECTS} redirects, naming the limit`, async () => {
    const atLimit = await fetchPage(at(`/loop/${12 - MAX_REDIRECTS}`));
    expect(atLimit.finalUrl).toBe(at('/loop/12'));
    expect(atLimit.redirects).toHaveLength(MAX_REDIRECTS);
    const start = `/loop/${11 - MAX_REDIRECTS}`;
    const e = await refusal(fetchPage(at(start)));
    expect(e.message).toBe(`${at(start)} redirects more than ${MAX_REDIRECTS} times (last to ${at('/loop/11')}); nothing was stored.`);
    expect((await fetchPage(at('/loop/0'), { maxRedirects: 12 })).redirects).toHaveLength(12);
  });

  it('refuses a redirect to a non-http scheme or to an address with credentials', async () => {
    expect((await refusal(fetchPage(at('/to-file')))).message).toMatch(/redirects to an address that cannot be fetched: file:.*not http or https/);
    expect((await refusal(fetchPage(at('/to-ftp')))).message).toMatch(/ftp:.*not http or https/);
    const before = server.seen.length;
    expect((await refusal(fetchPage(at('/to-creds')))).message).toMatch(/user name or password/);
    expect(server.seen.slice(before).map((r) => r.path)).toEqual(['/to-creds']);
  });

  it('refuses addresses it must not fetch before any request', async () => {
    const before = server.seen.length;
    const withCreds = at('/page').replace('http://', 'http://me:secret@');
    expect((await refusal(fetchPage(withCreds))).message).toMatch(/user name or password/);
    expect((await refusal(fetchPage('file:///etc/passwd'))).message).toMatch(/not http or https/);
    expect((await refusal(fetchPage('not a url'))).message).toMatch(/not a valid URL/);
    expect(server.seen.length).toBe(before);
    expect(() => checkFetchable('https://example.org/a')).not.toThrow();
  });

  it('refuses a non-2xx answer with its status and address', async () => {
    expect((await refusal(fetchPage(at('/missing')))).message).toBe(`The server answered 404 Not Found for ${at('/missing')}; nothing was stored.`);
    expect((await refusal(fetchPage(at('/gone')))).message).toMatch(/answered 410 Gone for/);
    expect((await refusal(fetchPage(at('/broken')))).message).toMatch(/answered 500 Internal Server Error for/);
  });

  it('refuses a body cut short of its Content-Length instead of keeping a truncated page', async () => {
    const e = await refusal(fetchPage(at('/cut')));
    expect(e.message.startsWith(`The page at ${at('/cut')} was cut off after `)).toBe(true);
    expect(e.message).toMatch(/after \d+ bytes of the 5000 announced \(ECONNRESET\); nothing was stored\.$/);
  });

  it('decodes gzip, br and deflate bodies', async () => {
    for (const path of ['/gzip', '/br', '/deflate']) {
      const page = await fetchPage(at(path));
      expect(new TextDecoder().decode(page.bytes), path).toBe(HTML);
      expect(page.headers['content-encoding']).toBe(path.slice(1));
    }
    expect((await refusal(fetchPage(at('/badzip')))).message).toMatch(/not validly compressed/);
    expect((await refusal(fetchPage(at('/zstd')))).message).toMatch(/encoding ClaimTrail cannot read \("zstd"\)/);
  });

  it('stops a body larger than the limit as soon as it is exceeded, and says so', async () => {
    const closed = server.closed('/huge');
    const e = await refusal(fetchPage(at('/huge'), { maxBytes: MiB }));
    expect(e.message).toMatch(/is larger than the 1 MB a capture may hold \(stopped after 1(\.\d)? MB\); nothing was stored/);
    expect(await closed).toEqual({ finished: false });
    const announced = await refusal(fetchPage(at('/announced')));
    expect(announced.message).toMatch(/announces 2147483648 bytes, more than the 64 MB/);
  });

  it('stops a compression bomb on the decompressed size (also at the real 64 MB limit)', async () => {
    const small = await refusal(fetchPage(at('/bomb'), { maxBytes: MiB }));
    expect(small.message).toMatch(/decompresses to more than the 1 MB a capture may hold/);
    const big = await refusal(fetchPage(at('/big-bomb')));
    expect(big.message).toMatch(/decompresses to more than the 64 MB a capture may hold/);
  });

  it('gives up after the time limit, while the head or the body is late', async () => {
    const slow = await refusal(fetchPage(at('/slow'), { timeoutMs: 1000 }));
    expect(slow.message).toBe(`Fetching ${at('/slow')} took longer than the 1 s limit; nothing was stored.`);
    expect(slow.cancelled).toBe(false);
    expect((await refusal(fetchPage(at('/hang'), { timeoutMs: 500 }))).message).toMatch(/took longer than the 0.5 s limit/);
  });

  it('the connect timeout covers only the connection: a connected server that is slow to answer meets the total limit', async () => {
    const e = await refusal(fetchPage(at('/hang'), { connectTimeoutMs: 100, timeoutMs: 1500 }));
    expect(e.message).toMatch(/took longer than the 1.5 s limit/);
  });

  it('checks HTTPS certificates: a self-signed one is refused before any request is sent', async () => {
    const dir = tempDir();
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    let requests = 0;
    const tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
      requests++;
      res.end('secret');
    });
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/`;
      expect((await refusal(fetchPage(url))).message).toMatch(new RegExp(`^Could not fetch ${url.replace(/[.]/g, '\\.')}: self[- ]signed certificate`));
      expect(requests).toBe(0);
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });

  it('is cancelled through its signal', async () => {
    const stop = new AbortController();
    const p = fetchPage(at('/slow'), { signal: stop.signal, onProgress: () => stop.abort() });
    const e = await refusal(p);
    expect(e.cancelled).toBe(true);
    expect(e.message).toMatch(/^Cancelled/);
  });

  it('reports progress in received bytes, with the announced total', async () => {
    const seen: [number, number | null][] = [];
    const page = await fetchPage(at('/sized'), { onProgress: (n, total) => seen.push([n, total]) });
    expect(page.bytes.length).toBe(300 * 1024);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual([300 * 1024, 300 * 1024]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
    expect(page.fileNameHint).toBe('report 2026.pdf');
    expect(page.mediaTypeHint).toBe('application/pdf');
  });

  it('says clearly when nothing listens', async () => {
    const gone = await startServer({});
    const url = gone.url('/x');
    await gone.close();
    expect((await refusal(fetchPage(url))).message).toMatch(/^Could not fetch .*: the connection was refused \(ECONNREFUSED\); nothing was stored\.$/);
  });
});

describe('redirects from a public page to a local address', () => {
  it('knows which addresses are public', () => {
    for (const ip of ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888', '93.184.216.34']) expect(isPublicAddress(ip), ip).toBe(true);
    for (const ip of ['127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '224.0.0.1', 'not an ip'])
      expect(isPublicAddress(ip), ip).toBe(false);
  });

  // The tests have only 127.0.0.1; a policy lets one name of it stand for a public address.
  const localhostIsLocal: AddressPolicy = (_ip, host) => host !== 'localhost';
  const literalIsLocal: AddressPolicy = (_ip, host) => host === 'localhost';
  const viaName = (path: string) => at(path).replace('127.0.0.1', 'localhost');

  it('refuses the hop (after DNS, before any request) when the page was public', async () => {
    const before = server.seen.length;
    const e = await refusal(fetchPage(at('/to-localhost'), { addressPolicy: localhostIsLocal }));
    expect(e.message).toMatch(/redirects to localhost:\d+ \(127\.0\.0\.1\), a local or private address; .*type the local address yourself/);
    expect(server.seen.slice(before).map((r) => r.path)).toEqual(['/to-localhost']);
    const literal = await refusal(fetchPage(viaName('/to-literal'), { addressPolicy: literalIsLocal }));
    expect(literal.message).toMatch(/redirects to 127\.0\.0\.1:\d+ \(127\.0\.0\.1\), a local or private address/);
  });

  it('follows it when the analyst typed a local address, and from local to public', async () => {
    expect((await fetchPage(viaName('/to-localhost'), { addressPolicy: localhostIsLocal })).finalUrl).toBe(viaName('/page'));
    expect((await fetchPage(viaName('/to-literal'), { addressPolicy: localhostIsLocal })).finalUrl).toBe(at('/page'));
  });
});

describe('fileNameHint', () => {
  it('prefers Content-Disposition (RFC 5987 too), else the last path segment, never a path', () => {
    const u = new URL('https://example.org/a/b/Report%20One.pdf?x=1');
    expect(fileNameHint(undefined, u)).toBe('Report One.pdf');
    expect(fileNameHint("attachment; filename*=UTF-8''%C3%A9t%C3%A9.pdf", u)).toBe('été.pdf');
    expect(fileNameHint('inline; filename=../../etc/passwd', u)).toBe('....etcpasswd');
    expect(fileNameHint(undefined, new URL('https://example.org/'))).toBeNull();
  });
});
