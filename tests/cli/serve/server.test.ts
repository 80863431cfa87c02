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
});
afterAll(() => srv?.close());

describe('web-mode server', () => {
  it('prints a loopback URL with a fresh 32-byte token', () => {
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/?token=${srv.token}`);
    expect(srv.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('GET /?token= sets the strict cookie and serves the page with the security headers', async () => {
    const r = await send(srv.port, { path: `/?token=${srv.token}`, headers: H() });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>ClaimTrail</title>');
    expect(r.headers['set-cookie']).toEqual([`ct_token=${srv.token}; HttpOnly; SameSite=Strict; Path=/`]);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toBe(WEB_CSP);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with the cookie, with their content types, and never outside the folder', async () => {
    const cookie = `ct_token=${srv.token}`;
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
      headers: { ...H(), 'content-type': 'application/json', cookie: `ct_token=${srv.token}` },
      body: '{"text":"forged"}',
    });
    expect([csrf.status, csrf.body]).toEqual([403, FORBIDDEN_TEXT]);
    expect((await send(srv.port, { path: '/api/case.info', headers: { ...H(), 'x-claimtrail-token': srv.token } })).status).toBe(405);
  });

  it('refuses 100% of hostile requests with one identical 403', async () => {
    const cases = hostileRequests(srv.port, srv.token);
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
          { host: '127.0.0.1', port: srv.port, path: '/api/progress', headers: { ...H(), cookie: `ct_token=${srv.token}` }, setHost: false, agent: false },
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

describe('web-mode server without a built renderer', () => {
  it('says how to build it, and the API still works', async () => {
    const c = tempCase({ sample: true });
    c.close();
    const s = await startServer({ casePath: c.path, staticDir: join(tempDir(), 'missing') });
    try {
      const page = await send(s.port, { path: `/?token=${s.token}`, headers: { host: `localhost:${s.port}` } });
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
