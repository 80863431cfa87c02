/** The import wizard and export in a real Chromium over web mode: file → preview → dry run → import; export downloads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Download } from 'playwright-core';
import { checkStatement } from '../../db/signing';
import { useApp } from './harness';

const LIAR = join(__dirname, '../../../shared/data/liar/train.tsv');
const app = useApp({ sample: true });

describe('Import / Export view', () => {
  it('imports LIAR rows through preview and dry run, refuses a bad file naming the line, and exports JSON', async () => {
    const page = app.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import / Export' }).click();
    const rows = `${readFileSync(LIAR, 'utf8').split('\n').slice(0, 300).join('\n')}\n`;
    await page.getByLabel('Import file').setInputFiles({ name: 'liar.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(rows) });
    await page.getByLabel('Column mapping').fill('1=ref,2=label,3=text,4=tags,5=claimant,14=context');
    await page.getByLabel('First row is a header').uncheck();
    await page.getByRole('button', { name: 'Preview' }).click();
    const table = page.getByRole('table', { name: 'First rows' });
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    await expect.poll(() => table.getByRole('columnheader').nth(2).innerText()).toMatch(/→ text/);
    await expect.poll(() => page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Dry run' }).click();
    const dry = page.getByRole('region', { name: 'Dry run report' });
    await expect.poll(() => dry.innerText()).toMatch(/Would add\s*300 claims/);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = page.getByRole('region', { name: 'Import report' });
    await expect.poll(() => done.innerText()).toMatch(/Added\s*300 claims/);

    await page.getByLabel('Import file').setInputFiles({ name: 'bad.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(`${rows}x\tfalse\tshort\n`) });
    await page.getByRole('button', { name: 'Dry run' }).click();
    const errors = page.getByRole('list', { name: 'Import errors' });
    await expect.poll(() => errors.innerText()).toMatch(/bad\.tsv, line 301, field row: has 3 fields, expected 14/);

    await page.getByLabel('Export format').selectOption('json');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export and download' }).click()]);
    expect(dl.suggestedFilename()).toMatch(/\.claimtrail\.json$/);
    const exported = JSON.parse(readFileSync((await dl.path())!, 'utf8')) as { claims: unknown[] };
    expect(exported.claims.length).toBeGreaterThanOrEqual(300);
    expect(checkStatement((exported as unknown as { signedHead: unknown }).signedHead).ok).toBe(true);

    // CSV cannot hold the signed head: it is downloaded beside it as FILE.sig.json.
    await page.getByLabel('Export format').selectOption('csv');
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByRole('button', { name: 'Export and download' }).click();
    await expect.poll(() => downloads.length).toBe(2);
    const [csv, sig] = downloads;
    expect(sig!.suggestedFilename()).toBe(`${csv!.suggestedFilename()}.sig.json`);
    expect(checkStatement(JSON.parse(readFileSync((await sig!.path())!, 'utf8'))).ok).toBe(true);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'signed history head' }).count()).toBe(1);
    expect(app.watch.dialogs).toEqual([]);
    expect(app.watch.errors).toEqual([]);
    // Two imports, two signed exports and their downloads: over a minute on a loaded 2-core machine (seen in CI).
  }, 180_000);
});
