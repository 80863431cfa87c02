/**
 * Search that forgives, in a real Chromium (issue 20): a misspelled query shows the suggestion and its
 * results; an evidence hit says what it is (claim, stance, grade, quote) and opens at that evidence
 * item; quick open tolerates typos across words.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, useApp } from './harness';

const COST = 'Training DeepSeek-V3 cost about USD6mn in compute, using Nvidia H800 chips.';
const app = useApp({ sample: true });
let page: Page;
beforeAll(() => {
  page = app.page;
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

describe('search view and quick open', () => {
  it('on a misspelled query, shows the suggestion and the results it found', async () => {
    await nav('Search').click();
    await page.getByLabel('Search the case').fill('trainng cots');
    const suggestion = page.locator('.search-suggestion');
    await expect.poll(() => suggestion.innerText()).toMatch(/No results for “trainng cots”\. Showing results for training cost/);
    const claims = page.getByRole('region', { name: 'Claims results' });
    await expect.poll(() => claims.getByRole('button', { name: COST }).count()).toBe(1);
    await page.screenshot({ path: artifactPath('search-suggestion.png'), fullPage: true });
    // The notice is not printed a second time under the suggestion.
    await expect.poll(() => page.locator('.notice').count()).toBe(1);
  });

  it('titles evidence hits with the claim, with stance, grade and the quote, and opens at that item', async () => {
    await page.getByLabel('Search the case').fill('"widely disputed"');
    const evidence = page.getByRole('region', { name: 'Evidence results' });
    const hit = evidence.locator('li.hit').first();
    await expect.poll(() => hit.locator('blockquote mark').allInnerTexts()).toEqual(['widely disputed']);
    await expect.poll(() => hit.getByRole('button').first().innerText()).toBe(COST);
    await expect.poll(() => hit.locator('.hit-facts').innerText()).toMatch(/^refutes\s+B3/);
    // The claim hit prints its text once (no snippet repeating it).
    await page.screenshot({ path: artifactPath('search-evidence-hit.png'), fullPage: true });
    await hit.getByRole('button', { name: COST }).click();
    await expect.poll(() => page.locator('#claim-title').innerText()).toBe(COST);
    const focused = () => page.evaluate<string>(`document.activeElement?.id ?? ''`);
    await expect.poll(focused).toMatch(/^evidence-/);
    const item = page.locator(`[id="${await focused()}"]`);
    await expect.poll(() => item.locator('blockquote').innerText()).toContain('the USD6mn is widely disputed');
    const inView = `(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`;
    await expect.poll(() => page.evaluate<boolean>(inView)).toBe(true);
  });

  it('prints a claim hit once: the marked text is the title, no snippet repeats it', async () => {
    await nav('Search').click();
    await page.getByLabel('Search the case').fill('6mn');
    const claims = page.getByRole('region', { name: 'Claims results' });
    const hit = claims.locator('li.hit').filter({ hasText: 'USD6mn in compute' });
    await expect.poll(() => hit.count()).toBe(1);
    await expect.poll(() => hit.innerText()).toBe(COST);
    expect(await hit.locator('mark').allInnerTexts()).toEqual(['USD6mn']); // the indexed word that matched
  });

  it('quick open finds the claim despite typos across words', async () => {
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Quick open' });
    await dialog.getByLabel('Go to claim or source').fill('6mn trainng cost');
    await expect.poll(() => dialog.getByRole('option').first().innerText()).toContain(COST);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#claim-title').innerText()).toBe(COST);
  });
});
