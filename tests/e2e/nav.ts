/** The sidebar's button for a main view ("Trash" also while it reads "Trash (2)"). */
import type { Locator, Page } from 'playwright-core';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function navButton(page: Page, label: string): Locator {
  return page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: new RegExp(`^${escape(label)}( \\(\\d+\\))?$`) });
}
