/**
 * Issue 13 in a real Chromium: each evidence item of a claim shows where its quote stands in the source's
 * latest capture (exact / close (NN%) / not found / no capture) and "no longer in the source (captured
 * DATE)" for a quote that was in an earlier capture.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, axeViolations, useApp } from './harness';
import { navButton } from './nav';

const CLAIM = 'The harbour authority closed the port for three days';
const EXACT = 'The port stayed closed from Monday to Wednesday.';
const CLOSE = 'Officials said the closure was ordered by the harbour master after the storm warning.';
const GONE = 'Shipping companies were told about the closure only on Tuesday night.';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const app = useApp({
  sample: true,
  prepare: ({ api }) => {
    const claim = api.invoke('claims.create', { text: CLAIM });
    const notes = api.invoke('sources.create', { title: 'Port notices', reliability: 'B' });
    const blog = api.invoke('sources.create', { title: 'Shipping blog', reliability: 'C' });
    for (const [excerpt, sourceId] of [[EXACT, notes.id], [CLOSE, notes.id], [GONE, notes.id], ['Nobody captured this page.', blog.id]] as const)
      api.invoke('evidence.create', { claimId: claim.id, sourceId, stance: 'supports', excerpt });
    const v1 = `Notice 12.\n\n${EXACT}\n\n${CLOSE}\n\n${GONE}\n`;
    api.invoke('captures.attach', { sourceId: notes.id, bytes: b64(v1), fileName: 'notice-v1.txt' });
    const v2 = `Notice 12 (revised).\n\n${EXACT}\n\n${CLOSE.replace('storm warning', 'gale warning')}\n`;
    api.invoke('captures.attach', { sourceId: notes.id, bytes: b64(v2), fileName: 'notice-v2.txt' });
  },
});
let page: Page;

beforeAll(() => {
  page = app.page;
});

describe('quote status in the claim view', () => {
  it('shows exact, close (NN%), not found with the alert, and no capture', async () => {
    await navButton(page, 'Claims').click();
    await page.getByLabel('Filter by text').fill('harbour authority closed');
    await page.getByRole('listbox', { name: 'Claims' }).getByRole('option').filter({ hasText: CLAIM }).first().click();
    await expect.poll(() => page.locator('#claim-title').innerText()).toBe(CLAIM);
    const item = (quote: string) => page.locator('li.evidence').filter({ hasText: quote });
    const status = (quote: string) => item(quote).getByTestId('quote-status').innerText();
    await expect.poll(() => status(EXACT)).toBe('exact');
    await expect.poll(() => status(CLOSE)).toMatch(/^close \(\d{2}%\)$/);
    await expect.poll(() => item(CLOSE).locator('.quote-found').innerText()).toBe(`The capture reads: “${CLOSE.replace('storm warning', 'gale warning')}”`);
    await expect.poll(() => item(EXACT).locator('.quote-found').count()).toBe(0);
    await expect.poll(() => status(GONE)).toBe('not found');
    await expect.poll(() => status('Nobody captured this page.')).toBe('no capture');
    await expect.poll(() => item(GONE).getByRole('status').innerText()).toMatch(/^The quote is no longer in the source \(captured \d{4}-\d{2}-\d{2}\)\.$/);
    await expect.poll(() => item(EXACT).getByRole('status').count()).toBe(0);
    await expect.poll(() => item(EXACT).innerText()).toMatch(/captured \d{4}-\d{2}-\d{2}, SHA-256 [0-9a-f]{12}/);
    // The alert is in the claim's history too.
    const timeline = page.getByRole('list', { name: 'History timeline' });
    await expect.poll(() => timeline.innerText()).toMatch(/Quote no longer in the source[\s\S]*not in the capture of \d{4}-\d{2}-\d{2}; last found in the capture of \d{4}-\d{2}-\d{2}/);
    await page.screenshot({ path: artifactPath('claim-quote-status.png'), fullPage: true });
  });

  it('has no serious or critical accessibility violations with every status shown, in light and dark', async () => {
    const found: Record<string, unknown> = {};
    for (const theme of ['light', 'dark'] as const) {
      await page.getByLabel('Theme').selectOption(theme);
      await expect.poll(() => page.getByTestId('quote-status').count()).toBe(4);
      found[theme] = await axeViolations(page);
    }
    expect(found).toEqual({ light: [], dark: [] });
  });
});
