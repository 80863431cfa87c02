/**
 * The query plans of `claims.list` (docs/performance.md, "The claim list at a million claims"): for
 * every sort the list offers at scale, both directions, and every filter, the statements listClaims
 * really runs (`listClaimsSql`, the one builder it uses) are planned with EXPLAIN QUERY PLAN. A page
 * over many matches must be read in order from the sort's index (no sort of the matches, no scan of
 * the table); a page over few matches (≤ LIST_SMALL_SET) through the filter's index, then sorted;
 * the counts of the status and band filters from a covering index. A plan regression fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { claimListInput } from '../../core/contract/claims';
import { BAND_RANGE, BANDS, bandOf } from '../../core/estimative';
import { LIST_SMALL_SET, listClaimsSql } from '../../db/repos/claims';
import { get, sql, type Sql } from '../../db/sql';
import { tempCase, type TestCase } from '../helpers';

let t: TestCase;
let tagRowid: number;

beforeAll(() => {
  t = tempCase();
  for (let i = 0; i < 6; i++) {
    const c = t.api.invoke('claims.create', { text: `Claim ${i} about the tariff`, tags: i % 2 ? ['economy'] : ['health'], prior: 0.1 + i / 10 });
    if (i % 3 === 0) t.api.invoke('claims.setStatus', { id: c.id, status: 'under review' });
  }
  t.api.invoke('claims.create', { text: 'An opinion', kind: 'not-checkable', kindRationale: 'a matter of taste' });
  const trashed = t.api.invoke('claims.create', { text: 'A deleted claim about the economy', tags: ['economy'] });
  t.api.invoke('claims.delete', { id: trashed.id });
  tagRowid = get<{ rowid: number }>(t.handle.db, sql`SELECT rowid FROM tags WHERE name = 'economy'`)!.rowid;
});

afterAll(() => t.close());

const plan = (s: Sql): string[] =>
  (t.handle.db.prepare(`EXPLAIN QUERY PLAN ${s.text}`).all(...s.values) as { detail: string }[]).map((p) => p.detail);

const SORT_INDEX = { updated: 'claims_live_updated', created: 'claims_live_created', text: 'claims_live_text' } as const;
const indexOf = (sort: keyof typeof SORT_INDEX | 'probability', direction: 'asc' | 'desc') =>
  sort === 'probability' ? `claims_live_p_${direction}` : SORT_INDEX[sort];

/** `tag: 'big'`: a tag of more claims than LIST_SMALL_SET (its size is what listClaims reads with the rowid). */
const FILTERS: Record<string, { status?: string[]; band?: string[]; tag?: true | 'big' }> = {
  none: {},
  status: { status: ['under review'] },
  'two statuses': { status: ['under review', 'unverified'] },
  band: { band: ['likely', 'very likely'] },
  tag: { tag: true },
  'status + tag': { status: ['unverified'], tag: true },
  'status + band + tag': { status: ['unverified'], band: ['roughly even chance'], tag: true },
  'status + big tag': { status: ['unverified'], tag: 'big' },
  'band + big tag': { band: ['likely'], tag: 'big' },
};
const tagOf = (f: (typeof FILTERS)[string]) => (f.tag ? { rowid: tagRowid, claims: f.tag === 'big' ? LIST_SMALL_SET + 1 : 3 } : null);

const query = (sort: string, direction: string, f: (typeof FILTERS)[string]) =>
  claimListInput.parse({ limit: 100, sort, direction, status: f.status, band: f.band }) as z.output<typeof claimListInput>;

describe('claims.list query plans', () => {
  for (const sort of ['updated', 'created', 'probability', 'text'] as const)
    for (const direction of ['asc', 'desc'] as const)
      for (const [name, f] of Object.entries(FILTERS))
        it(`${sort} ${direction}, filter ${name}`, () => {
          const statements = listClaimsSql(query(sort, direction, f), tagOf(f));
          const filtered = name !== 'none';
          // Many matches: in order from the sort's index, never a sort, never a scan of the table.
          const large = plan(statements.page(LIST_SMALL_SET + 1));
          expect(large.join('\n'), statements.page(LIST_SMALL_SET + 1).text).not.toMatch(/TEMP B-TREE/);
          // By probability within a band: only the band's range of the index (its leading expression held equal).
          const range = sort === 'probability' && f.band ? ' AND <expr>=? AND probability>? AND probability<?' : '';
          expect(large[0]).toBe(`SEARCH c USING INDEX ${indexOf(sort, direction)} (deleted_at=?${range})`);
          expect(large.join('\n')).not.toMatch(/^SCAN c\b/m);
          if (f.tag) expect(large.join('\n')).toMatch(/SEARCH ct USING (COVERING INDEX claim_tags_tag|PRIMARY KEY) \(/);
          // Few matches: through the filter's index; the sort is of at most LIST_SMALL_SET rows.
          const small = plan(statements.page(LIST_SMALL_SET));
          expect(small.join('\n')).not.toMatch(/^SCAN c\b/m);
          if (filtered) expect(small.join('\n')).not.toMatch(new RegExp(`USING INDEX ${indexOf(sort, direction)} \\(deleted_at=\\?\\)$`, 'm'));
          // The count: a covering index for status and band, one lookup per tagged claim for a tag.
          const count = plan(statements.count).join('\n');
          expect(count).not.toMatch(/^SCAN c\b/m);
          if (!f.tag) expect(count).toMatch(/^SEARCH c USING COVERING INDEX claims_live_\w+ \(deleted_at=\?/m);
          // Beside a status or band filter, a big tag is probed per claim of the status/band index range.
          if (f.tag === 'big') expect(count).toMatch(/^SEARCH c USING COVERING INDEX claims_live_\w+ \(deleted_at=\?[^\n]*\n.*SEARCH ct EXISTS USING PRIMARY KEY \(claim_rowid=\? AND tag_rowid=\?\)/s);
          if (f.tag === 'big') expect(small[0]).toMatch(/^SEARCH c USING INDEX claims_live_(status|band) \(deleted_at=\?/);
          if (f.tag === true && name !== 'tag') expect(count).toMatch(/^SEARCH ct USING COVERING INDEX claim_tags_tag \(tag_rowid=\?\)\nSEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/);
          if (f.tag === true && name !== 'tag') expect(small[0]).toBe(count.split('\n')[0]);
          // A tag alone: its index range, less its claims in the trash; no lookup of the live claims' rows.
          if (name === 'tag') expect(count).toMatch(/SEARCH claim_tags USING COVERING INDEX claim_tags_tag \(tag_rowid=\?\)[\s\S]*SEARCH c USING COVERING INDEX claims_live_\w+ \(deleted_at>\?\)\n.*SEARCH ct USING PRIMARY KEY/);
          if (name === 'tag') expect(small[0]).toBe('SEARCH ct USING COVERING INDEX claim_tags_tag (tag_rowid=?)');
        });

  it('the plans are those of a real list: same pages and totals in both drives', () => {
    const q = query('probability', 'desc', { status: ['under review', 'unverified'] });
    const s = listClaimsSql(q, null);
    const total = get<{ n: number }>(t.handle.db, s.count)!.n;
    const ids = (x: Sql) => (t.handle.db.prepare(x.text).all(...x.values) as { id: string }[]).map((r) => r.id);
    expect(total).toBe(7);
    expect(ids(s.page(LIST_SMALL_SET + 1))).toEqual(ids(s.page(0)));
    const listed = t.api.invoke('claims.list', { sort: 'probability', direction: 'desc', status: ['under review', 'unverified'] });
    expect(listed.items.map((c) => c.id)).toEqual(ids(s.page(0)));
    expect(listed.items.at(-1)!.kind).toBe('not-checkable');
    for (const direction of ['asc', 'desc'] as const) {
      const b = listClaimsSql(query('probability', direction, { band: ['unlikely', 'roughly even chance', 'likely'] }), null);
      expect(ids(b.page(LIST_SMALL_SET + 1))).toEqual(ids(b.page(0)));
      expect(ids(b.page(0)).length).toBe(get<{ n: number }>(t.handle.db, b.count)!.n);
    }
    for (const claims of [1, LIST_SMALL_SET + 1]) {
      const st = listClaimsSql(query('text', 'asc', { status: ['unverified'] }), { rowid: tagRowid, claims });
      expect(get<{ n: number }>(t.handle.db, st.count)!.n).toBe(2);
      expect(ids(st.page(0))).toEqual(ids(st.page(LIST_SMALL_SET + 1)));
    }
    const tagged = t.api.invoke('claims.list', { tag: 'economy' });
    expect(tagged.total).toBe(3);
    expect(tagged.items.map((c) => c.id)).toEqual(ids(listClaimsSql(query('updated', 'desc', {}), { rowid: tagRowid, claims: 4 }).page(0)));
    const asc = t.api.invoke('claims.list', { sort: 'probability', direction: 'asc' });
    expect(asc.items.at(-1)!.kind).toBe('not-checkable');
    expect(asc.items[0]!.probability).toBeLessThan(asc.items[1]!.probability!);
  });

  it("each band's range holds every probability of the band (bandOf), so the range read loses none", () => {
    expect(Object.keys(BAND_RANGE)).toEqual([...BANDS]);
    for (let i = 0; i <= 10_000; i++) {
      const p = i / 10_000;
      const [lo, hi] = BAND_RANGE[bandOf(p)];
      expect(p >= lo && p <= hi, `${p} in ${bandOf(p)}`).toBe(true);
    }
  });
});
