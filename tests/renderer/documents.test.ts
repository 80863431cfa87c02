/** The document viewer's pure logic: pages and runs with offsets, control markers, highlight, bytes. */
import { describe, expect, it } from 'vitest';
import type { CapturePage, QuoteAnchor } from '../../core/types';
import { formatBytes, fromBase64, isPdf, isShownImage, toBase64 } from '../../renderer/src/lib/documents/bytes';
import { captureOrigin, capturedTime, newestFirst } from '../../renderer/src/lib/documents/format';
import { anchorWords, quoteInCapture } from '../../renderer/src/lib/documents/highlight';
import { layoutText, pageAt, pageSpans, type PageBlock } from '../../renderer/src/lib/documents/segments';

const PAGE1 = 'First page, with a quote here.';
const PAGE2 = 'Second page: the end.';
const TEXT = `${PAGE1}\n\n${PAGE2}`;
const PAGES: CapturePage[] = [
  { page: 1, start: 0, length: PAGE1.length },
  { page: 2, start: PAGE1.length + 2, length: PAGE2.length },
];

/** What the source text of a block's runs is (markers replaced by the characters they stand for). */
const sourceOf = (text: string, b: PageBlock) => b.runs.map((r) => text.slice(r.at, r.at + r.length)).join('');

describe('layoutText', () => {
  it('cuts the whole text into its pages, the runs covering each page exactly', () => {
    const blocks = layoutText(TEXT, PAGES, null);
    expect(blocks.map((b) => b.page)).toEqual([1, 2]);
    expect(blocks.map((b) => sourceOf(TEXT, b))).toEqual([PAGE1, PAGE2]);
    expect(blocks.flatMap((b) => b.runs).every((r) => !r.marked)).toBe(true);
  });

  it('marks exactly the highlighted span, also across a page boundary', () => {
    const start = TEXT.indexOf('a quote');
    const end = start + 'a quote'.length;
    const marked = layoutText(TEXT, PAGES, { start, end }).flatMap((b) => b.runs).filter((r) => r.marked);
    expect(marked.map((r) => r.shown).join('')).toBe('a quote');
    const across = { start: TEXT.indexOf('here.'), end: TEXT.indexOf(':') };
    const runs = layoutText(TEXT, PAGES, across).flatMap((b) => b.runs).filter((r) => r.marked);
    expect(runs.map((r) => r.shown)).toEqual(['here.', 'Second page']);
  });

  it('shows bidi and invisible controls as markers while keeping their source offsets', () => {
    const text = 'pay \u202Etxt.exe and\u200Bjoin';
    const [block] = layoutText(text, [], null);
    expect(block!.runs.map((r) => r.shown).join('')).toBe('pay <U+202E>txt.exe and<U+200B>join');
    expect(block!.runs.filter((r) => r.control).map((r) => [r.at, r.length])).toEqual([
      [4, 1],
      [16, 1],
    ]);
    expect(sourceOf(text, block!)).toBe(text);
    // No run shows a raw control character.
    expect(block!.runs.some((r) => /[\u202A-\u202E\u200B]/.test(r.shown))).toBe(false);
  });

  it('treats a text without page rows as one page, and an empty text as none', () => {
    expect(pageSpans('abc', [])).toEqual([{ page: 1, start: 0, end: 3 }]);
    expect(pageSpans('', [])).toEqual([]);
  });

  it('finds the page of an offset', () => {
    expect(pageAt(PAGES, 0)).toBe(1);
    expect(pageAt(PAGES, TEXT.indexOf('Second'))).toBe(2);
    expect(pageAt([], 10)).toBe(1);
  });
});

describe('quoteInCapture', () => {
  const anchor = (over: Partial<QuoteAnchor>): QuoteAnchor => ({
    status: 'exact',
    score: 1,
    captureId: 'c1',
    capturedAt: '2026-12-01T10:00:00Z',
    sha256: 'ab'.repeat(32),
    selectors: { exact: 'quote', prefix: 'a ', suffix: ' here', start: 19, end: 24, page: 1 },
    lostSince: null,
    ...over,
  });

  it('uses the anchor when it is in this capture', () => {
    const r = quoteInCapture({ excerpt: 'different words', anchor: anchor({}) }, 'c1', TEXT);
    expect(r.span).toEqual({ start: 19, end: 24 });
    expect(r.how).toContain('exact');
  });

  it('falls back to the excerpt as typed in another capture, and says when it is not there', () => {
    expect(quoteInCapture({ excerpt: 'the end', anchor: anchor({}) }, 'c2', TEXT).span).toEqual({ start: TEXT.indexOf('the end'), end: TEXT.indexOf('the end') + 7 });
    const missing = quoteInCapture({ excerpt: 'not in it', anchor: anchor({ status: 'not-found', selectors: null, lostSince: '2026-11-30T09:00:00Z' }) }, 'c2', TEXT);
    expect(missing.span).toBeNull();
    expect(missing.how).toBe('Not found as quoted in this capture. In the latest capture: not found; no longer in the source (captured 2026-11-30).');
  });

  it('never trusts selectors outside the text', () => {
    const bad = anchor({ selectors: { exact: 'x', prefix: '', suffix: '', start: 5, end: TEXT.length + 10, page: 1 } });
    expect(quoteInCapture({ excerpt: '', anchor: bad }, 'c1', TEXT).span).toBeNull();
  });

  it('words a close anchor with its score', () => {
    expect(anchorWords(anchor({ status: 'close', score: 0.874 }))).toBe('close (87%)');
  });
});

describe('bytes and labels', () => {
  it('round-trips every byte value through base64, also above one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    const b64 = toBase64(bytes);
    expect(b64).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(b64)).toEqual(bytes);
    expect(toBase64(new Uint8Array())).toBe('');
  });

  it('names sizes, types, times and origins', () => {
    expect([formatBytes(1), formatBytes(812), formatBytes(14_540), formatBytes(3 * 1024 * 1024)]).toEqual(['1 byte', '812 bytes', '14.2 KB', '3.0 MB']);
    expect([isPdf('application/PDF'), isShownImage('image/png'), isShownImage('image/svg+xml'), isShownImage('image/bmp'), isShownImage('text/html')]).toEqual([true, true, false, false, false]);
    expect(capturedTime('2026-12-01T23:17:51.123Z')).toBe('2026-12-01 23:17:51 UTC');
    const base = { origin: 'url', finalUrl: 'https://example.test/b', requestedUrl: 'https://example.test/a', fileName: null } as const;
    expect(captureOrigin(base as never)).toBe('https://example.test/b');
    expect(captureOrigin({ ...base, origin: 'file', fileName: 'brief.pdf' } as never)).toBe('brief.pdf');
    const list = [{ capturedAt: '2026-01-01T00:00:00Z' }, { capturedAt: '2026-03-01T00:00:00Z' }, { capturedAt: '2026-02-01T00:00:00Z' }];
    expect(newestFirst(list as never[]).map((c: { capturedAt: string }) => c.capturedAt.slice(5, 7))).toEqual(['03', '02', '01']);
  });
});
