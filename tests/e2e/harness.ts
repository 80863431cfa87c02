/**
 * Real-browser test harness: builds the renderer once per test run (programmatic Vite build),
 * serves a real case through `claimtrail serve`'s startServer, and drives Debian's Chromium
 * through playwright-core. Never downloads a browser.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutput } from '../../core/api';
import { TOKEN_HEADER } from '../../core/transport';
import { build } from 'vite';
import { launchChromium } from '../../cli/briefing/pdf';
import { startServer, type RunningServer } from '../../cli/serve/server';
import { tempCase, tempDir, type TestCase } from '../helpers';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const STATIC_DIR = `${ROOT}dist/renderer`;
export const ARTIFACTS = `${ROOT}test-artifacts`;
const LOCK = `${ROOT}dist/.renderer-build.lock`;
const STAMP = `${ROOT}dist/.renderer-build.stamp`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One build per vitest run: the forks share a parent pid, written to a stamp after the build. */
export async function buildRendererOnce(): Promise<void> {
  const runId = String(process.ppid);
  mkdirSync(`${ROOT}dist`, { recursive: true });
  for (;;) {
    if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === runId && existsSync(`${STATIC_DIR}/index.html`)) return;
    try {
      mkdirSync(LOCK);
    } catch {
      await sleep(200);
      continue;
    }
    try {
      if (!(existsSync(STAMP) && readFileSync(STAMP, 'utf8') === runId)) {
        await build({ configFile: `${ROOT}vite.config.ts`, logLevel: 'warn' });
        writeFileSync(STAMP, runId);
      }
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

/** The same Debian Chromium and flags as the CLI's PDF export (never a downloaded browser). */
export { CHROMIUM_ARGS } from '../../cli/briefing/pdf';
export { launchChromium };

export interface Served {
  tc: TestCase;
  server: RunningServer;
  close(): Promise<void>;
}

/** A fresh temp case (optionally prepared in-process first), served over HTTP. */
export async function serveCase(opts: { sample?: boolean; prepare?(tc: TestCase): void } = {}): Promise<Served> {
  const tc = tempCase({ sample: opts.sample, actor: 'e2e' });
  opts.prepare?.(tc);
  tc.close();
  // Signed like `claimtrail serve` does, with a key of this test's own.
  const server = await startServer({ casePath: tc.path, staticDir: STATIC_DIR, actor: 'e2e', signingDir: tempDir() });
  return { tc, server, close: async () => void (await server.close()) };
}

/** The same HTTP API the page uses, to check what the clicks stored (throws the error's message on a refusal). */
export async function apiCall<M extends ApiMethod>(served: Served, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const res = await fetch(`http://127.0.0.1:${served.server.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: served.server.token },
    body: JSON.stringify(input),
  });
  const r = (await res.json()) as { ok: boolean; value: ApiOutput<M>; error?: { message: string } };
  if (!r.ok) throw new Error(r.error?.message);
  return r.value;
}

export interface PageWatch {
  page: Page;
  dialogs: string[];
  errors: string[];
}

/** Opens the app, recording every JS dialog (dismissed) and every page error. */
export async function openApp(browser: Browser, url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<PageWatch> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  const watch: PageWatch = { page, dialogs: [], errors: [] };
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) watch.errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text());
  });
  await page.goto(url);
  return watch;
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return `${ARTIFACTS}/${name}`;
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Browser-side code is passed as text: the node build of the tests has no DOM types.
  const loaded = await page.evaluate<boolean>("'axe' in window");
  // The app's CSP refuses injected <script> tags (addScriptTag), as it should; DevTools evaluation is not subject to it.
  if (!loaded) await page.evaluate(readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8'));
  const result = await page.evaluate<{ id: string; impact: string; nodes: string[] }[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })))`,
  );
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Fails with axe-core's serious and critical violations, saving a screenshot named `name` when there are any. */
export async function expectAxeClean(page: Page, name: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length) await page.screenshot({ path: artifactPath(`${name}.png`), fullPage: true });
  expect(violations).toEqual([]);
}

export interface AppSession {
  served: Served;
  browser: Browser;
  watch: PageWatch;
  close(): Promise<void>;
}

/** Build once, serve a fresh case, launch Chromium and open the app: the usual beforeAll. */
export async function startApp(opts: Parameters<typeof serveCase>[0] = {}): Promise<AppSession> {
  await buildRendererOnce();
  const served = await serveCase(opts);
  const browser = await launchChromium();
  const watch = await openApp(browser, served.server.url);
  return {
    served,
    browser,
    watch,
    close: async () => {
      await browser.close();
      await served.close();
    },
  };
}

/** One app session for a test file: started before its tests, closed after; read the getters inside tests. */
export function useApp(opts: Parameters<typeof serveCase>[0] = {}): { readonly session: AppSession; readonly watch: PageWatch; readonly page: Page } {
  let session: AppSession | undefined;
  beforeAll(async () => {
    session = await startApp(opts);
  });
  afterAll(() => session?.close());
  const live = (): AppSession => {
    if (!session) throw new Error('the app session has not started');
    return session;
  };
  return {
    get session() {
      return live();
    },
    get watch() {
      return live().watch;
    },
    get page() {
      return live().watch.page;
    },
  };
}
