/**
 * The duplicate review queue in real Chromium against `claimtrail serve` on the sample case plus a
 * reworded copy of the cost claim and two sources at the same address: the pairs side by side with
 * reason and score, the tabs by keyboard, merge (the evidence is on the claim kept) and un-merge, "not
 * a duplicate" remembered across a reload, "keep both" for sources; axe-core clean in both themes.
 */
import { describe, expect, it } from 'vitest';
import { expectAxeClean as expectHarnessAxeClean, useApp } from './harness';

const COST = 'Training DeepSeek-V3 cost about USD6mn in compute, using Nvidia H800 chips.';
const COPY = 'DeepSeek-V3 training cost about USD6mn of compute on Nvidia H800 chips.';
const WIRE = 'Zyxwvut newswire on the training bill';

const app = useApp({
  sample: true,
  prepare: ({ api }) => {
    const copy = api.invoke('claims.create', { text: COPY, claimant: 'A newswire' });
    const wire = api.invoke('sources.create', { title: WIRE, reliability: 'C', url: 'https://wire.example/deepseek-cost' });
    api.invoke('evidence.create', { claimId: copy.id, sourceId: wire.id, stance: 'supports', credibility: 3, excerpt: 'The run cost USD5.6mn.' });
    api.invoke('sources.create', { title: 'Zyxwvut newswire (syndicated copy)', reliability: 'C', url: 'http://www.wire.example/deepseek-cost/?utm_source=feed' });
  },
});

const page = () => app.page;
const nav = (name: string) => page().getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
const tab = (name: RegExp) => page().getByRole('tab', { name });
const pairs = () => page().getByRole('tabpanel').getByRole('article');

async function openQueue() {
  await nav('Duplicates').click();
  await expect.poll(() => page().getByRole('heading', { level: 1 }).innerText()).toBe('Duplicates');
}

const expectAxeClean = (name: string) => expectHarnessAxeClean(page(), name);

describe('duplicate review queue', () => {
  it('shows the claim pair side by side with its reason and score; the tabs answer the arrow keys', async () => {
    await openQueue();
    await expect.poll(() => tab(/^Claims/).innerText()).toBe('Claims (1)');
    await expect.poll(() => tab(/^Sources/).innerText()).toBe('Sources (1)');
    const card = pairs().first();
    await expect.poll(() => card.getByRole('heading').innerText()).toMatch(/^Possible duplicate claims, score \d+%$/);
    await expect.poll(() => card.innerText()).toMatch(/Reason: same telling words \(weighted Dice \d+%/);
    const table = card.getByRole('table');
    await expect.poll(() => table.getByRole('cell', { name: COST, exact: true }).count()).toBe(1);
    await expect.poll(() => table.getByRole('cell', { name: COPY, exact: true }).count()).toBe(1);
    await expect.poll(() => table.getByRole('row', { name: /^Claimant/ }).innerText()).toMatch(/A newswire/);
    await expectAxeClean('duplicates-claims');

    await tab(/^Claims/).focus();
    await page().keyboard.press('ArrowRight');
    await expect.poll(() => tab(/^Sources/).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page().evaluate<string | undefined>('document.activeElement?.id')).toBe('dup-tab-source');
    await expect.poll(() => pairs().first().innerText()).toMatch(/Reason: same address \(wire\.example\/deepseek-cost\)/);
    await page().keyboard.press('ArrowLeft');
    await expect.poll(() => tab(/^Claims/).getAttribute('aria-selected')).toBe('true');
  });

  it('merges the copy into the claim kept, whose page then holds its evidence, and un-merges it', async () => {
    await openQueue();
    const card = pairs().first();
    // A is the earlier claim (the sample's); merging B into A keeps the sample's claim.
    await expect.poll(() => card.getByRole('table').getByRole('row').nth(1).innerText()).toContain(COST);
    await card.getByRole('button', { name: 'Merge B into A' }).click();
    await expect.poll(() => tab(/^Claims/).innerText()).toBe('Claims (0)');
    const merges = page().getByRole('list', { name: 'Merges' });
    await expect.poll(() => merges.getByRole('listitem').innerText()).toMatch(/merged into/);
    await expectAxeClean('duplicates-merged');

    await merges.getByRole('button', { name: /^Open the claim kept/ }).click();
    await expect.poll(() => page().locator('#claim-title').innerText()).toBe(COST);
    await expect.poll(() => page().getByRole('button', { name: `Edit evidence from ${WIRE}` }).count()).toBe(1);

    await openQueue();
    await page().getByRole('list', { name: 'Merges' }).getByRole('button', { name: /^Un-merge claim/ }).click();
    await expect.poll(() => tab(/^Claims/).innerText()).toBe('Claims (1)');
    await expect.poll(() => page().getByRole('list', { name: 'Merges' }).count()).toBe(0);
  });

  it('remembers "not a duplicate" across a reload and "keep both" for sources; dark theme axe clean', async () => {
    await openQueue();
    await pairs().first().getByRole('button', { name: 'Not a duplicate' }).click();
    await expect.poll(() => tab(/^Claims/).innerText()).toBe('Claims (0)');
    await page().reload();
    await openQueue();
    await expect.poll(() => tab(/^Claims/).innerText()).toBe('Claims (0)');
    await expect.poll(() => page().getByRole('tabpanel').innerText()).toContain('No possible duplicate claims.');
    await expect.poll(() => page().getByRole('list', { name: 'Pairs kept apart' }).getByRole('listitem').innerText()).toMatch(/— not a duplicate \(\d{4}-/);

    await tab(/^Sources/).click();
    await pairs().first().getByRole('button', { name: 'Keep both' }).click();
    await expect.poll(() => tab(/^Sources/).innerText()).toBe('Sources (0)');
    await expect.poll(() => page().getByRole('list', { name: 'Pairs kept apart' }).innerText()).toMatch(/Zyxwvut newswire.*— both kept/s);

    await page().getByLabel('Theme').selectOption('dark');
    await expect.poll(() => page().evaluate<string | undefined>('document.documentElement.dataset.theme')).toBe('dark');
    await expectAxeClean('duplicates-dark');
    expect(app.watch.errors).toEqual([]);
    expect(app.watch.dialogs).toEqual([]);
  });
});
