/**
 * Fuzzed search queries (DESIGN §11: 0 SQLite errors): any string, including grammar-shaped noise
 * built from the search language's own operators and FTS5's, gives ok:true with a result.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../core/types';
import { rawCaptureSink } from '../../bench/gen/documents';
import { stress, tempCase, type TestCase } from '../helpers';

const RUNS = stress(2_000, 10_000);

const PIECES = [
  'H800', 'DeepSeek', 'chip', 'export', 'cost', 'training', 'GPU', 'ü', 'ß', 'e\u0301', 'Straße', '数据', 'ملف',
  '"', '""', '-', '--', '*', '**', 'OR', 'AND', 'NOT', 'NEAR', 'NEAR(', 'NEAR/2', '^', '(', ')', '[', ']', '{', '}',
  ':', 'text:', 'notes:', 'claims_fts:', 'rank:', 'status:', 'status:disputed', 'status:nope', 'tag:', 'tag:chips',
  'claimant:', 'claimant:"Sam', 'source:', 'source:reuters', 'grade:A-B', 'grade:Z', 'grade:', 'p:>0.8', 'p:0.4-0.6',
  'p:>>', 'p:1e308', 'p:NaN', 'p:-0', 'before:2025-02-30', 'before:', 'after:2025-01', 'after:x', 'is:disputed',
  'is:overridden', 'is:', 'in:documents', 'in:docs,claims', 'in:', 'in:nope', 'immigra*', '芯片*', '"芯片 H800"', '🦀', '👩‍👩‍👧', '\u202E', '\u0000', '\uD800', '\uDC00', "'", ';', "'; DROP TABLE claims; --",
  '%', '_', '\\', '\u3000', '\t', '\n', '\r\n', '\u00a0', '\ufeff',
];

/** Queries assembled from the language's own tokens, so that the parser's corners are visited. */
const grammarQuery = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom('', ' ', '  ', '\t')), { maxLength: 40 })
  .map((parts) => parts.map(([p, sep]) => p + sep).join(''));

const longQuery = fc
  .tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', '', ' OR ', '"'))
  .map(([p, sep]) => (p + sep).repeat(Math.ceil(10_000 / (p.length + sep.length))).slice(0, 10_000));

const anyQuery = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 3, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 6, arbitrary: grammarQuery },
  { weight: 1, arbitrary: longQuery },
);

const kinds = fc.option(fc.subarray(['claims', 'evidence', 'sources', 'disputes', 'documents'] as const), { nil: undefined });

let c: TestCase;
beforeAll(() => {
  c = tempCase({ sample: true });
  // A captured document, so that the documents group has text to search (migration 005's tables).
  const source = c.handle.db.prepare('SELECT rowid FROM sources ORDER BY rowid LIMIT 1').pluck().get() as number;
  const pages = ['DeepSeek trained on H800 chips; export controls.', '深度求索公司表示其模型仅使用H800芯片训练 Straße café'];
  c.handle.db.transaction(() => rawCaptureSink(c.handle.db).capture(source, { pages, capturedAt: '2026-11-02T10:00:00.000Z' }))();
});
afterAll(() => c.close());

describe(`search fuzzing (${RUNS} queries)`, () => {
  it('every query answers ok with a well-formed result, never an SQLite error', () => {
    fc.assert(
      fc.property(anyQuery, fc.integer({ min: 1, max: 500 }), kinds, (q, limit, k) => {
        const r = c.api.call('search.query', { q, limit, kinds: k });
        if (!r.ok) throw new Error(`search for ${JSON.stringify(q.slice(0, 200))} failed: ${r.error.code} ${r.error.message}`);
        const v = r.value as SearchResult;
        expect(typeof v.total).toBe('number');
        expect(v.notices.every((n) => typeof n === 'string')).toBe(true);
        for (const hits of Object.values(v.groups)) expect(hits.length).toBeLessThanOrEqual(limit);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('the search language finds what it should in the same run (the fuzz target is live)', () => {
    const r = c.api.invoke('search.query', { q: 'H800' });
    expect(r.total).toBeGreaterThan(0);
    expect(r.groups.documents).toHaveLength(1);
  });
});
