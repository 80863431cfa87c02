/**
 * The import wizard in Chromium over web mode: a CSV of claims with sources is detected, its columns
 * appear in a mapping table with one dropdown each and a live preview, extra labels are added in a
 * table editor, the dry run reports and the import adds claims with their sources.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp } from './harness';
import { navButton } from './nav';

const app = useApp();
const CSV = readFileSync(join(__dirname, '../fixtures/interop/claims-with-sources.csv'));

describe('Import wizard', () => {
  it('maps columns with dropdowns and a live preview, edits labels, dry-runs and imports claims with their sources', { timeout: 180_000 }, async () => {
    const page = app.page;
    await navButton(page, 'Import / Export').click();
    await page.getByLabel('Import file').setInputFiles({ name: 'claims.csv', mimeType: 'text/csv', buffer: CSV });
    // Live preview, no button pressed: the detected format and one dropdown per column, set from the header.
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.innerText(), { timeout: 30_000 }).toMatch(/Format: csv; 4 records/);
    const table = page.getByRole('table', { name: 'Column mapping table' });
    await expect.poll(() => table.getByRole('combobox').count()).toBe(12);
    await expect.poll(() => page.getByLabel('Field for column 1', { exact: true }).inputValue()).toBe('text');
    await expect.poll(() => page.getByLabel('Field for column 5', { exact: true }).inputValue()).toBe('sourceTitle');
    await expect.poll(() => page.getByLabel('Field for column 9', { exact: true }).inputValue()).toBe('quote');
    const records = page.getByRole('list', { name: 'First records' });
    await expect.poll(() => records.innerText()).toContain('— Viral post');
    // A dropdown changes the mapping and the preview follows.
    await page.getByLabel('Field for column 2', { exact: true }).selectOption('');
    await expect.poll(() => records.innerText()).not.toContain('— Viral post');
    await page.getByLabel('Field for column 2', { exact: true }).selectOption('claimant');
    await expect.poll(() => records.innerText()).toContain('— Viral post');
    // The verdict column holds "misleading" (built in); relabel it with the table editor.
    await page.getByRole('button', { name: 'Add a label' }).click();
    await page.getByLabel('Label 1', { exact: true }).fill('misleading');
    await page.getByLabel('Status for label 1', { exact: true }).selectOption('refuted');
    await page.getByLabel('Prior for label 1', { exact: true }).fill('0.15');
    await page.getByRole('button', { name: 'Dry run' }).click();
    const dry = page.getByRole('region', { name: 'Dry run report' });
    await expect.poll(() => dry.innerText()).toMatch(/Would add\s*3 claims, 2 sources, 3 evidence/);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = page.getByRole('region', { name: 'Import report' });
    await expect.poll(() => done.innerText()).toMatch(/Added\s*3 claims, 2 sources, 3 evidence/);
    await navButton(page, 'Claims').click();
    await expect.poll(() => page.getByRole('main').innerText()).toContain('DeepSeek trained V3 for about USD 6 million.');
    expect(app.watch.errors).toEqual([]);
  });
});
