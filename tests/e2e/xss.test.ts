/**
 * Hostile text in every text field, written through the API before the page loads, rendered in
 * every view of a real Chromium: nothing may execute, no dialog may open, no javascript: link may
 * exist, and the payloads must show as plain text. Bidi overrides show as visible markers.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestCase } from '../helpers';
import { useApp, type PageWatch } from './harness';

const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '<img src=x onerror=alert(1)>',
  '<script>window.__xss=1</script>',
  'javascript:window.__xss=1',
  '<a href="javascript:window.__xss=1">click me</a>',
  '<svg onload=window.__xss=1>',
  '"><iframe srcdoc="<script>parent.__xss=1</script>">',
  "'><details open ontoggle=window.__xss=1>",
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  "{{constructor.constructor('window.__xss=1')()}}",
];
const ALL = `xsspayload ${PAYLOADS.join(' ')}`;
const RTL = 'Invoice for \u202Etxt.exe';

let watch: PageWatch;
let page: Page;

function writeHostileCase(tc: TestCase) {
  const api = tc.api;
  api.invoke('settings.update', { analystName: ALL.slice(0, 200), caveat: ALL });
  const source = api.invoke('sources.create', {
    title: ALL,
    publisher: ALL.slice(0, 500),
    authors: PAYLOADS,
    url: 'https://example.test/"><img src=x onerror=window.__xss=1>',
    reliability: 'B',
    notes: ALL,
    doi: ALL.slice(0, 300),
  });
  const derived = api.invoke('sources.create', { title: `derived ${ALL}`, derivedFromId: source.id, url: 'mailto:a@example.test?subject=<script>window.__xss=1</script>' });
  const claims = PAYLOADS.map((p) =>
    api.invoke('claims.create', { text: `claim ${p}`, claimant: p, notes: p, tags: [p.replace(/[,\n]/g, ' ').slice(0, 100)], context: p }),
  );
  const main = api.invoke('claims.create', {
    text: ALL,
    claimant: ALL.slice(0, 500),
    notes: ALL,
    context: ALL.slice(0, 2000),
    tags: ['xss', ...PAYLOADS.map((p) => p.replace(/[,\n]/g, ' ').slice(0, 100))],
    quantity: { value: 1, unit: PAYLOADS[0]!.slice(0, 60), scope: ALL.slice(0, 300), asOf: null },
  });
  const ev = api.invoke('evidence.create', { claimId: main.id, sourceId: source.id, stance: 'supports', excerpt: ALL, locator: ALL.slice(0, 500), note: ALL, credibility: 2 });
  api.invoke('evidence.create', { claimId: main.id, sourceId: derived.id, stance: 'refutes', excerpt: ALL, credibility: 3 });
  const d1 = api.invoke('disputes.open', { claimId: main.id, raisedBy: ALL.slice(0, 500), position: ALL, evidenceIds: [ev.id] });
  api.invoke('disputes.respond', { id: d1.id, author: ALL.slice(0, 500), text: ALL });
  const d2 = api.invoke('disputes.open', { claimId: main.id, raisedBy: 'x', position: ALL });
  api.invoke('disputes.resolve', { id: d2.id, resolution: ALL });
  api.invoke('links.create', { fromId: main.id, toId: claims[0]!.id, kind: 'contradicts', note: ALL });
  api.invoke('claims.setStatus', { id: main.id, status: 'disputed', rationale: ALL });
  api.invoke('claims.override', { id: main.id, probability: 0.3, rationale: ALL });
  // Settled claims with hostile text and tags feed the Calibration view.
  api.invoke('claims.setStatus', { id: claims[2]!.id, status: 'refuted', rationale: ALL, outcome: 'false' });
  api.invoke('claims.setStatus', { id: claims[3]!.id, status: 'supported', rationale: ALL, outcome: 'true' });
  api.invoke('claims.create', { text: RTL, claimant: 'bidi \u202Dtest\u202C' });
  api.invoke('claims.delete', { id: claims[1]!.id, rationale: ALL });
}

const app = useApp({ prepare: writeHostileCase });

beforeAll(() => {
  watch = app.watch;
  page = app.page;
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

async function assertInert(where: string) {
  const state = await page.evaluate<{ xss: unknown; jsLinks: number; iframes: number; imgs: number; scripts: number; svgs: number }>(`({
    xss: window.__xss,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    iframes: document.querySelectorAll('iframe').length,
    imgs: document.querySelectorAll('img').length,
    scripts: document.querySelectorAll('script').length,
    svgs: Array.from(document.querySelectorAll('svg')).filter((s) => !s.classList.contains('chart-svg')).length,
  })`);
  expect({ where, ...state, dialogs: watch.dialogs }).toEqual({ where, xss: undefined, jsLinks: 0, iframes: 0, imgs: 0, scripts: 1, svgs: 0, dialogs: [] });
}

describe('hostile text renders as text, never as markup', () => {
  it('claim list', async () => {
    await page.getByRole('listbox', { name: 'Claims' }).getByRole('option').first().waitFor();
    await expect.poll(() => page.getByText('xsspayload <img src=x onerror=window.__xss=1>', { exact: false }).count()).toBeGreaterThan(0);
    await assertInert('list');
  });

  it('claim detail with evidence, disputes, links, override and history', async () => {
    await page.getByLabel('Filter by text').fill('xsspayload');
    const option = page.getByRole('listbox', { name: 'Claims' }).getByRole('option');
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await expect.poll(() => page.locator('#claim-title').innerText()).toBe(ALL);
    await expect.poll(() => page.locator('blockquote').first().innerText()).toBe(ALL);
    await page.getByRole('region', { name: /Disputes/ }).getByRole('button', { name: 'Respond' }).click();
    await assertInert('detail');
    await page.getByRole('region', { name: /Linked claims/ }).getByRole('button', { name: `claim ${PAYLOADS[0]}`, exact: true }).click();
    await expect.poll(() => page.locator('#claim-title').innerText()).toBe(`claim ${PAYLOADS[0]}`);
    await assertInert('linked claim');
  });

  it('sources view with lineage and a hostile address shown as text', async () => {
    await nav('Sources').click();
    await page.getByRole('table', { name: 'Source list' }).getByRole('button', { name: /^derived xsspayload/ }).click();
    await page.getByRole('heading', { name: 'Claims citing this source' }).waitFor();
    await page.getByRole('heading', { name: /Lineage/ }).waitFor();
    await assertInert('derived source');
    await page.getByRole('table', { name: 'Source list' }).getByRole('button', { name: /^xsspayload/ }).click();
    await expect.poll(() => page.getByText('https://example.test/"><img src=x onerror=window.__xss=1>').count()).toBe(1);
    await assertInert('source');
  });

  it('search results and snippets', async () => {
    await nav('Search').click();
    await page.getByLabel('Search the case').fill('onerror');
    await page.locator('mark').first().waitFor();
    await assertInert('search');
    await page.getByLabel('Search the case').fill('"<script>" xsspayload');
    await page.getByRole('region', { name: 'Claims results' }).waitFor();
    await assertInert('search phrase');
  });

  it('quick-open palette, trash and settings', async () => {
    await page.keyboard.press('Control+k');
    await page.getByLabel('Go to claim or source').fill('onerror');
    await page.getByRole('dialog', { name: 'Quick open' }).getByRole('option').first().waitFor();
    await assertInert('palette');
    await page.keyboard.press('Escape');
    await nav('Trash (1)').click();
    await page.getByRole('button', { name: /^Restore claim/ }).waitFor();
    await assertInert('trash');
    await nav('Settings').click();
    await expect.poll(() => page.getByLabel('Handling caveat').inputValue()).toBe(ALL);
    await assertInert('settings');
    for (const v of ['Briefings', 'Import / Export']) {
      await nav(v).click();
      await assertInert(v);
    }
  });

  it('calibration over settled hostile claims, and a briefing preview of them', async () => {
    await nav('Calibration').click();
    await expect.poll(() => page.getByText(`claim ${PAYLOADS[2]}`, { exact: true }).count()).toBeGreaterThan(0);
    await assertInert('calibration');
    await nav('Briefings').click();
    await page.getByLabel('Tag', { exact: true }).selectOption('xss');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('article', { name: 'Briefing preview' });
    await expect.poll(() => preview.getByText(ALL, { exact: false }).count()).toBeGreaterThan(0);
    await assertInert('briefing preview');
  });

  it('a right-to-left override shows as a visible marker inside an isolated run', async () => {
    await nav('Claims').click();
    await page.getByLabel('Filter by text').fill('Invoice for');
    const option = page.getByRole('listbox', { name: 'Claims' }).getByRole('option');
    await expect.poll(() => option.allInnerTexts()).toEqual([expect.stringContaining('Invoice for')]);
    const text = await option.locator('.row-text').innerText();
    expect(text).toBe('Invoice for <U+202E>txt.exe');
    expect(text).not.toContain('\u202E');
    expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('[role=option] .row-text bdi')).unicodeBidi`)).toBe('isolate');
    await option.click();
    await expect.poll(() => page.locator('#claim-title').innerText()).toBe('Invoice for <U+202E>txt.exe');
    await assertInert('bidi');
    expect(watch.errors).toEqual([]);
  });
});
