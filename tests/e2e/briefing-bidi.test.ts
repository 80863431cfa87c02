/**
 * Bidi controls and zero-width characters in a briefing, rendered by Debian's Chromium: the HTML
 * export's visible text (innerText, as a reader sees it) and the PDF printed from it (pdftotext)
 * show every payload as markers in logical order and obey none of them (issue 11.6).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdf } from '../../cli/briefing/pdf';
import { bidiCase, FIELDS, LIVE, SHOWN } from '../core/briefing/bidi-case';
import { sampleCase } from '../core/briefing/fixtures';
import { tempDir } from '../helpers';
import { launchChromium } from './harness';

const { c, input } = bidiCase();
const html = c.api.invoke('briefings.render', { ...input, format: 'html' });
c.close();
const sample = sampleCase();
sample.api.invoke('settings.update', { caveat: 'Internal use only' });
const chips = sample.api.invoke('briefings.render', { selection: { query: 'chips' }, format: 'html' });
const head = sample.api.invoke('history.verify', {});
sample.close();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('a briefing with bidi and zero-width payloads, in Chromium', () => {
  it('HTML: the visible text shows every field’s payload as markers, in order, with no live control', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setContent(html.content, { waitUntil: 'load' });
    const text = await page.locator('body').innerText();
    const title = await page.title();
    await context.close();
    expect(text).not.toMatch(LIVE);
    expect(title).toBe(`Title ${SHOWN}`);
    for (const f of FIELDS) expect(text, f).toContain(`${f} ${SHOWN}`);
  });

  it('PDF: the printed text shows every field’s payload as markers, in order, with no live control', async () => {
    const file = join(tempDir(), 'bidi.pdf');
    writeFileSync(file, await htmlToPdf(html.content, html.print));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).not.toMatch(LIVE);
    for (const f of FIELDS) expect(text, f).toContain(`${f} ${SHOWN}`);
  });
});

describe('the HTML briefing in Chromium: caveat and provenance', () => {
  it('shows the caveat first and last and the history head the note was made from', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setContent(chips.content, { waitUntil: 'load' });
    const lines = (await page.locator('body').innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
    await context.close();
    expect(lines[1]).toBe('INTERNAL USE ONLY');
    expect(lines.at(-1)).toBe('INTERNAL USE ONLY');
    expect(lines.at(-2)).toBe(`History head ${head.headHash} (${head.events} events).`);
    expect(chips.print!.footerTemplate).toContain(`History head ${head.headHash} (${head.events} events).`);
    expect(chips.print!.footerTemplate).toContain('<span class="pageNumber"></span>');
  });
});
