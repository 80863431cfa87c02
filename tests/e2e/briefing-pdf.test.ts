/**
 * "Export PDF" in the briefing builder, in a real Chromium. In web mode the server's Chromium prints it
 * (the download itself: tests/e2e/web-cases.test.ts). The desktop case runs with a stand-in for Electron's preload bridge — the
 * one mock allowed, as the Electron binary cannot run here — that forwards contract calls to the real
 * web-mode server and records the id the renderer asks main to print. Printing itself (printToPDF
 * in a hidden window) needs Electron; its policy is tested in tests/electron/pdf-policy.test.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingVersion } from '../../core/contract/briefings';
import { buildRendererOnce, launchChromium, serveCase, type Served } from './harness';

let served: Served;
let browser: Browser;

beforeAll(async () => {
  await buildRendererOnce();
  served = await serveCase({ sample: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Browser-side text: the node build of the tests has no DOM types. */
const standInBridge = (token: string) => `
  const post = (method, input) => fetch('/api/' + encodeURIComponent(method), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-claimtrail-token': ${JSON.stringify(token)} },
    body: JSON.stringify(input === undefined ? {} : input),
  }).then((r) => r.json());
  window.__pdfCalls = [];
  window.__pdfFail = false;
  window.claimtrail = {
    invoke: post,
    onProgress: () => () => {},
    cancel: async () => {},
    briefingPdf: async (id) => {
      window.__pdfCalls.push(id);
      const r = await post('briefings.render', { id, format: 'html' });
      if (!r.ok) return r;
      if (window.__pdfFail) return { ok: false, error: { code: 'internal', message: 'Printing the briefing to PDF failed: stand-in' } };
      return { ok: true, value: { file: '/tmp/' + r.value.fileName.replace(/\\.html$/, '.pdf') } };
    },
  };`;

async function open(desktop: boolean): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (desktop) await context.addInitScript(standInBridge(served.server.token));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(served.server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Briefings' }).click();
  await page.getByLabel('Tag', { exact: true }).selectOption('chips');
  return { page, errors };
}

describe('Briefing PDF', () => {
  it('web mode offers Export PDF too, and says why it waits for a saved version', async () => {
    const { page, errors } = await open(false);
    const pdf = page.getByRole('button', { name: 'Export PDF' });
    await expect.poll(() => pdf.count()).toBe(1);
    await expect.poll(() => pdf.isDisabled()).toBe(true);
    await expect.poll(() => pdf.getAttribute('aria-describedby').then((id) => page.locator(`#${id}`).innerText())).toMatch(/prints a saved version .*save a version or open one/);
    await page.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => pdf.isDisabled()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('in the app it is enabled once a version is saved, asks main to print that version, and shows a failure', async () => {
    const { page, errors } = await open(true);
    const pdf = page.getByRole('button', { name: 'Export PDF' });
    await expect.poll(() => pdf.count()).toBe(1);
    await expect.poll(() => pdf.isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Saved versions' }).getByRole('listitem').count()).toBeGreaterThan(0);
    await expect.poll(() => pdf.isDisabled()).toBe(false);
    await pdf.click();
    await expect.poll(() => page.evaluate<string[]>('window.__pdfCalls')).toHaveLength(1);
    const list = await served.server.host.call('briefings.list', { selection: { tag: 'chips' } });
    const newest = (list as { value: BriefingVersion[] }).value.sort((a, b) => b.version - a.version)[0]!;
    expect(await page.evaluate<string[]>('window.__pdfCalls')).toEqual([newest.id]);

    await page.evaluate('window.__pdfFail = true');
    await pdf.click();
    await expect.poll(() => page.getByText(/Printing the briefing to PDF failed: stand-in/).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
