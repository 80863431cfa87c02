/** Pure renderer logic: paging, chart geometry, URL safety, tags, event text, token handling, fuzzy matches. */
import { describe, expect, it } from 'vitest';
import { plotPoints, stepPath } from '../../renderer/src/lib/chart';
import { eventChanges, eventTitle } from '../../renderer/src/lib/events';
import { claimMatcher, FULL_FUZZY_UP_TO, paletteIndex, searchPalette, similarClaims } from '../../renderer/src/lib/fuzzy';
import { missingPages, pageOf, rowAt } from '../../renderer/src/lib/pages';
import { parseTags } from '../../renderer/src/lib/tags';
import { takeLaunchCode } from '../../renderer/src/lib/token';
import { openableUrl } from '../../renderer/src/lib/url';

describe('pages', () => {
  it('asks only for pages in range that are neither loaded nor loading', () => {
    const have = new Set([0, 2]);
    expect(missingPages(150, 650, 10_000, (p) => have.has(p), 200)).toEqual([1, 3]);
    expect(missingPages(0, 50, 0, () => false)).toEqual([]);
    expect(missingPages(9_990, 10_500, 10_000, () => false, 200)).toEqual([49]);
    expect(missingPages(10, 5, 100, () => false)).toEqual([]);
  });
  it('finds a row by absolute index', () => {
    const pages = { 1: ['a', 'b'] };
    expect(pageOf(3, 2)).toBe(1);
    expect(rowAt(pages, 3, 2)).toBe('b');
    expect(rowAt(pages, 0, 2)).toBeUndefined();
  });
});

describe('confidence chart geometry', () => {
  const box = { width: 100, height: 100, pad: 10 };
  it('maps probability to height and time to width', () => {
    const pts = plotPoints(
      [
        { at: '2025-01-01T00:00:00Z', probability: 0.5, computed: 0.5 },
        { at: '2025-01-03T00:00:00Z', probability: 1, computed: 0.8 },
        { at: '2025-01-02T00:00:00Z', probability: 0, computed: 0 },
      ],
      box,
    );
    expect(pts.map((p) => [p.x, p.y])).toEqual([
      [10, 50],
      [90, 10],
      [50, 90],
    ]);
  });
  it('spreads points of one instant evenly and draws steps to the right edge', () => {
    const same = '2025-01-01T00:00:00Z';
    const pts = plotPoints([{ at: same, probability: 0.5, computed: 0.5 }, { at: same, probability: 0.75, computed: 0.5 }], box);
    expect(pts.map((p) => p.x)).toEqual([10, 90]);
    expect(stepPath(pts, 90)).toBe('M10.0,50.0 H90.0 V30.0 H90.0');
    expect(plotPoints([], box)).toEqual([]);
    expect(stepPath([], 90)).toBe('');
  });
});

describe('external addresses', () => {
  it('opens only parsed http(s) addresses', () => {
    expect(openableUrl('https://example.test/a?b=1')).toBe('https://example.test/a?b=1');
    expect(openableUrl('  http://example.test ')).toBe('http://example.test/');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>x</script>', 'mailto:a@b.c', 'doi:10.1/x', 'not a url', '', null, undefined])
      expect(openableUrl(bad)).toBeNull();
  });
});

describe('tags and tokens', () => {
  it('splits tags on commas, trims and drops case-insensitive duplicates', () => {
    expect(parseTags(' chips, Chips ,, export controls,')).toEqual(['chips', 'export controls']);
  });
  it('takes the launch code out of the address and keeps the rest', () => {
    expect(takeLaunchCode('http://127.0.0.1:5/?launch=abc&x=1#h')).toEqual({ code: 'abc', cleanUrl: 'http://127.0.0.1:5/?x=1#h' });
    expect(takeLaunchCode('http://127.0.0.1:5/')).toEqual({ code: null, cleanUrl: 'http://127.0.0.1:5/' });
  });
});

describe('history text', () => {
  it('names known events and lists what changed', () => {
    expect(eventTitle('dispute.opened')).toBe('Dispute opened');
    expect(eventTitle('something.new_kind')).toBe('something new kind');
    expect(eventChanges({ payload: { before: { status: 'unverified', probability: 0.5 }, after: { status: 'disputed', probability: 0.71 } } })).toBe(
      'status: unverified → disputed; probability: 50% → 71%',
    );
    expect(eventChanges({ payload: { after: { x: 1 } } })).toBe('');
    expect(eventChanges({ payload: { before: { outcome: null, status: 'mixed' }, after: { outcome: null, status: 'refuted' } } })).toBe('status: mixed → refuted');
  });
});

describe('fuzzy matching', () => {
  const claims = [
    { id: '1', text: 'DeepSeek trained only on H800 and H20 chips' },
    { id: '2', text: "DeepSeek-V3's training cost about USD6mn in compute" },
    { id: '3', text: 'Washington must remain the global leader in AI' },
  ];
  it('warns about a similar claim while typing, not about unrelated text', () => {
    const match = claimMatcher(claims);
    expect(similarClaims(match, 'DeepSeek trained only on H800 chips').map((c) => c.id)).toEqual(['1']);
    expect(similarClaims(match, 'Bananas are an excellent source of potassium')).toEqual([]);
    expect(similarClaims(match, 'short')).toEqual([]);
  });
  it('quick-open finds claims and sources by approximate title', () => {
    const fuse = paletteIndex([
      ...claims.map((c) => ({ kind: 'claim' as const, id: c.id, title: c.text, detail: '' })),
      { kind: 'source', id: 's1', title: 'Reuters: Nvidia shares fall', detail: 'Reuters' },
    ]);
    expect(searchPalette(fuse, 'nvdia shares')[0]?.id).toBe('s1');
    expect(searchPalette(fuse, 'training cost')[0]?.id).toBe('2');
    expect(searchPalette(fuse, '   ')).toEqual([]);
  });
  it('tolerates typos that share no whole word on small sets', () => {
    expect(searchPalette(paletteIndex([{ kind: 'source', id: 's', title: 'Washington Post', detail: '' }]), 'washingtn')[0]?.id).toBe('s');
  });
  it('narrows large sets to items sharing words, and still ranks the closest first', () => {
    const n = FULL_FUZZY_UP_TO + 5_000;
    const many = Array.from({ length: n }, (_, i) => ({ id: String(i), text: `Generated claim number ${i} about chip supply` }));
    many.push({ id: 'x', text: 'DeepSeek trained only on H800 and H20 chips' });
    const match = claimMatcher(many);
    expect(match('claim number 24242', 3).map((r) => r.item.id)).toContain('24242');
    expect(similarClaims(match, 'DeepSeek trained only on H800 chips').map((c) => c.id)).toEqual(['x']);
    expect(match('zzzz qqqq', 3)).toEqual([]);
  });
});
