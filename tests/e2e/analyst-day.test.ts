/**
 * The analyst's day in a real Chromium against `claimtrail serve` on a fresh sample case: create a
 * claim, grade a source and a quote, watch the probability word move, dispute it, find it through
 * search and quick-open, read its history, trash and restore it. Screens go to test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, axeViolations, openApp, useApp, type PageWatch } from './harness';
import { addGradedEvidence } from './steps';

const CLAIM = 'Zyxwvut Labs trained its flagship model on 4,096 smuggled accelerators';
const app = useApp({ sample: true });
let watch: PageWatch;
let page: Page;

beforeAll(() => {
  watch = app.watch;
  page = app.page;
});

const claimList = () => page.getByRole('listbox', { name: 'Claims' });
const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

describe('analyst day', () => {
  it('opens the sample case with its claims, and drops the launch code from the address', async () => {
    await expect.poll(() => claimList().getByRole('option').count()).toBeGreaterThan(5);
    expect(page.url()).not.toMatch(/launch=|token=/);
    await expect.poll(() => page.getByText('23 claims').count()).toBe(1);
    await page.screenshot({ path: artifactPath('claim-list.png') });
  });

  it('moves through the list with the keyboard and opens a claim with Enter', async () => {
    const second = await claimList().getByRole('option').nth(1).locator('.row-text').innerText();
    await claimList().focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => claimList().getAttribute('aria-activedescendant')).toBe('claim-option-1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#claim-title').innerText()).toBe(second);
    await page.getByRole('button', { name: '← Back to claims' }).click();
    await claimList().waitFor();
  });

  it('creates a claim; a similar one is flagged while typing', async () => {
    await page.getByRole('button', { name: 'New claim' }).click();
    const dialog = page.getByRole('dialog', { name: 'New claim' });
    await dialog.getByLabel('Claim text').fill('Washington must remain the global leader in AI');
    await expect.poll(() => dialog.getByRole('status', { name: 'Similar claims' }).count()).toBe(1);
    await dialog.getByLabel('Claim text').fill(CLAIM);
    await dialog.getByLabel('Claimant').fill('Anonymous trade blog');
    await dialog.getByLabel('Tags').fill('chips, smuggling');
    await dialog.getByRole('button', { name: 'Create claim' }).click();
    await expect.poll(() => page.locator('#claim-title').innerText()).toBe(CLAIM);
    await expect.poll(() => page.getByTestId('probability-word').innerText()).toBe('not assessed'); // no evidence yet: the prior is no judgment
  });

  it('adds a B source and a credibility-2 quote; the probability and its word change', async () => {
    await addGradedEvidence(page);
    await expect.poll(() => page.getByTestId('probability-word').innerText()).toBe('likely');
    await expect.poll(() => page.getByTestId('probability-value').innerText()).toBe('71%');
    const evidence = page.getByRole('region', { name: /Evidence \(1\)/ });
    await expect.poll(() => evidence.getByText('B2').count()).toBe(1);
    await expect.poll(() => evidence.getByText('Officers seized crates').count()).toBe(1);
  });

  it('opens a dispute and sees the events in the history timeline', async () => {
    await page.getByRole('region', { name: /Disputes/ }).getByRole('button', { name: 'Open dispute' }).click();
    const form = page.getByRole('form', { name: 'Open a dispute' });
    await form.getByLabel('Raised by').fill('Desk editor');
    await form.getByLabel('Position').fill('The crates may have held gaming cards, not accelerators.');
    await form.getByRole('button', { name: 'Open dispute' }).click();
    await expect.poll(() => page.getByText('The crates may have held gaming cards').count()).toBe(1);
    const timeline = page.getByRole('list', { name: 'History timeline' });
    await expect.poll(() => timeline.getByText('Dispute opened').count()).toBe(1);
    await expect.poll(() => timeline.getByText('Evidence added').count()).toBe(1);
    await expect.poll(() => timeline.getByText('Confidence changed').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('img', { name: /Probability over time: 2 points, from 50% to 71%/ }).count()).toBe(1);
  });

  it('links the claim to another claim', async () => {
    const links = page.getByRole('region', { name: /Linked claims/ });
    await links.getByRole('button', { name: 'Add link' }).click();
    await links.getByLabel('Link kind').selectOption('contradicts');
    await links.getByLabel('Find claim to link').fill('Washington must remain');
    await links.getByRole('button', { name: /^Link to: Washington must remain/ }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Linked claims (1)' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('list', { name: 'History timeline' }).getByText('Link added').count()).toBe(1);
  });

  it('changes the status only with a rationale', async () => {
    const status = page.getByRole('region', { name: 'Status' });
    await status.getByLabel('New status').selectOption('disputed');
    await status.getByRole('button', { name: 'Change status' }).click();
    // Refused at the field: the message under it, the field marked and focused.
    const why = status.getByLabel('Rationale for the status');
    await expect.poll(() => why.getAttribute('aria-invalid')).toBe('true');
    expect(await status.locator('.field-error').innerText()).toBe('write a rationale for the status change');
    await why.fill('Open challenge on what the crates held.');
    await status.getByRole('button', { name: 'Change status' }).click();
    await expect.poll(() => status.getByText('Current: disputed').count()).toBe(1);
  });

  it('overrides the probability with a rationale; the computed value stays visible', async () => {
    await page.getByRole('button', { name: 'Override probability' }).click();
    const form = page.getByRole('form', { name: 'Override probability' });
    await form.getByLabel('Probability (%)').fill('40');
    await form.getByLabel('Rationale for the override').fill('Customs reports of this kind are often wrong.');
    await form.getByRole('button', { name: 'Set override' }).click();
    await expect.poll(() => page.getByTestId('probability-word').innerText()).toBe('unlikely');
    await expect.poll(() => page.getByText('analyst override; computed 71%').count()).toBe(1);
    await page.getByRole('button', { name: 'Change or remove override' }).click();
    const remove = page.getByRole('form', { name: 'Remove override' });
    await remove.getByLabel('Rationale for removing it').fill('Second customs report confirms.');
    await remove.getByRole('button', { name: 'Remove override' }).click();
    await expect.poll(() => page.getByTestId('probability-word').innerText()).toBe('likely');
    await page.screenshot({ path: artifactPath('claim-detail.png'), fullPage: true });
  });

  it('edits the evidence grade: credibility 1 moves the probability further', async () => {
    await page.getByRole('button', { name: 'Edit evidence from Customs seizure report 2025/17' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit evidence' });
    await expect.poll(() => dialog.getByLabel('Credibility').inputValue()).toBe('2');
    await dialog.getByLabel('Credibility').selectOption('1');
    await dialog.getByLabel('Weight').fill('3');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    // The API's issue lands under the Weight field (structured issue path "weight").
    await expect.poll(() => dialog.getByLabel('Weight').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.locator('.field-error').innerText()).toBe('must be 0 to 2');
    await dialog.getByLabel('Weight').fill('1');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await expect.poll(() => page.getByTestId('probability-value').innerText()).toBe('75%');
    await expect.poll(() => page.getByRole('region', { name: /Evidence \(1\)/ }).getByText('B1').count()).toBe(1);
  });

  it('finds the claim through full-text search with highlighted snippets', async () => {
    await nav('Search').click();
    await page.getByLabel('Search the case').fill('zyxwvut');
    const claims = page.getByRole('region', { name: 'Claims results' });
    await expect.poll(() => claims.getByRole('button', { name: CLAIM }).count()).toBe(1);
    expect((await page.locator('mark').allInnerTexts()).map((t) => t.toLowerCase())).toContain('zyxwvut');
    await page.screenshot({ path: artifactPath('search.png'), fullPage: true });
    await claims.getByRole('button', { name: CLAIM }).click();
    await expect.poll(() => page.locator('#claim-title').innerText()).toBe(CLAIM);
  });

  it('keeps fewer rolling backups when told to in Settings', async () => {
    await nav('Settings').click();
    const field = page.getByLabel('Backups to keep');
    await expect.poll(() => field.inputValue()).toBe('10');
    await field.fill('3');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
    await field.fill('two');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByText('Backups to keep: must be a whole number').count()).toBe(1);
    // What the case holds, read back after leaving the view: the 3, not the refused text.
    await nav('Claims').click();
    await nav('Settings').click();
    await expect.poll(() => page.getByLabel('Backups to keep').inputValue()).toBe('3');
  });

  it('finds the claim through the quick-open palette (Ctrl+K)', async () => {
    await nav('Settings').click();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Quick open' });
    await dialog.getByLabel('Go to claim or source').fill('smuggled accelerators');
    await expect.poll(() => dialog.getByRole('option').first().innerText()).toContain(CLAIM);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#claim-title').innerText()).toBe(CLAIM);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.getByRole('dialog', { name: 'Quick open' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('shows the new source with the claim citing it, and edits the source', async () => {
    await nav('Sources').click();
    await page.getByRole('table', { name: 'Source list' }).getByRole('button', { name: 'Customs seizure report 2025/17' }).click();
    await expect.poll(() => page.getByRole('button', { name: CLAIM }).count()).toBe(1);
    await page.getByRole('button', { name: 'Edit source' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit source' });
    await expect.poll(() => dialog.getByLabel('Reliability').inputValue()).toBe('B');
    await dialog.getByLabel('Address (URL)').fill('https://customs.example.test/reports/2025-17');
    await dialog.getByRole('button', { name: 'Save source' }).click();
    await expect.poll(() => page.getByText('https://customs.example.test/reports/2025-17').count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Open source address in the browser' }).count()).toBe(1);
    await page.screenshot({ path: artifactPath('sources.png'), fullPage: true });
    await page.getByRole('button', { name: CLAIM }).click();
    await expect.poll(() => page.locator('#claim-title').innerText()).toBe(CLAIM);
  });

  it('moves the claim to the trash and restores it', async () => {
    await page.getByRole('button', { name: 'Move to trash' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move claim to trash' });
    await dialog.getByLabel('Reason (optional)').fill('testing the trash');
    await dialog.getByRole('button', { name: 'Move to trash' }).click();
    await claimList().waitFor();
    await expect.poll(() => page.getByText('23 claims').count()).toBe(1);
    await nav('Trash (1)').click();
    await page.getByRole('button', { name: `Restore claim: ${CLAIM}` }).click();
    await expect.poll(() => page.getByText('No deleted claims.').count()).toBe(1);
    await nav('Claims').click();
    await expect.poll(() => page.getByText('24 claims').count()).toBe(1);
    await page.getByLabel('Filter by text').fill('Zyxwvut');
    await expect.poll(() => claimList().getByRole('option').count()).toBe(1);
    await expect.poll(() => claimList().getByRole('option').innerText()).toContain(CLAIM);
  });

  it('filters by status and probability band', async () => {
    await page.getByLabel('Filter by text').fill('');
    await page.getByLabel('Status').selectOption('disputed');
    await expect.poll(() => claimList().getByRole('option').count()).toBe(1);
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Probability band').selectOption('roughly even chance');
    await expect.poll(() => claimList().getByRole('option').allInnerTexts()).not.toContainEqual(expect.stringContaining('71%'));
    await page.getByLabel('Probability band').selectOption('');
  });

  it('sorts by probability in both directions', async () => {
    const ordered = async (dir: 1 | -1) => {
      const texts = await claimList().getByRole('option').allInnerTexts();
      // A not-checkable claim has no probability: it comes last either way.
      const checkable = texts.filter((t) => !t.includes('not checkable'));
      const p = checkable.map((t) => Number(/\((?:prior )?(\d+)%\)/.exec(t)?.[1] ?? NaN));
      const last = texts.findIndex((t) => t.includes('not checkable'));
      return p.length > 5 && (last === -1 || last >= checkable.length) && p.every((x, i) => i === 0 || (x - p[i - 1]!) * dir >= 0);
    };
    await page.getByLabel('Sort by').selectOption('probability');
    await expect.poll(() => ordered(-1)).toBe(true);
    await page.getByRole('button', { name: 'Sort direction: descending' }).click();
    await expect.poll(() => ordered(1)).toBe(true);
    await page.getByRole('button', { name: 'Sort direction: ascending' }).click();
    await page.getByLabel('Sort by').selectOption('updated');
  });

  it('has no serious or critical accessibility violations on list, detail, search and sources, in light and dark', async () => {
    const screens: Record<string, unknown> = {};
    for (const theme of ['light', 'dark'] as const) {
      await page.getByLabel('Theme').selectOption(theme);
      await nav('Claims').click();
      await claimList().getByRole('option').first().waitFor();
      // The toggle really switches the palette (light-dark() follows color-scheme).
      expect(await page.evaluate(`getComputedStyle(document.body).backgroundColor`)).toBe(
        theme === 'dark' ? 'rgb(17, 24, 39)' : 'rgb(255, 255, 255)',
      );
      screens[`${theme} list`] = await axeViolations(page);
      await page.screenshot({ path: artifactPath(`claim-list-${theme}.png`) });
      await claimList().getByRole('option').first().click();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      screens[`${theme} detail`] = await axeViolations(page);
      await nav('Search').click();
      await page.getByLabel('Search the case').fill('DeepSeek');
      await page.locator('mark').first().waitFor();
      screens[`${theme} search`] = await axeViolations(page);
      await nav('Sources').click();
      await page.getByRole('table', { name: 'Source list' }).locator('tbody').getByRole('button').first().click();
      await page.getByRole('heading', { name: 'Claims citing this source' }).waitFor();
      screens[`${theme} sources`] = await axeViolations(page);
    }
    expect(screens).toEqual(Object.fromEntries(Object.keys(screens).map((k) => [k, []])));
    // Canary: the same check does flag an unlabelled control.
    await page.evaluate("document.body.append(document.createElement('input'))");
    expect((await axeViolations(page)).map((v) => v.id)).toContain('label');
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it('says so when the server refuses the token kept by the tab', async () => {
    const other = await openApp(app.session.browser, app.session.served.server.url);
    await other.page.getByRole('listbox', { name: 'Claims' }).getByRole('option').first().waitFor();
    await other.page.evaluate("sessionStorage.setItem('claimtrail.token', 'not-the-token')");
    await other.page.reload();
    await expect.poll(() => other.page.getByRole('alert').first().innerText()).toContain('Access refused');
    await other.page.context().close();
  });
});
