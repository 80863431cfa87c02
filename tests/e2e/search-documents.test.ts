/**
 * The Documents group of the Search view in a real Chromium (issue 13): a hit in a captured document
 * names the source, the capture time and the page, marks the match in its snippet, shows hostile text
 * as text, and opens the document viewer scrolled to that page.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawCaptureSink } from '../../bench/gen/documents';
import { get, sql } from '../../db/sql';
import { artifactPath, useApp } from './harness';
import { navButton } from './nav';

const TITLE = 'Harbour master report';
const app = useApp({
  sample: true,
  prepare(tc) {
    const s = tc.api.invoke('sources.create', { title: TITLE, publisher: 'Port authority', reliability: 'B' });
    const rowid = get<{ rowid: number }>(tc.handle.db, sql`SELECT rowid FROM sources WHERE id = ${s.id}`)!.rowid;
    const pages = [
      // A long first page: page 2 starts far below the fold unless the viewer scrolls to it.
      Array.from({ length: 200 }, (_, i) => `Preface line ${i + 1} on shipping.`).join('\n'),
      'The harbour master logged forty tankers <img src=x onerror="window.__pwned=1"> at anchor on Monday.',
      'Annex: no vessels listed.',
    ];
    tc.handle.db.transaction(() => rawCaptureSink(tc.handle.db).capture(rowid, { pages, capturedAt: '2026-11-02T10:15:30.000Z' }))();
  },
});
let page: Page;
beforeAll(() => {
  page = app.page;
});

const nav = (name: string) => navButton(page, name);

describe('search view: documents group', () => {
  it('shows a document hit with source, capture time, page and the match marked, and opens the document at that page', async () => {
    await nav('Search').click();
    await page.getByLabel('Search the case').fill('tankers');
    const docs = page.getByRole('region', { name: 'Documents results' });
    const hit = docs.locator('li.hit').first();
    await expect.poll(() => hit.getByRole('button').first().innerText()).toBe(`${TITLE} (B)`);
    const facts = async () => (await hit.locator('.hit-facts').innerText()).replace(/\s+/g, ' ');
    await expect.poll(facts).toBe('captured 2026-11-02 10:15 UTC · page 2 of 3');
    await expect.poll(() => hit.locator('blockquote mark').allInnerTexts()).toEqual(['tankers']);
    // Text in a document is shown as text: the tag is visible, nothing ran.
    await expect.poll(() => hit.locator('blockquote').innerText()).toContain('<img src=x onerror=');
    expect(await hit.locator('img').count()).toBe(0);
    expect(await page.evaluate<unknown>('window.__pwned')).toBeUndefined();
    await page.screenshot({ path: artifactPath('search-documents.png'), fullPage: true });
    await hit.getByRole('button', { name: `${TITLE} (B)` }).click();
    await expect.poll(() => page.locator('#document-title').innerText()).toContain(TITLE);
    // The viewer opened on the hit's capture, scrolled to its page.
    const page2 = page.getByRole('region', { name: 'Page 2' });
    await expect.poll(() => page2.innerText()).toContain('tankers');
    // The text scrolls inside its own box: past the 200 lines of page 1, with page 2 inside the visible box.
    const text = page.getByRole('document', { name: 'Captured text' });
    const page2Shown = async () => {
      const [box, inner] = await Promise.all([text.boundingBox(), page2.boundingBox()]);
      return !!box && !!inner && inner.y >= box.y - 1 && inner.y < box.y + box.height;
    };
    await expect.poll(page2Shown).toBe(true);
    await expect.poll(() => text.evaluate((el) => (el as { scrollTop: number }).scrollTop)).toBeGreaterThan(1000);
  });

  it('in:documents shows only the documents group; in:claims leaves it out', async () => {
    await nav('Search').click();
    await page.getByLabel('Search the case').fill('harbour in:documents');
    await expect.poll(() => page.getByRole('region', { name: 'Documents results' }).locator('li.hit').count()).toBe(1);
    await expect.poll(() => page.getByRole('region', { name: /results$/ }).count()).toBe(1);
    await page.getByLabel('Search the case').fill('harbour in:sources');
    await expect.poll(() => page.getByRole('region', { name: 'Sources results' }).locator('li.hit').count()).toBe(1);
    await expect.poll(() => page.getByRole('region', { name: 'Documents results' }).count()).toBe(0);
  });
});
