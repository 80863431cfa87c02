/**
 * Issue 12.1 in real Chromium: the API token was the `ct_token` cookie, and cookies are scoped by
 * host, not port, so every other server on 127.0.0.1 the analyst visited received it and could call
 * the API. Now a second local server receives only the page cookie, which calls nothing; the token
 * is in no cookie and no address; and the address the browser's history keeps is spent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORBIDDEN_TEXT } from '../../cli/serve/guard';
import { CHROMIUM_PATH } from '../../cli/briefing/pdf';
import { send } from '../cli/serve/http';
import { buildRendererOnce, CHROMIUM_ARGS, serveCase, type Served } from './harness';

let served: Served;
let other: Server;
let otherPort: number;
let profile: string;
let context: BrowserContext;
/** Every Cookie header and request line the other local server received. */
const seen: string[] = [];

beforeAll(async () => {
  await buildRendererOnce();
  served = await serveCase({ sample: true });
  other = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} cookie=${req.headers.cookie ?? ''}`);
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>Another local server</title><img src="/pixel.png">');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherPort = (other.address() as AddressInfo).port;
  profile = mkdtempSync(join(tmpdir(), 'claimtrail-profile-'));
  // A persistent profile, so that the browser's own history database can be read afterwards.
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await served?.close();
  other?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('web mode keeps its API token away from other local servers and from history', () => {
  it('the app works, yet another 127.0.0.1 server gets no usable secret, and the kept address is spent', async () => {
    const address = served.server.url;
    const page = await context.newPage();
    await page.goto(address);
    await expect.poll(() => page.getByRole('listbox', { name: 'Claims' }).getByRole('option').count()).toBeGreaterThan(5);
    expect(page.url()).not.toContain('launch=');
    // A reload keeps working (token in this tab's session storage, page cookie for the files).
    await page.reload();
    await expect.poll(() => page.getByRole('listbox', { name: 'Claims' }).getByRole('option').count()).toBeGreaterThan(5);

    // The analyst visits another local server in the same browser.
    await page.goto(`http://127.0.0.1:${otherPort}/`);
    await expect.poll(() => seen.length).toBeGreaterThan(1);
    const cookies = await context.cookies(`http://127.0.0.1:${otherPort}/`);
    expect(cookies.map((c) => c.name)).toEqual([`ct_page_${served.server.port}`]);
    expect(seen.join('\n')).not.toContain(served.server.token);

    // Whatever it received, replayed to our server in every place a secret can go, calls nothing.
    const received = [...new Set(seen.flatMap((l) => [...l.matchAll(/([\w-]+)=([0-9a-f]{16,})/g)].map((m) => m[2]!)))];
    expect(received.length).toBeGreaterThan(0);
    const host = `127.0.0.1:${served.server.port}`;
    for (const value of received) {
      const tries: Record<string, string>[] = [{ cookie: `ct_page_${served.server.port}=${value}` }, { 'x-claimtrail-token': value }, { 'x-claimtrail-launch': value }, { cookie: `ct_token=${value}` }];
      for (const headers of tries) {
        for (const path of ['/api/case.info', '/api/settings.update', '/api/session']) {
          const r = await send(served.server.port, { method: 'POST', path, headers: { host, 'content-type': 'application/json', ...headers }, body: '{}' });
          expect([r.status, r.body], `${path} ${JSON.stringify(headers)}`).toEqual([403, FORBIDDEN_TEXT]);
        }
      }
    }
    await page.close();

    // The browser's global history keeps the printed address (replaceState cannot remove it there),
    // but its launch code was spent by the page: opening it again is refused, and the token is in
    // no history entry at all.
    await context.close();
    const history = new Database(join(profile, 'Default', 'History'), { readonly: true });
    const urls = (history.prepare('SELECT url FROM urls').all() as { url: string }[]).map((r) => r.url);
    history.close();
    expect(urls.join('\n')).not.toContain(served.server.token);
    expect(urls).toContain(address);
    const kept = new URL(address);
    const r = await send(served.server.port, { path: `/${kept.search}`, headers: { host } });
    expect([r.status, r.body]).toEqual([403, FORBIDDEN_TEXT]);
  });
});
