/**
 * The Analysis view in real Chromium (web mode, the sample case): the sample's ACH board, rating
 * cells from the keyboard (arrows move, digits and letters rate, Delete clears) with the scores
 * following; the key assumptions register (failing one flags its claim); an observed indicator
 * opening the evidence form prefilled; axe clean in both themes.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, useApp } from './harness';
import { navButton } from './nav';

const app = useApp({ sample: true });

const focusedTestId = () => app.page.evaluate<string | null>("document.activeElement && document.activeElement.getAttribute('data-testid')");

describe('Analysis view', () => {
  it('shows the sample board and rates cells from the keyboard', async () => {
    const page = app.page;
    await navButton(page, 'Analysis').click();
    const grid = page.getByRole('grid', { name: /Which chips trained DeepSeek’s models\?: consistency matrix/ });
    await expect.poll(() => grid.count()).toBe(1);
    const score = (h: string) => page.getByTestId(`ach-score-${h}`).innerText();
    await expect.poll(() => score('H1')).toBe('-0.41');
    await expect.poll(() => score('H2')).toBe('0.00');
    await expect.poll(() => page.getByTestId('ach-row-E1').getAttribute('class')).toBe('ach-low');
    await expect.poll(() => page.getByTestId('ach-row-E3').getAttribute('class')).toBeNull();
    await expect.poll(() => page.getByTestId('ach-reading').innerText()).toMatch(/H2 is the least contradicted/);

    // Start on E1 × H1, walk down to E6 with the arrow keys, rate it very inconsistent with "5".
    await page.getByTestId('ach-cell-E1-H1').click();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(focusedTestId).toBe('ach-cell-E6-H1');
    await page.keyboard.press('5');
    // The sample analyst said N, this analyst II: both shown, two steps apart = split; H1 = −0.41 + 0.64·(−1).
    await expect.poll(() => page.getByTestId('ach-cell-E6-H1').innerText()).toMatch(/^N\/II/);
    await expect.poll(() => page.getByTestId('ach-cell-E6-H1').innerText()).toContain('split');
    await expect.poll(() => score('H1')).toBe('-1.05');
    await expect.poll(focusedTestId).toBe('ach-cell-E6-H1');

    // Right to H2, "i" = inconsistent: H2 = 0.64·(−0.5).
    await page.keyboard.press('ArrowRight');
    await expect.poll(focusedTestId).toBe('ach-cell-E6-H2');
    await page.keyboard.press('i');
    await expect.poll(() => score('H2')).toBe('-0.32');
    await expect.poll(() => page.getByTestId('ach-reading').innerText()).toMatch(/H2 is the least contradicted by the evidence \(weighted inconsistency: H2 -0\.32, H1 -1\.05\)/);
    // Delete clears this analyst's rating again.
    await page.keyboard.press('Delete');
    await expect.poll(() => score('H2')).toBe('0.00');
    await expect.poll(() => page.getByTestId('ach-cell-E6-H2').innerText()).toMatch(/^N/);
    // Arrows stop at the edges.
    await page.keyboard.press('ArrowRight');
    await expect.poll(focusedTestId).toBe('ach-cell-E6-H2');
    expect(app.watch.errors).toEqual([]);
  });

  it('registers an assumption and fails it: its claim shows the review warning', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Add assumption…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a key assumption' });
    await dialog.getByLabel('Assumption', { exact: true }).fill('DeepSeek’s statements about its hardware are complete.');
    await dialog.getByLabel('Filter claims').fill('sanctions-compliant');
    await dialog.getByRole('checkbox', { name: /only on less powerful, sanctions-compliant/ }).check();
    await dialog.getByRole('button', { name: 'Add assumption' }).click();
    const row = page.getByTestId('assumption-row');
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.innerText()).toMatch(/held/);

    await row.getByRole('button', { name: /Mark failed/ }).click();
    const fail = page.getByRole('dialog', { name: 'Mark the assumption failed' });
    await fail.getByLabel('Why it failed').fill('A filing lists A100 clusters.');
    await fail.getByRole('button', { name: 'Mark failed' }).click();
    await expect.poll(() => row.innerText()).toMatch(/failed \d{4}-\d{2}-\d{2}: A filing lists A100 clusters\./);

    await row.getByRole('button', { name: /only on less powerful, sanctions-compliant/ }).click();
    const warnings = page.getByRole('region', { name: 'Warnings' });
    await expect.poll(() => warnings.innerText()).toMatch(/Review: the assumption “DeepSeek’s statements about its hardware are complete\.” that this claim rests on failed/);
    expect(app.watch.errors).toEqual([]);
  });

  it('an observed indicator opens the evidence form prefilled', async () => {
    const page = app.page;
    await navButton(page, 'Analysis').click();
    await page.getByRole('button', { name: 'Add indicator…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an indicator' });
    await dialog.getByLabel('Indicator', { exact: true }).fill('Customs seizure of A100s bound for DeepSeek');
    const claim = dialog.getByLabel('Claim');
    const value = await claim.locator('option', { hasText: 'acquired before sanctions took effect' }).getAttribute('value');
    await claim.selectOption(value!);
    await dialog.getByRole('button', { name: 'Add indicator' }).click();
    const row = page.getByTestId('indicator-row');
    await expect.poll(() => row.innerText()).toMatch(/not observed/);
    await row.getByRole('button', { name: 'Observed' }).click();
    await expect.poll(() => row.innerText()).toMatch(/observed \(\d{4}-\d{2}-\d{2}\)/);
    await row.getByRole('button', { name: 'Add as evidence…' }).click();
    const form = page.getByRole('dialog', { name: 'Add evidence' });
    await expect.poll(() => form.getByLabel('Evidence note').inputValue()).toMatch(/^Indicator observed on \d{4}-\d{2}-\d{2}: Customs seizure of A100s bound for DeepSeek$/);
    await expect.poll(() => form.getByLabel('Stance').inputValue()).toBe('supports');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(app.watch.errors).toEqual([]);
  });

  it('is axe clean in both themes', async () => {
    const page = app.page;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => page.getByRole('grid').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    }
  });
});
