/**
 * Web mode as a way to work (issue 20.5) in real Chromium: two servers side by side in one browser
 * context (each its own page cookie), the case switcher (rename, recent cases, new case, open by
 * path), a PDF briefing printed by the server's Chromium and read back with pdftotext, a restart on
 * the same port that the open tab survives, and the analyst's name carried into a new case.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../cli/serve/server';
import { rememberCase } from '../../db/user-data';
import { tempCase, tempDir } from '../helpers';
import { axeViolations, buildRendererOnce, launchChromium, STATIC_DIR } from './harness';

let browser: Browser;
let context: BrowserContext;
let home: string;
let a: RunningServer;
let b: RunningServer;
let casesDir: string;
let firstCase: string;
const errors: string[] = [];
/** A switch reloads the page into the other case (its worker starts, the app loads): more than expect.poll's default second. */
const reload = { timeout: 15_000 };

function sampleCase(name: string): string {
  const c = tempCase({ sample: true, name });
  c.close();
  return c.path;
}

const serve = (casePath: string, port?: number) => startServer({ casePath, port, staticDir: STATIC_DIR, userDir: home, signingDir: home });

beforeAll(async () => {
  await buildRendererOnce();
  home = tempDir();
  casesDir = tempDir();
  firstCase = sampleCase('deepseek.claimtrail');
  const second = sampleCase('second.claimtrail');
  rememberCase(second, home);
  a = await serve(firstCase);
  rememberCase(firstCase, home);
  b = await startServer({ casePath: second, staticDir: STATIC_DIR, signingDir: home });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await a?.close();
  await b?.close();
});

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url);
  return page;
}

const claims = (page: Page) => page.getByRole('listbox', { name: 'Claims' }).getByRole('option');
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const caseTitle = (page: Page) => sidebar(page).locator('.case-title').innerText();
/** The open case's file, as the sidebar's case title carries it (its tooltip). */
const caseFile = async (page: Page) => (await sidebar(page).locator('.case-title').getAttribute('title'))?.split('/').pop();
const openSwitcher = async (page: Page) => {
  await sidebar(page).getByRole('button', { name: 'Switch or rename case…' }).click();
  return page.getByRole('dialog', { name: 'Cases' });
};

describe('web mode, a day of cases', () => {
  it('two servers on one machine in one browser context keep working side by side, each with its own cookie', async () => {
    const pa = await open(a.url);
    const pb = await open(b.url);
    await expect.poll(() => claims(pa).count()).toBeGreaterThan(5);
    await expect.poll(() => claims(pb).count()).toBeGreaterThan(5);
    // Reloading each (page cookie for the files, token in the tab's session storage) still works.
    await pa.reload();
    await pb.reload();
    await expect.poll(() => claims(pa).count()).toBeGreaterThan(5);
    await expect.poll(() => claims(pb).count()).toBeGreaterThan(5);
    const names = (await context.cookies('http://127.0.0.1/')).map((c) => c.name).sort();
    expect(names).toEqual([`ct_page_${a.port}`, `ct_page_${b.port}`].sort());
    await pb.close();
  });

  it('renames the case, opens a recent one, makes a new one and opens one by path, all from the sidebar', async () => {
    const page = context.pages()[0]!;
    let dialog = await openSwitcher(page);
    await dialog.getByLabel('Display name of this case').fill('DeepSeek, January');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => caseTitle(page)).toBe('DeepSeek, January');
    // A display name is only ever text.
    dialog = await openSwitcher(page);
    await dialog.getByLabel('Display name of this case').fill('<img src=x onerror="window.__pwned=1">');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => caseTitle(page)).toBe('<img src=x onerror="window.__pwned=1">');
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await sidebar(page).locator('img').count()).toBe(0);
    dialog = await openSwitcher(page);
    await dialog.getByLabel('Display name of this case').fill('DeepSeek, January');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => caseTitle(page)).toBe('DeepSeek, January');

    dialog = await openSwitcher(page);
    const recent = dialog.getByRole('list', { name: 'Recent cases' });
    await expect.poll(() => recent.getByRole('button').allInnerTexts()).toEqual(['deepseek (open now)', 'second']);
    expect(await axeViolations(page)).toEqual([]);
    await recent.getByRole('button', { name: 'second' }).click();
    await expect.poll(() => caseFile(page), reload).toBe('second.claimtrail');
    await expect.poll(() => claims(page).count()).toBeGreaterThan(5);

    dialog = await openSwitcher(page);
    const newCase = dialog.getByRole('form', { name: 'New case' });
    await expect.poll(() => newCase.getByLabel('New case file').inputValue()).toMatch(/\/$/);
    await newCase.getByLabel('New case file').fill(join(casesDir, 'port-strike'));
    await newCase.getByLabel('Display name (optional)').fill('Port strike');
    await newCase.getByRole('button', { name: 'Create and open' }).click();
    await expect.poll(() => caseTitle(page), reload).toBe('Port strike');
    await expect.poll(() => claims(page).count()).toBe(0);

    // A path that is no case: said at once, the open case stays.
    dialog = await openSwitcher(page);
    const byPath = dialog.getByRole('form', { name: 'Open a case by path' });
    await byPath.getByLabel('Open a case file by path').fill(join(casesDir, 'nothing-here.claimtrail'));
    await byPath.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toMatch(/path: no file at .*nothing-here\.claimtrail/);
    expect(await caseTitle(page)).toBe('Port strike');
    await dialog.getByRole('button', { name: 'Close dialog' }).click();

    // The first case again, by its path: it kept its new name.
    dialog = await openSwitcher(page);
    await dialog.getByLabel('Open a case file by path').fill(firstCase);
    await dialog.getByRole('form', { name: 'Open a case by path' }).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => caseTitle(page), reload).toBe('DeepSeek, January');
    expect(errors).toEqual([]);
  });

  it('a second tab that still shows the previous case is told to reload instead of writing into this one', async () => {
    const page = context.pages()[0]!;
    const other = await open(a.url);
    await expect.poll(() => caseTitle(other)).toBe('DeepSeek, January');
    const dialog = await openSwitcher(page);
    await dialog.getByRole('list', { name: 'Recent cases' }).getByRole('button', { name: 'second' }).click();
    await expect.poll(() => caseFile(page), reload).toBe('second.claimtrail');
    // The other tab renames "its" case: refused, and nothing changed in the case now open.
    const d2 = await openSwitcher(other);
    await d2.getByLabel('Display name of this case').fill('Written into the wrong case');
    await d2.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => d2.getByRole('alert').innerText()).toMatch(/another tab switched this server to .*second\.claimtrail.*Reload the page/);
    const now = await a.host.call('case.info', {});
    expect(now.ok && (now.value as { title: string }).title).toMatch(/^DeepSeek: cost/);
    expect(a.host.casePath).toMatch(/second\.claimtrail$/);
    await other.close();
  });

  it('exports a saved briefing as PDF printed by the server, read back with pdftotext', { timeout: 120_000 }, async () => {
    const page = context.pages()[0]!;
    await sidebar(page).getByRole('button', { name: 'Briefings' }).click();
    await page.getByLabel('Tag', { exact: true }).selectOption('chips');
    await page.getByLabel('Briefing title').fill('Chips: what DeepSeek trained on');
    await page.getByRole('button', { name: 'Save version' }).click();
    const pdf = page.getByRole('button', { name: 'Export PDF' });
    await expect.poll(() => pdf.isDisabled()).toBe(false);
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), pdf.click()]);
    expect(dl.suggestedFilename()).toMatch(/\.pdf$/);
    const file = join(tempDir(), 'briefing.pdf');
    await dl.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Chips: what DeepSeek trained on');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(errors).toEqual([]);
  });

  it("the open tab survives a restart on the same port, and the analyst's name follows into a new case", async () => {
    const page = context.pages()[0]!;
    await sidebar(page).getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Analyst name').fill('R. Analyst');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
    const port = a.port;
    const casePath = a.host.casePath;
    await a.close();
    a = await serve(casePath, port);
    // No new address: the same tab reloads and carries on.
    await page.reload();
    await sidebar(page).getByRole('button', { name: 'Claims', exact: true }).click();
    await expect.poll(() => claims(page).count()).toBeGreaterThan(5);

    const dialog = await openSwitcher(page);
    await dialog.getByLabel('New case file').fill(join(casesDir, 'named'));
    await dialog.getByRole('button', { name: 'Create and open' }).click();
    await expect.poll(() => caseFile(page), reload).toBe('named.claimtrail');
    await sidebar(page).getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => page.getByLabel('Analyst name').inputValue()).toBe('R. Analyst');
    expect(errors).toEqual([]);
  });
});

