/**
 * The query plans of search's own FTS queries (docs/performance.md, "The fixed cost of a search"):
 * each group's first pass must let FTS5 yield rows in rank order (no sort of every match), also
 * now that the documents group joins each found page's capture and source inside that query. The
 * statements are those the search really prepared (a spy that passes every call through).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rawCaptureSink } from '../../bench/gen/documents';
import { get, sql } from '../../db/sql';
import { tempCase, type TestCase } from '../helpers';

let t: TestCase;

beforeAll(() => {
  t = tempCase();
  const src = t.api.invoke('sources.create', { title: 'Wire on turbines', reliability: 'B' });
  const claim = t.api.invoke('claims.create', { text: 'Turbines were exempt from the tariff' });
  t.api.invoke('evidence.create', { claimId: claim.id, sourceId: src.id, stance: 'refutes', credibility: 2, excerpt: 'The tariff on turbines stands' });
  const rowid = get<{ rowid: number }>(t.handle.db, sql`SELECT rowid FROM sources WHERE id = ${src.id}`)!.rowid;
  t.handle.db.transaction(() => rawCaptureSink(t.handle.db).capture(rowid, { pages: ['The tariff on turbines.', 'More on the tariff.'], capturedAt: '2026-11-02T10:00:00.000Z' }))();
});

afterAll(() => t.close());

/** The SQL texts a search prepares (a fresh query shape, so none is cached yet). */
function preparedBy(q: string, limit: number): string[] {
  const spy = vi.spyOn(t.handle.db, 'prepare');
  try {
    const r = t.api.invoke('search.query', { q, limit });
    expect(r.total).toBeGreaterThan(0);
    return spy.mock.calls.map((c) => String(c[0]));
  } finally {
    spy.mockRestore();
  }
}

const plan = (text: string, params: number) =>
  t.handle.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...Array.from({ length: params }, () => '"tariff"')) as { detail: string }[];

describe('search query plans', () => {
  it('ranks inside FTS5 for every group, the documents join included: no sort, one-row lookups after the FTS table', () => {
    const texts = preparedBy('tariff', 17).filter((s) => /_fts MATCH \? .*ORDER BY rank/s.test(s));
    const tables = texts.map((s) => /FROM (\w+_fts)/.exec(s)![1]);
    expect(new Set(tables)).toEqual(new Set(['claims_fts', 'evidence_fts', 'sources_fts', 'disputes_fts', 'capture_pages_fts']));
    for (const text of texts) {
      const steps = plan(text, (text.match(/\?/g) ?? []).length).map((p) => p.detail);
      expect(steps.join('\n'), text).not.toMatch(/TEMP B-TREE/);
      expect(steps[0], text).toMatch(/^SCAN \w+_fts VIRTUAL TABLE/);
    }
    const documents = texts.find((s) => s.includes('FROM capture_pages_fts'))!;
    expect(documents).toMatch(/CROSS JOIN capture_pages cp/);
    const steps = plan(documents, (documents.match(/\?/g) ?? []).length).map((p) => p.detail);
    for (const alias of ['cp', 'k', 's']) expect(steps).toContain(`SEARCH ${alias} USING INTEGER PRIMARY KEY (rowid=?)`);
  });
});
