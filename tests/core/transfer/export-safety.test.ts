/**
 * Exports a reader opens (issues 11.6, 12.6, 12.8): a bidi/zero-width payload in every field appears in
 * no CSV, CSL-JSON, ClaimReview or Markdown export as a live control, and the text reads in the order
 * it was typed (the controls shown as <U+XXXX> markers); the JSON export stays an exact backup.
 * ClaimReview embedded in <script type="application/ld+json"> in real Chromium runs nothing and
 * JSON.parse of the script text gives back the exact data. A lone CR injects no Markdown heading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../cli/briefing/pdf';
import { EXPORT_FORMATS, type ExportFormat } from '../../../core/transfer/types';
import { tempCase, type TestCase } from '../../helpers';

// Right-to-left override, isolates, marks, zero-width space, word joiner, BOM, Arabic letter mark.
const RLO = '\u202e';
const LIVE = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff\u061c]/;
/** "claimed by Mallory" typed so that it displays as "claimed by yrollaM" … when the control is obeyed. */
const spoof = (field: string) => `${field} claimed by ${RLO}yrollaM\u2066x\u2069\u200by\u2060z\ufeff\u061c end`;
const shown = (field: string) => `${field} claimed by <U+202E>yrollaM<U+2066>x<U+2069><U+200B>y<U+2060>z<U+FEFF><U+061C> end`;

let t: TestCase;
let files: Record<ExportFormat, string>;
beforeAll(() => {
  t = tempCase();
  t.api.invoke('settings.update', { caveat: spoof('caveat'), analystName: spoof('analyst') });
  const claim = t.api.invoke('claims.create', {
    text: `${spoof('text')} </script><script>window.__pwned = 1</script> <!-- & \u2028\u2029 tail`,
    claimant: spoof('claimant'),
    context: spoof('context'),
    notes: spoof('notes'),
    tags: [spoof('tag')],
  });
  t.api.invoke('claims.setStatus', { id: claim.id, status: 'refuted', rationale: spoof('rationale'), outcome: null });
  const source = t.api.invoke('sources.create', {
    title: spoof('title'),
    publisher: spoof('publisher'),
    authors: [spoof('author')],
    notes: spoof('source notes'),
    url: 'https://example.org/a',
  });
  t.api.invoke('evidence.create', { claimId: claim.id, sourceId: source.id, stance: 'refutes', excerpt: spoof('excerpt'), locator: 'p. 1', note: spoof('note') });
  t.api.invoke('disputes.open', { claimId: claim.id, position: spoof('position'), raisedBy: spoof('raiser') });
  files = Object.fromEntries(EXPORT_FORMATS.map((f) => [f, t.api.invoke('transfer.export', { format: f }).content])) as Record<ExportFormat, string>;
});
afterAll(() => t.close());

describe('no live bidi or invisible control in any export a person reads', () => {
  const expected: Record<Exclude<ExportFormat, 'json'>, string[]> = {
    csv: ['text', 'claimant', 'context', 'notes', 'tag', 'rationale'],
    'csl-json': ['title', 'publisher', 'author', 'source notes'],
    claimreview: ['text', 'claimant', 'analyst', 'rationale'],
    md: ['caveat', 'text', 'claimant', 'rationale', 'tag', 'title', 'excerpt', 'raiser', 'position'],
  };
  for (const [format, fields] of Object.entries(expected) as [Exclude<ExportFormat, 'json'>, string[]][])
    it(`${format}: every field shows its controls as markers, in typed order`, () => {
      // The CSV starts with a byte-order mark (U+FEFF) on purpose: a file marker, not case text.
      const content = format === 'csv' ? files[format].replace(/^\ufeff/, '') : files[format];
      if (format === 'csv') expect(files[format].startsWith('\ufeff')).toBe(true);
      expect(content).not.toMatch(LIVE);
      // What a reader sees: the parsed values (JSON formats) or the Markdown-escaped text; logical order = visible order.
      const visible =
        format === 'md' ? content : format === 'csv' ? content : JSON.stringify(JSON.parse(content));
      const inFormat = (x: string) => (format === 'md' ? x.replace(/[<>+]/g, (c) => `\\${c}`) : x);
      for (const f of fields) expect(visible, `${format} ${f}`).toContain(inFormat(shown(f)));
    });

  it('json stays the exact backup: the controls are kept as stored', () => {
    const doc = JSON.parse(files.json) as { claims: { claimant: string }[]; case: { settings: { caveat: string } } };
    expect(doc.claims[0]!.claimant).toBe(spoof('claimant'));
    expect(doc.case.settings.caveat).toBe(spoof('caveat'));
  });
});

describe('ClaimReview JSON-LD cannot break out of its <script>', () => {
  it('escapes <, >, & and U+2028/U+2029, and JSON.parse gives back the exact data', () => {
    const text = files.claimreview;
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    const doc = JSON.parse(text) as { '@graph': { claimReviewed: string }[] };
    expect(doc['@graph'][0]!.claimReviewed).toBe(`${shown('text')} </script><script>window.__pwned = 1</script> <!-- & \u2028\u2029 tail`);
  });

  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => browser?.close());

  it('embedded in a page in Chromium: no script runs, the script text parses to the export', async () => {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    const html = `<!doctype html><html><head><meta charset="utf-8"><script type="application/ld+json">${files.claimreview}</script></head><body><p id="after">after</p></body></html>`;
    await page.setContent(html, { waitUntil: 'load' });
    await expect.poll(() => page.locator('#after').count()).toBe(1);
    const state = (await page.evaluate(`({
      pwned: window.__pwned ?? null,
      scripts: document.scripts.length,
      text: document.querySelector('script[type="application/ld+json"]').textContent,
    })`)) as { pwned: number | null; scripts: number; text: string };
    expect(state.pwned).toBeNull();
    expect(state.scripts).toBe(1);
    expect(JSON.parse(state.text)).toEqual(JSON.parse(files.claimreview));
    await context.close();
  }, 60_000);
});

describe('Markdown export line endings', () => {
  it('a lone CR, CRLF, NEL or U+2028 in case text starts no heading, list item or block', () => {
    const c = tempCase();
    c.api.invoke('claims.create', { text: 'Benign\r# Injected heading\r\n## Two\u0085### Three\u2028- item\u2029> quote' });
    const md = c.api.invoke('transfer.export', { format: 'md' }).content;
    c.close();
    expect(md).not.toMatch(/[\r\u0085\u2028\u2029]/);
    expect(md).toContain('## Benign \\# Injected heading \\#\\# Two \\#\\#\\# Three - item \\> quote');
    expect(md.split('\n').filter((l) => /^#/.test(l))).toEqual(['# ClaimTrail case', '## Benign \\# Injected heading \\#\\# Two \\#\\#\\# Three - item \\> quote']);
  });
});
