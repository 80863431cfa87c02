import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORBIDDEN_TEXT } from '../../../cli/serve/guard';
import { WEB_CSP } from '../../../cli/serve/headers';
import { startServer, type RunningServer } from '../../../cli/serve/server';
import { NOT_BUILT } from '../../../cli/serve/static';
import { tempCase, tempDir } from '../../helpers';
import { hostileRequests } from './hostile';
import { send } from './http';

let srv: RunningServer;
let root: string;
/** "ct_page_PORT=KEY", as the browser gets it from GET /?launch=… */
let pageCookie: string;
const H = () => ({ host: `127.0.0.1:${srv.port}` });
const api = (method: string, body: string, extra: Record<string, string> = {}) =>
  send(srv.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { ...H(), 'content-type': 'application/json', 'x-claimtrail-token': srv.token, ...extra },
    body,
  });

beforeAll(async () => {
  const c = tempCase({ sample: true });
  c.close();
  const dir = tempDir();
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>ClaimTrail</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  writeFileSync(join(root, '.env'), 'SECRET');
  srv = await startServer({ casePath: c.path, staticDir: root });
  const r = await send(srv.port, { path: new URL(srv.url).pathname + new URL(srv.url).search, headers: H() });
  pageCookie = String(r.headers['set-cookie']).split(';')[0]!;
});
afterAll(() => srv?.close());

describe('web-mode server', () => {
  it('says plainly when the port is taken, and leaves the running server alone', async () => {
    const c = tempCase();
    c.close();
    await expect(startServer({ casePath: c.path, staticDir: root, port: srv.port })).rejects.toThrow(
      new RegExp(`Port ${srv.port} on 127\\.0\\.0\\.1 is already in use.*--port N`),
    );
    const r = await api('case.info', '{}', { cookie: pageCookie });
    expect(r.status).toBe(200);
  });

  it('gives loopback addresses with a fresh one-time launch code each, and a 32-byte token that is in none', () => {
    const [a, b] = [srv.url, srv.url];
    expect(a).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${srv.port}/\\?launch=[0-9a-f]{64}$`));
    expect(a).not.toBe(b);
    expect(srv.token).toMatch(/^[0-9a-f]{64}$/);
    expect(a + b).not.toContain(srv.token);
  });

  it('GET /?launch= sets the per-port page cookie (not the token) and serves the page with the security headers', async () => {
    const u = new URL(srv.url);
    const r = await send(srv.port, { path: `/${u.search}`, headers: H() });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>ClaimTrail</title>');
    expect(r.headers['set-cookie']).toEqual([expect.stringMatching(new RegExp(`^ct_page_${srv.port}=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=/$`))]);
    expect(String(r.headers['set-cookie'])).not.toContain(srv.token);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toBe(WEB_CSP);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with the cookie, with their content types, and never outside the folder', async () => {
    const cookie = pageCookie;
    const js = await send(srv.port, { path: '/assets/app.js', headers: { ...H(), cookie } });
    expect([js.status, js.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    const css = await send(srv.port, { path: '/assets/app.css', headers: { ...H(), cookie } });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/.env', '/assets/%00.js', '/%E0%A4%A.js', '/assets/nope.js']) {
      const r = await send(srv.port, { path, headers: { ...H(), cookie } });
      expect(r.body, path).not.toContain('SECRET');
      expect([403, 404], path).toContain(r.status);
    }
  });

  it('answers contract calls with ApiResult', async () => {
    const info = JSON.parse((await api('case.info', '{}')).body);
    expect(info.ok).toBe(true);
    expect(info.value.counts.claims).toBeGreaterThan(0);
    const created = JSON.parse((await api('claims.create', JSON.stringify({ text: 'Web mode writes through the worker' }))).body);
    expect(created).toMatchObject({ ok: true, value: { text: 'Web mode writes through the worker' } });
    const again = JSON.parse((await api('case.info', '')).body);
    expect(again.value.counts.claims).toBe(info.value.counts.claims + 1);
    expect(JSON.parse((await api('no.such', '{}')).body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(JSON.parse((await api('claims.create', '{"text":5}')).body)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('refuses bad JSON (400), wrong content type (415), oversize bodies (413), cookie-only POSTs (403)', async () => {
    const bad = await api('case.info', '{nope');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((await api('case.info', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    const big = await api('claims.create', JSON.stringify({ text: 'x'.repeat(16 * 1024 * 1024 + 10) }));
    expect(big.status).toBe(413);
    const csrf = await send(srv.port, {
      method: 'POST',
      path: '/api/claims.create',
      headers: { ...H(), 'content-type': 'application/json', cookie: pageCookie },
      body: '{"text":"forged"}',
    });
    expect([csrf.status, csrf.body]).toEqual([403, FORBIDDEN_TEXT]);
    expect((await send(srv.port, { path: '/api/case.info', headers: { ...H(), 'x-claimtrail-token': srv.token } })).status).toBe(405);
  });

  it('takes a document above 16 MB for captures.attach only (the capture limit is 64 MB)', async () => {
    const source = JSON.parse((await api('sources.create', JSON.stringify({ title: 'A large scan' }))).body).value;
    const png = Buffer.alloc(20 * 1024 * 1024, 7);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
    const r = await api('captures.attach', JSON.stringify({ sourceId: source.id, fileName: 'scan.png', bytes: png.toString('base64') }));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { capture: { byteSize: png.length, mediaType: 'image/png' } } });
    // Every other call keeps the 16 MB bound.
    expect((await api('sources.create', JSON.stringify({ title: 'x', notes: 'y'.repeat(17 * 1024 * 1024) }))).status).toBe(413);
  });

  it('refuses 100% of hostile requests with one identical 403', async () => {
    const cases = hostileRequests(srv.port, srv.token, pageCookie.split('=')[1]!);
    const replies = [];
    for (const c of cases) {
      const r = await send(srv.port, { method: c.method, path: c.url, headers: c.headers as Record<string, string> });
      replies.push({ c, status: r.status, body: r.body });
    }
    const admitted = replies.filter((r) => r.status !== 403 || r.body !== FORBIDDEN_TEXT);
    expect(admitted).toEqual([]);
    expect(replies.length).toBeGreaterThan(300);
  });

  it('streams progress as Server-Sent Events with the cookie and accepts cancel', async () => {
    const sse = await new Promise<{ status: number; type: string | undefined; first: string }>((resolve, reject) => {
      void import('node:http').then(({ request }) => {
        const req = request(
          { host: '127.0.0.1', port: srv.port, path: '/api/progress', headers: { ...H(), cookie: pageCookie }, setHost: false, agent: false },
          (res) => {
            res.once('data', (c: Buffer) => {
              resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], first: c.toString() });
              req.destroy();
            });
          },
        );
        req.on('error', reject);
        req.end();
      });
    });
    expect(sse).toMatchObject({ status: 200, type: 'text/event-stream; charset=utf-8' });
    expect(sse.first.startsWith(':')).toBe(true);
    const cancel = await api('cancel', '{}');
    expect(JSON.parse(cancel.body)).toEqual({ ok: true, value: null });
  });
});

describe('web-mode secrets (issue 12.1: the token leaked through a cookie to every server on 127.0.0.1)', () => {
  it('trades a launch code for the token once; the page cookie alone can call nothing', async () => {
    const address = srv.url;
    const code = new URL(address).searchParams.get('launch')!;
    const trade = () => send(srv.port, { method: 'POST', path: '/api/session', headers: { ...H(), 'x-claimtrail-launch': code } });
    const first = await trade();
    expect([first.status, JSON.parse(first.body)]).toEqual([200, { ok: true, value: { token: srv.token } }]);
    const again = await trade();
    expect([again.status, again.body]).toEqual([403, FORBIDDEN_TEXT]);
    // A spent address (as the browser's history keeps it) opens nothing any more.
    expect((await send(srv.port, { path: `/?launch=${code}`, headers: H() })).status).toBe(403);
    // What another local server can see (the page cookie) unlocks static files and progress, never the API.
    const key = pageCookie.split('=')[1]!;
    for (const [method, path] of [['POST', '/api/case.info'], ['POST', '/api/claims.create'], ['POST', '/api/cancel'], ['POST', '/api/session'], ['GET', '/api/case.info']] as const) {
      const tries: Record<string, string>[] = [{ cookie: pageCookie }, { 'x-claimtrail-token': key }, { 'x-claimtrail-launch': key }, { cookie: `ct_token=${key}` }];
      for (const headers of tries) {
        const r = await send(srv.port, { method, path, headers: { ...H(), 'content-type': 'application/json', ...headers }, body: method === 'POST' ? '{"text":"forged"}' : undefined });
        expect([r.status, r.body], `${method} ${path} ${JSON.stringify(headers)}`).toEqual([403, FORBIDDEN_TEXT]);
      }
    }
    expect((await send(srv.port, { path: '/assets/app.js', headers: { ...H(), cookie: pageCookie } })).status).toBe(200);
  });

  it('a launch code no tab used is forgotten after 16 newer ones', async () => {
    const old = new URL(srv.url).searchParams.get('launch')!;
    for (let i = 0; i < 16; i++) void srv.url;
    const r = await send(srv.port, { method: 'POST', path: '/api/session', headers: { ...H(), 'x-claimtrail-launch': old } });
    expect(r.status).toBe(403);
  });
});

describe('web-mode server: deeply nested JSON (issue 12.5)', () => {
  it('refuses a 4,000-level nested body with a clear 400, and the next call works', async () => {
    for (const depth of [4_000, 100_000]) {
      const body = `{"text":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
      const r = await api('claims.create', body);
      expect(r.status, `depth ${depth}`).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/nested more than 64 levels|not valid JSON/) } });
      expect(JSON.parse((await api('case.info', '{}')).body)).toMatchObject({ ok: true });
    }
  });
});

describe('web-mode server without a built renderer', () => {
  it('says how to build it, and the API still works', async () => {
    const c = tempCase({ sample: true });
    c.close();
    const s = await startServer({ casePath: c.path, staticDir: join(tempDir(), 'missing') });
    try {
      const page = await send(s.port, { path: `/${new URL(s.url).search}`, headers: { host: `localhost:${s.port}` } });
      expect([page.status, page.body]).toEqual([503, NOT_BUILT]);
      expect(NOT_BUILT).toContain('npm run build:renderer');
      const r = await send(s.port, {
        method: 'POST',
        path: '/api/case.info',
        headers: { host: `localhost:${s.port}`, 'content-type': 'application/json', 'x-claimtrail-token': s.token },
        body: '{}',
      });
      expect(JSON.parse(r.body).ok).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('refuses to start on a file that is not a case, naming it', async () => {
    const bad = join(tempDir(), 'not-a-case.claimtrail');
    writeFileSync(bad, 'hello '.repeat(50));
    await expect(startServer({ casePath: bad })).rejects.toThrow(/not-a-case\.claimtrail is not a ClaimTrail case/);
  });
});
