/** Steps of the analyst's day shared by the web-mode and the desktop suites (tests/e2e, tests/electron). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** On an open claim: Add evidence with a new B-graded source (typed in place) and a credibility-2 quote from it. */
export async function addGradedEvidence(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add evidence' }).click();
  const ev = page.getByRole('dialog', { name: 'Add evidence' });
  await ev.getByRole('radio', { name: 'A new source' }).check();
  await ev.getByLabel('Source title').fill('Customs seizure report 2025/17');
  await ev.getByLabel('Publisher').fill('Port authority');
  await ev.getByLabel('Reliability').selectOption('B');
  await ev.getByLabel('Credibility').selectOption('2');
  await ev.getByLabel('Excerpt').fill('Officers seized crates of accelerators bound for Zyxwvut Labs.');
  await ev.getByLabel('Locator').fill('p. 4');
  await ev.getByRole('button', { name: 'Add evidence' }).click();
  await expect.poll(() => ev.count()).toBe(0);
}
