/**
 * Forms that help (issue 20.3), in real Chromium against `claimtrail serve`: each API issue under its
 * field with the first invalid field focused, dates typed as people write them and shown back as ISO
 * (or picked on a calendar), URLs completed, the default grades stated, and a new claim logged with
 * its first evidence and a new source in one flow — one call that leaves nothing when refused.
 */
import { describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutput } from '../../core/api';
import { apiCall, artifactPath, axeViolations, useApp } from './harness';

const app = useApp({ sample: true });
const call = <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => apiCall(app.session.served, method, input);
const TEXT = 'DeepSeek trained R1 on 50,000 Hopper GPUs, a semiconductor analyst said.';

const page = () => app.page;
const dialog = () => page().getByRole('dialog', { name: 'New claim' });
const counts = async () => ({ claims: (await call('claims.list', { limit: 1 })).total, sources: (await call('sources.list', { limit: 1 })).total });

async function openNewClaim() {
  await page().getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Claims', exact: true }).click();
  await page().getByRole('button', { name: 'New claim' }).click();
  await expect.poll(() => dialog().count()).toBe(1);
  return dialog();
}

/** The text of the element(s) a control's aria-describedby names. */
async function describedBy(locator: ReturnType<ReturnType<typeof dialog>['getByLabel']>) {
  const ids = ((await locator.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page().locator(`[id="${id}"]`).innerText()));
  return texts.join(' | ');
}

const focusedId = () => page().evaluate('document.activeElement?.id ?? null');

describe('forms that help', () => {
  it('reads dates as people write them, shows them back as ISO, and offers a calendar', async () => {
    const d = await openNewClaim();
    const date = d.getByLabel('Date claimed', { exact: true });
    for (const [typed, shown] of <[string, string][]>[
      ['28 Jan 2025', 'Saved as 2025-01-28 (28 January 2025)'],
      ['Jan 28, 2025', 'Saved as 2025-01-28 (28 January 2025)'],
      ['03/04/2025', 'Saved as 2025-04-03 (3 April 2025)'],
      ['2025-01', 'Saved as 2025-01 (January 2025)'],
    ]) {
      await date.fill(typed);
      await expect.poll(() => describedBy(date)).toContain(shown);
    }
    // The rule for numeric dates is stated beside the field.
    expect(await describedBy(date)).toContain('numbers are read day first');
    await date.fill('31 Feb 2025');
    await expect.poll(() => describedBy(date)).toContain('Not a date yet: February 2025 has no day 31');
    // The calendar is another way in: picking a day writes it as ISO.
    // Only the text box answers to the field's label; the picker beside it is the "Calendar".
    expect(await d.getByLabel('Date claimed').count()).toBe(1);
    await date.locator('xpath=..').getByLabel('Calendar').fill('2025-03-04');
    await expect.poll(() => date.inputValue()).toBe('2025-03-04');
    await d.getByRole('button', { name: 'Cancel' }).click();
  });

  it('states the default grades of new evidence and new sources', async () => {
    const d = await openNewClaim();
    await d.getByLabel('Add the first evidence now').check();
    await d.getByRole('radio', { name: 'A new source' }).check();
    const reliability = d.getByLabel('Reliability');
    const credibility = d.getByLabel('Credibility');
    await expect.poll(() => reliability.locator('option:checked').innerText()).toBe('F — reliability cannot be judged (default)');
    expect(await credibility.locator('option:checked').innerText()).toBe('6 — truth cannot be judged (default)');
    expect(await describedBy(reliability)).toMatch(/a new source is F \(cannot be judged\) and its items count 0\.3 of an A source/);
    expect(await describedBy(credibility)).toMatch(/new evidence is 6 \(cannot be judged\) and counts 0\.3 of confirmed information/);
    await d.getByRole('button', { name: 'Cancel' }).click();
  });

  it('places every problem under its field, focuses the first, and keeps nothing', async () => {
    const before = await counts();
    const d = await openNewClaim();
    await d.getByLabel('Claim text').fill(TEXT);
    await d.getByLabel('Prior (%)').fill('150');
    await d.getByLabel('Add the first evidence now').check();
    await d.getByRole('radio', { name: 'A new source' }).check();
    // Title left empty: refused by the API as firstEvidence.newSource.title.
    await d.getByLabel('Weight').fill('3');
    await d.getByRole('button', { name: 'Create claim with evidence' }).click();

    const prior = d.getByLabel('Prior (%)');
    const title = d.getByLabel('Source title');
    const weight = d.getByLabel('Weight');
    await expect.poll(() => prior.getAttribute('aria-invalid')).toBe('true');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await weight.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(prior)).toMatch(/^must be below 1/);
    expect(await describedBy(title)).toMatch(/^must not be empty/);
    expect(await describedBy(weight)).toMatch(/^must be 0 to 2/);
    // No raw API text anywhere in the dialog, and the first invalid field has the focus.
    expect(await d.innerText()).not.toMatch(/Invalid input|firstEvidence|newSource/);
    await expect.poll(focusedId).toBe(await prior.getAttribute('id'));
    await page().screenshot({ path: artifactPath('forms-errors-at-fields.png') });
    expect((await axeViolations(page())).map((v) => `${v.id}: ${v.nodes.join(', ')}`)).toEqual([]);
    expect(await counts()).toEqual(before);

    // A date the form cannot read is caught before any call, at its field.
    await prior.fill('50');
    await title.fill('SemiAnalysis note');
    await weight.fill('1');
    const published = d.getByLabel('Published', { exact: true });
    await published.fill('someday');
    await d.getByRole('button', { name: 'Create claim with evidence' }).click();
    await expect.poll(() => published.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(published)).toMatch(/is not a date I can read; write it like 28 Jan 2025/);
    await expect.poll(focusedId).toBe(await published.getAttribute('id'));
    expect(await prior.getAttribute('aria-invalid')).toBeNull();
    expect(await counts()).toEqual(before);
    await d.getByRole('button', { name: 'Cancel' }).click();
  });

  it('logs a new claim with its first evidence and a new source in one flow; the URL is completed', async () => {
    const before = await counts();
    const d = await openNewClaim();
    await d.getByLabel('Claim text').fill(TEXT);
    await d.getByLabel('Claimant').fill('SemiAnalysis');
    await d.getByLabel('Date claimed', { exact: true }).fill('31 Jan 2025');
    await d.getByLabel('Add the first evidence now').check();
    await d.getByRole('radio', { name: 'A new source' }).check();
    await d.getByLabel('Source title').fill('DeepSeek Debates: Chinese Leadership On Cost');
    const url = d.getByLabel('Address (URL)');
    await url.fill('semianalysis.com/2025/01/31/deepseek-debates');
    await expect.poll(() => describedBy(url)).toContain('Saved as https://semianalysis.com/2025/01/31/deepseek-debates');
    await d.getByLabel('Published', { exact: true }).fill('Jan 31, 2025');
    await d.getByLabel('Reliability').selectOption('C');
    await d.getByLabel('Stance').selectOption('supports');
    await d.getByLabel('Credibility').selectOption('3');
    await d.getByLabel('Excerpt').fill('We believe they have access to around 50,000 Hopper GPUs');
    await d.getByRole('button', { name: 'Create claim with evidence' }).click();

    // The claim page opens on the new claim, its evidence already there.
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => page().locator('#claim-title').innerText()).toBe(TEXT);
    await expect.poll(() => page().getByText('We believe they have access to around 50,000 Hopper GPUs').count()).toBeGreaterThan(0);

    const made = (await call('claims.list', { text: 'Hopper GPUs', limit: 5 })).items.find((c) => c.text === TEXT)!;
    const detail = await call('claims.get', { id: made.id });
    expect(detail.claim.claimedAt).toBe('2025-01-31');
    expect(detail.evidence).toHaveLength(1);
    expect(detail.evidence[0]).toMatchObject({ stance: 'supports', credibility: 3, source: { title: 'DeepSeek Debates: Chinese Leadership On Cost', reliability: 'C' } });
    const source = await call('sources.get', { id: detail.evidence[0]!.source.id });
    expect(source).toMatchObject({ url: 'https://semianalysis.com/2025/01/31/deepseek-debates', publishedAt: '2025-01-31' });
    expect(await counts()).toEqual({ claims: before.claims + 1, sources: before.sources + 1 });
  });

  it('the evidence dialog picks an existing source or types a new one in place (no nested dialog)', async () => {
    await page().getByRole('button', { name: 'Add evidence' }).click();
    const ev = page().getByRole('dialog', { name: 'Add evidence' });
    await ev.getByRole('button', { name: 'Add evidence' }).click();
    const find = ev.getByLabel('Find source');
    await expect.poll(() => find.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(find)).toMatch(/pick the source this evidence comes from/);
    await ev.getByRole('radio', { name: 'A new source' }).check();
    await ev.getByLabel('Source title').fill('Nvidia statement to Reuters');
    await ev.getByLabel('Address (URL)').fill('reuters.com/technology/nvidia-deepseek');
    await ev.getByLabel('Stance').selectOption('context');
    await ev.getByRole('button', { name: 'Add evidence' }).click();
    await expect.poll(() => ev.count()).toBe(0);
    expect(await page().getByRole('dialog').count()).toBe(0);
    const found = (await call('sources.list', { text: 'Nvidia statement to Reuters', limit: 5 })).items[0]!;
    expect(found.url).toBe('https://reuters.com/technology/nvidia-deepseek');
  });
});
