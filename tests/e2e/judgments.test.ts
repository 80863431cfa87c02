/**
 * Issue 11 in a real Chromium against `claimtrail serve` on the re-graded sample case: a claim nobody
 * has assessed reads "not assessed"; DeepSeek's own word is flagged "no independent corroboration" and
 * its breakdown says why it counts 0; a near-identical quote from a second outlet is a "possible copy
 * of" the first until marked independent; the Calibration view draws the reliability diagram.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, useApp } from './harness';
import { navButton } from './nav';

const FOUNDED = 'DeepSeek was established in 2023.';
const CHIPS = 'DeepSeek trained its latest models only on less powerful, sanctions-compliant Nvidia H800 and H20 chips.';
const COPIED = 'Zyxwvut Labs spent nine million dollars on its final training run';
const QUOTE = 'Zyxwvut Labs said the final training run cost about nine million dollars in rented GPU hours.';

const app = useApp({
  sample: true,
  prepare: ({ api }) => {
    const claim = api.invoke('claims.create', { text: COPIED, claimant: 'A trade blog' });
    const a = api.invoke('sources.create', { title: 'Outlet Alpha', reliability: 'B' });
    const b = api.invoke('sources.create', { title: 'Outlet Beta', reliability: 'B' });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: a.id, stance: 'supports', credibility: 2, excerpt: QUOTE });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: b.id, stance: 'supports', credibility: 2, excerpt: `“${QUOTE}”` });
    // Three settled claims of the analyst's own, for the reliability diagram.
    for (const [text, outcome] of [['Settled one', 'true'], ['Settled two', 'false'], ['Settled three', 'true']] as const) {
      const c = api.invoke('claims.create', { text });
      api.invoke('evidence.create', { claimId: c.id, sourceId: a.id, stance: 'supports', credibility: 2, excerpt: `${text}: the record shows it.` });
      api.invoke('claims.setOutcome', { id: c.id, outcome });
    }
  },
});
let page: Page;

beforeAll(() => {
  page = app.page;
});

const nav = (name: string) => navButton(page, name);

async function openClaim(text: string) {
  await nav('Claims').click();
  await page.getByLabel('Filter by text').fill(text.split(' ').slice(0, 4).join(' '));
  await page.getByRole('listbox', { name: 'Claims' }).getByRole('option').filter({ hasText: text }).first().click();
  await expect.poll(() => page.locator('#claim-title').innerText()).toBe(text);
}

describe('judgments a reader can follow', () => {
  it('a claim backed only by its author’s own words reads "not assessed", in the list and on the claim', async () => {
    await nav('Claims').click();
    await page.getByLabel('Filter by text').fill('established in 2023');
    const row = page.getByRole('listbox', { name: 'Claims' }).getByRole('option').filter({ hasText: FOUNDED });
    await expect.poll(() => row.innerText()).toContain('not assessed (prior 50%)');
    await openClaim(FOUNDED);
    await expect.poll(() => page.getByTestId('probability-word').innerText()).toBe('not assessed');
    await expect.poll(() => page.getByText('The prior is', { exact: false }).innerText()).toContain('a starting point, not a judgment');
    await expect.poll(() => page.getByRole('region', { name: 'Warnings' }).innerText()).toContain('No independent corroboration');
  });

  it('DeepSeek’s own statements count 0 for DeepSeek’s claim, and the breakdown says why, with the quote', async () => {
    await openClaim(CHIPS);
    await expect.poll(() => page.getByRole('region', { name: 'Warnings' }).innerText()).toContain('No independent corroboration');
    const breakdown = page.getByRole('region', { name: 'Per-evidence breakdown' });
    const own = breakdown.getByRole('row').filter({ hasText: 'DeepSeek has stated that they have only used less performant' });
    await expect.poll(() => own.innerText()).toContain('counts 0: the source speaks for the claimant');
    await expect.poll(() => own.innerText()).toContain('attribution: 0');
    // Items from one source are told apart.
    await expect.poll(() => breakdown.getByText(/item \d of \d from this source/).count()).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('probability-word').innerText()).toBe('unlikely');
    // The bar has one neutral colour, no <meter> that would colour 50% as "optimal".
    await expect.poll(() => page.locator('meter').count()).toBe(0);
    await expect.poll(() => page.getByRole('img', { name: /^Probability \d+%, unlikely$/ }).count()).toBe(1);
    await page.screenshot({ path: artifactPath('claim-attribution.png'), fullPage: true });
  });

  it('a near-identical quote from another outlet is a "possible copy of" the first until marked independent', async () => {
    await openClaim(COPIED);
    const copies = page.getByRole('region', { name: 'Possible copies' });
    await expect.poll(() => copies.innerText()).toContain('“Outlet Beta” is a possible copy of “Outlet Alpha”');
    await expect.poll(() => page.getByRole('region', { name: 'Warnings' }).innerText()).toContain('Possible copy of “Outlet Alpha”');
    const before = await page.getByTestId('probability-value').innerText();
    await copies.getByRole('button', { name: 'Mark independent' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Possible copies' }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('probability-value').innerText()).not.toBe(before);
    // The source shows it too, until then: Beta is now independent, so it lists nothing.
  });

  it('the Calibration view draws the reliability diagram, with no verdict word for 3 claims', async () => {
    await nav('Calibration').click();
    const diagram = page.getByTestId('reliability-diagram');
    await diagram.waitFor();
    await expect.poll(() => diagram.getByRole('img', { name: /Reliability diagram/ }).count()).toBe(1);
    await expect.poll(() => diagram.locator('circle').count()).toBeGreaterThan(0);
    const likely = diagram.getByRole('row', { name: /^likely / });
    await expect.poll(() => likely.innerText()).toMatch(/^likely\t3\t\d+%\t67% \(\d+%–\d+%\)$/);
    const overall = await page.getByTestId('calibration-overall').innerText();
    expect(overall).toContain('over 3 settled claims');
    expect(overall).toContain('Too few for a verdict');
    expect(overall).not.toMatch(/calibrated/);
    await page.screenshot({ path: artifactPath('calibration-reliability.png'), fullPage: true });
  });
});
