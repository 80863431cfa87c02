/**
 * The analyst's day through the desktop code path: the bundled main process on the Electron stand-in,
 * its windows shown by real Chromium (stand-in/chromium.ts), the renderer served by the shell's own
 * app:// handler (CSP header included), the bundled preload's bridge carrying every contract call
 * over the stand-in's IPC to main's handlers and the database worker. Open a case from the File
 * menu, add a claim with graded evidence, search, save a briefing and print it to PDF through main
 * (the hidden printing window, printToPDF, the save dialog), export JSON, and a link that must leave
 * the app for the system browser.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfWindowOptions } from '../../electron/main/pdf-policy';
import { APP_ENTRY, CSP } from '../../electron/main/policy';
import { launchChromium } from '../e2e/harness';
import { addGradedEvidence } from '../e2e/steps';
import { tempCase, tempDir } from '../helpers';
import { ChromiumDriver } from './stand-in/chromium';
import { launch, useDesktops, type Desktop } from './stand-in/desktop';
import { navButton } from '../e2e/nav';

const LIAR = join(__dirname, '../../../shared/data/liar/train.tsv');
const CLAIM = 'Zyxwvut Labs trained its flagship model on 4,096 smuggled accelerators';
const LONG = 180_000;
/** One step's limit (an action or a poll): a third of a test's. */
const STEP = 60_000;
const desktops = useDesktops();
let browser: Browser;
let driver: ChromiumDriver;
let d: Desktop;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  driver = new ChromiumDriver(browser);
  d = await launch(desktops.built, { home: desktops.home(), driver });
  page = driver.page(d.win.contents);
  // A step that cannot act fails naming itself, well before the test's own time limit.
  page.setDefaultTimeout(STEP);
});
afterAll(async () => {
  await d?.quit();
  await browser?.close();
});

const nav = (name: string) => navButton(page, name);
const claimList = () => page.getByRole('listbox', { name: 'Claims' });

describe("the analyst's day in the desktop app (stand-in Electron, real Chromium)", () => {
  it('shows the default case from app:// with the CSP header, the preload’s bridge and no web-mode traffic', async () => {
    await expect.poll(() => claimList().getByRole('option').count(), { timeout: LONG }).toBeGreaterThan(5);
    expect(driver.documents[0]).toMatchObject({ url: APP_ENTRY, status: 200, headers: { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' } });
    expect(d.win.contents.mainFrame.url).toBe(APP_ENTRY);
    expect(await page.evaluate<string[]>('Object.keys(window.claimtrail).sort()')).toEqual(['briefingPdf', 'cancel', 'invoke', 'onProgress']);
    expect(d.si.rec.of('IpcRenderer.invoke').length).toBeGreaterThan(0); // the renderer's calls went through the preload
    expect(d.si.blocked).toEqual([]);
  }, LONG);

  it('opens a case from File > Open Case…: main switches the worker, the window reloads and shows it', async () => {
    const c = tempCase({ sample: true, name: 'desk.claimtrail' });
    c.close();
    d.si.clickMenu('File', 'Open Case…');
    (await d.si.nextDialog()).answer(c.path);
    await d.showing('desk.claimtrail');
    await expect.poll(() => d.win.contents.loads.at(-1)).toBe(`reload ${APP_ENTRY}`);
    await expect.poll(() => claimList().getByRole('option').count(), { timeout: LONG }).toBeGreaterThan(5);
    const info = await page.evaluate<{ ok: boolean; value: { path: string } }>("window.claimtrail.invoke('case.info', {})");
    expect(info.value.path).toBe(c.path);
  }, LONG);

  it('adds a claim with a graded source and quote; the probability moves', async () => {
    await page.getByRole('button', { name: 'New claim' }).click();
    const dialog = page.getByRole('dialog', { name: 'New claim' });
    await dialog.getByLabel('Claim text').fill(CLAIM);
    await dialog.getByLabel('Claimant').fill('Anonymous trade blog');
    await dialog.getByLabel('Tags').fill('chips, smuggling');
    await dialog.getByRole('button', { name: 'Create claim' }).click();
    await expect.poll(() => page.locator('#claim-title').innerText(), { timeout: LONG }).toBe(CLAIM);
    await addGradedEvidence(page);
    await expect.poll(() => page.getByTestId('probability-value').innerText(), { timeout: LONG }).toBe('71%');
    await expect.poll(() => page.getByRole('region', { name: /Evidence \(1\)/ }).getByText('B2').count()).toBe(1);
  }, LONG);

  it('finds it with full-text search', async () => {
    await nav('Search').click();
    await page.getByLabel('Search the case').fill('zyxwvut');
    const claims = page.getByRole('region', { name: 'Claims results' });
    await expect.poll(() => claims.getByRole('button', { name: CLAIM }).count(), { timeout: LONG }).toBe(1);
  }, LONG);

  it('saves a briefing and prints it to PDF through main: a hidden, script-less window, printToPDF, the save dialog', async () => {
    await nav('Briefings').click();
    await page.getByLabel('Tag', { exact: true }).selectOption('chips');
    await page.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Saved versions' }).getByRole('listitem').count(), { timeout: LONG }).toBeGreaterThan(0);
    const pdf = page.getByRole('button', { name: 'Export PDF' });
    await expect.poll(() => pdf.isDisabled()).toBe(false);
    await pdf.click();
    const save = await d.si.nextDialog();
    expect(save.kind).toBe('save');
    expect(save.window).toBe(d.win);
    expect(save.options).toMatchObject({ title: 'Save briefing as PDF', defaultPath: expect.stringMatching(/^[\w.-]+\.pdf$/) });
    // The printing window was made with the PDF policy's options and is gone again.
    const made = d.si.rec.of('new BrowserWindow').map((c) => c.args[0]);
    expect(made).toHaveLength(2);
    expect(made[1]).toEqual(pdfWindowOptions());
    expect(d.si.windows).toHaveLength(1);
    const target = join(tempDir(), 'briefing'); // .pdf is added
    save.answer(target);
    await expect.poll(() => {
      try {
        return readFileSync(`${target}.pdf`).subarray(0, 5).toString();
      } catch {
        return '';
      }
    }, { timeout: LONG }).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', `${target}.pdf`, '-'], { encoding: 'utf8' });
    expect(text).toContain('Zyxwvut Labs');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(driver.documents.some((doc) => doc.url.startsWith('claimtrail-briefing://document/') && doc.headers['content-security-policy'] !== undefined)).toBe(true);
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  }, LONG);

  it('exports the case as JSON from the Import / Export view', async () => {
    await nav('Import / Export').click();
    await page.getByLabel('Export format').selectOption('json');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), page.getByRole('button', { name: 'Export and download' }).click()]);
    const exported = JSON.parse(readFileSync((await dl.path())!, 'utf8')) as { claims: { text: string }[] };
    expect(exported.claims.map((c) => c.text)).toContain(CLAIM);
  }, LONG);

  it('imports rows with progress reported by the worker, sent by main and delivered through the preload', async () => {
    await page.evaluate('window.__progress = []; window.claimtrail.onProgress((p) => window.__progress.push(p))');
    const rows = `${readFileSync(LIAR, 'utf8').split('\n').slice(0, 300).join('\n')}\n`;
    await page.getByLabel('Import file').setInputFiles({ name: 'liar.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(rows) });
    await page.getByLabel('Column mapping').fill('1=ref,2=label,3=text,4=tags,5=claimant,14=context');
    await page.getByLabel('First row is a header').uncheck();
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Dry run' }).isDisabled(), { timeout: STEP }).toBe(false);
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Dry run report' }).count(), { timeout: STEP }).toBe(1);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Import report' }).innerText(), { timeout: STEP }).toMatch(/Added\s*300 claims/);
    const sent = d.win.contents.sent.filter((m) => m.channel === 'progress').map((m) => (m.args[0] as { method: string }).method);
    expect(sent).toContain('transfer.import');
    await expect.poll(() => page.evaluate<string[]>('window.__progress.map((p) => p.method)')).toContain('transfer.import');
  }, LONG);

  it('a page that navigates away or opens a window stays in the app; allowed links go to the system browser', async () => {
    await page.evaluate("location.href = 'https://example.com/report?id=1'");
    await expect.poll(() => d.si.opened).toEqual(['https://example.com/report?id=1']);
    expect(d.win.contents.mainFrame.url).toMatch(/^app:\/\/claimtrail\//);
    await expect.poll(() => nav('Search').count()).toBe(1);
    await page.evaluate("window.open('https://example.org/brief', '_blank'); window.open('javascript:alert(1)')");
    await expect.poll(() => d.si.opened).toEqual(['https://example.com/report?id=1', 'https://example.org/brief']);
    await expect.poll(() => page.context().pages().length).toBe(1);
    // The javascript: window was stopped by the window's CSP (no 'unsafe-inline'); nothing else went wrong.
    const cspStop = /Running the JavaScript URL violates .*script-src 'self'/;
    expect(driver.errors.filter((e) => cspStop.test(e))).toHaveLength(1);
    expect(driver.errors.filter((e) => !cspStop.test(e))).toEqual([]);
    expect(d.si.rec.misses).toEqual([]);
  }, LONG);
});
