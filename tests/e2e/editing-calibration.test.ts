/**
 * Real Chromium against `claimtrail serve` on the sample case: editing a claim's prior, context and
 * quantity (with the API's validation messages under the fields), trashing and restoring sources,
 * settling claims and reading the Calibration view; axe-core on the new screens.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutput } from '../../core/api';
import { apiCall, artifactPath, axeViolations, openApp, startApp, type AppSession, type PageWatch, type Served } from './harness';
import { navButton } from './nav';

const COST = 'Training DeepSeek-V3 cost about USD6mn in compute, using Nvidia H800 chips.';
const FOUNDED = 'DeepSeek was established in 2023.';
const SPARE = 'Spare wire copy nobody cites';
let session: AppSession;
let served: Served;
let browser: Browser;
let watch: PageWatch;
let page: Page;

/** The same HTTP API the page uses, to check what the clicks stored. */
const call = <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => apiCall(served, method, input);

const claimId = async (text: string) => (await call('claims.list', { text, limit: 5 })).items.find((c) => c.text === text)!.id;

beforeAll(async () => {
  session = await startApp({ sample: true, prepare: ({ api }) => void api.invoke('sources.create', { title: SPARE, reliability: 'C' }) });
  ({ served, browser, watch } = session);
  page = watch.page;
});

afterAll(() => session?.close());

const nav = (name: string) => navButton(page, name);
const facts = () => page.locator('.claim-header .facts');

async function openClaim(text: string) {
  await nav('Claims').click();
  // The list is virtualized: narrow it so the claim is among the rendered rows.
  await page.getByLabel('Filter by text').fill(text.split(' ').slice(0, 3).join(' '));
  await page.getByRole('listbox', { name: 'Claims' }).getByRole('option').filter({ hasText: text }).first().click();
  await expect.poll(() => page.locator('#claim-title').innerText()).toBe(text);
}

/** Opens Edit claim on the open claim and fills the given fields by label. */
async function editClaim(values: Record<string, string>) {
  await page.getByRole('button', { name: 'Edit claim' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit claim' });
  for (const [label, value] of Object.entries(values)) await dialog.getByLabel(label).fill(value);
  await dialog.getByRole('button', { name: 'Save claim' }).click();
  return dialog;
}

describe('editing a claim: prior, where it was said, quantity', () => {
  it('shows the API validation messages next to the fields they name, and saves nothing', async () => {
    await openClaim(COST);
    const dialog = await editClaim({ 'Prior (%)': '150', 'Quantity value': '6', 'Quantity unit': '', 'Quantity as of': '20 May 2025' });
    const prior = dialog.getByLabel('Prior (%)');
    await expect.poll(() => prior.getAttribute('aria-invalid')).toBe('true');
    // The message is tied to the field (aria-describedby), not only placed near it.
    const describedBy = (await prior.getAttribute('aria-describedby'))!.split(' ')[0]!;
    await expect.poll(() => page.locator(`[id="${describedBy}"]`).innerText()).toMatch(/^must be below 1 \(the prior is a probability: 150% is 1\.5/);
    await expect.poll(() => dialog.getByLabel('Quantity unit').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.locator('.field-error').allInnerTexts()).toEqual([
      expect.stringMatching(/^must be below 1/),
      'must not be empty',
    ]);
    // The first invalid field has the focus.
    const priorId = await prior.getAttribute('id');
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe(priorId);
    await page.screenshot({ path: artifactPath('claim-edit-errors.png') });
    expect((await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.join(', ')}`)).toEqual([]);
    const stored = (await call('claims.get', { id: await claimId(COST) })).claim;
    expect(stored.prior).toBe(0.5);
    expect(stored.quantity).toEqual({ value: 6, unit: 'USD mn', scope: 'final training run compute', asOf: null });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('saves prior, context and quantity; the header shows them and the probability follows the prior', async () => {
    const before = (await call('claims.get', { id: await claimId(COST) })).claim;
    const dialog = await editClaim({
      'Prior (%)': '20',
      'Where it was said': 'DeepSeek-V3 technical report',
      'Quantity value': '5.576',
      'Quantity unit': 'million USD',
      'Quantity scope': 'final training run only',
      'Quantity as of': '2024-12',
    });
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => facts().innerText()).toContain('DeepSeek-V3 technical report');
    const shown = await facts().innerText();
    expect(shown).toContain('20%');
    expect(shown).toContain('5.576 million USD (final training run only), as of 2024-12');
    const after = (await call('claims.get', { id: before.id })).claim;
    expect(after).toMatchObject({ prior: 0.2, context: 'DeepSeek-V3 technical report', quantity: { value: 5.576, unit: 'million USD', scope: 'final training run only', asOf: '2024-12' } });
    expect(after.computedProbability).toBeLessThan(before.computedProbability!);
  });

  it('clears the quantity when all four boxes are emptied', async () => {
    const dialog = await editClaim({ 'Quantity value': '', 'Quantity unit': '', 'Quantity scope': '', 'Quantity as of': '' });
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(async () => (await call('claims.get', { id: await claimId(COST) })).claim.quantity).toBeNull();
    await expect.poll(() => facts().innerText()).not.toContain('Quantity');
  });
});

describe('sources in the trash', () => {
  const sourceButton = (title: string) => page.getByRole('table', { name: 'Source list' }).getByRole('button', { name: title, exact: true });

  it('refuses to trash a cited source and says why', async () => {
    await nav('Sources').click();
    const cited = (await call('sources.list', { limit: 100 })).items.find((s) => s.citations > 0)!;
    await sourceButton(cited.title).click();
    await page.getByRole('button', { name: 'Move source to trash' }).click();
    const alert = page.locator('.split-detail').getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    await expect.poll(() => alert.innerText()).toMatch(new RegExp(`is cited by ${cited.citations} evidence items?; remove them first`));
    expect((await call('sources.get', { id: cited.id })).deletedAt).toBeNull();
  });

  it('trashes an uncited source, lists it in the trash and restores it', async () => {
    await sourceButton(SPARE).click();
    await page.getByRole('button', { name: 'Move source to trash' }).click();
    await expect.poll(() => sourceButton(SPARE).count()).toBe(0);
    await nav('Trash').click();
    const deleted = page.getByRole('list', { name: 'Deleted sources' });
    await expect.poll(() => deleted.getByRole('listitem').count()).toBe(1);
    await expect.poll(() => deleted.innerText()).toContain(SPARE);
    expect((await call('sources.list', { deleted: true })).items.map((s) => s.title)).toEqual([SPARE]);
    await page.getByRole('button', { name: `Restore source: ${SPARE}` }).click();
    await expect.poll(() => page.getByText('No deleted sources.').count()).toBe(1);
    await nav('Sources').click();
    await expect.poll(() => sourceButton(SPARE).count()).toBe(1);
  });
});

describe('calibration', () => {
  const settle = async (text: string, status: 'supported' | 'refuted', outcome: string) => {
    await openClaim(text);
    const card = page.getByRole('region', { name: 'Status' });
    await card.getByLabel('New status').selectOption(status);
    await card.getByLabel('Outcome').selectOption({ label: outcome });
    await card.getByLabel('Rationale for the status').fill(`settled in the e2e test as ${outcome}`);
    await card.getByRole('button', { name: 'Change status' }).click();
  };

  it('says there is no track record yet, and what the score means', async () => {
    await nav('Calibration').click();
    await expect.poll(() => page.getByText('No settled claims yet.', { exact: false }).count()).toBe(1);
    const help = await page.getByRole('region', { name: 'What the score means' }).innerText();
    expect(help).toContain('0.25 is what you get by always saying 50%');
    expect(help).toContain('0 is perfect');
  });

  it('refuses an outcome that contradicts the status, next to the Outcome field', async () => {
    await settle(FOUNDED, 'refuted', 'settled: true');
    const outcome = page.getByRole('region', { name: 'Status' }).getByLabel('Outcome');
    await expect.poll(() => outcome.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.getByRole('region', { name: 'Status' }).locator('.field-error').innerText()).toBe(
      'a claim settled as true goes with the status supported, not refuted',
    );
  });

  it('settles two claims and shows the overall score, per tag and per claim, as the API computes them', async () => {
    await settle(FOUNDED, 'supported', 'settled: true');
    await expect.poll(() => page.getByText('Settled: the claim turned out true.').count()).toBe(1);
    await settle(COST, 'refuted', 'settled: false');
    await expect.poll(() => page.getByText('Settled: the claim turned out false.').count()).toBe(1);
    const report = await call('calibration.report', {});
    expect(report.overall.claims).toBe(2);
    await nav('Calibration').click();
    const overall = page.locator('.calibration-overall');
    await overall.waitFor();
    await expect.poll(() => overall.innerText()).toContain(`Overall Brier score ${report.overall.brier!.toFixed(3)} (95% interval`);
    await expect.poll(() => overall.innerText()).toContain('over 2 settled claims. Too few for a verdict');
    const tags = page.getByRole('table', { name: 'Brier score per tag' });
    await expect.poll(() => tags.getByRole('row').count()).toBe(report.byTag.length + 1);
    const cost = report.byTag.find((t) => t.tag === 'cost')!;
    await expect.poll(() => tags.getByRole('row', { name: /^cost / }).innerText()).toBe(`cost\t${cost.brier.toFixed(3)}\t1`);
    const settled = page.getByRole('table', { name: 'Settled claims, worst score first' });
    await expect.poll(() => settled.getByRole('row').count()).toBe(3);
    const worst = [...report.claims].sort((a, b) => b.brier - a.brier)[0]!;
    await expect.poll(() => settled.getByRole('row').nth(1).innerText()).toBe(
      `${worst.text}\t${worst.status}\t${worst.outcome}\t${Math.round(worst.final * 100)}%\t${worst.brier.toFixed(3)}`,
    );
    await page.screenshot({ path: artifactPath('calibration.png') });
  });

  it('opens a settled claim from the table', async () => {
    await page.getByRole('table', { name: 'Settled claims, worst score first' }).getByRole('button', { name: FOUNDED }).click();
    await expect.poll(() => page.locator('#claim-title').innerText()).toBe(FOUNDED);
  });

  it('has no serious or critical accessibility violations on the Calibration view, in light and dark', async () => {
    const found: Record<string, string[]> = {};
    for (const theme of ['light', 'dark'] as const) {
      const w = await openApp(browser, served.server.url, theme);
      await w.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Calibration', exact: true }).click();
      await w.page.locator('.calibration-overall').waitFor();
      found[theme] = (await axeViolations(w.page)).map((v) => `${v.id}: ${v.nodes.join(', ')}`);
      await w.page.screenshot({ path: artifactPath(`calibration-${theme}.png`) });
      expect(w.errors).toEqual([]);
      await w.page.context().close();
    }
    expect(found).toEqual({ light: [], dark: [] });
    expect(watch.dialogs).toEqual([]);
  });
});
