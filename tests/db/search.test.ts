import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseApi } from '../../db/api';
import { splitHighlight } from '../../db/search';
import { stress, tempCase } from '../helpers';

let api: CaseApi;
const ids: Record<string, string> = {};

beforeAll(() => {
  api = tempCase().api;
  const mk = (key: string, input: Parameters<CaseApi['invoke']>[1] & { text: string }) => {
    ids[key] = api.invoke('claims.create', input as never).id;
  };
  mk('cost', { text: 'DeepSeek-V3 training cost about USD6mn in compute', claimant: 'DeepSeek', tags: ['cost'], claimedAt: '2024-12-26', prior: 0.4 });
  mk('chips', { text: 'DeepSeek used only H800 and H20 chips', claimant: 'DeepSeek', tags: ['chips'], claimedAt: '2025-01-20', prior: 0.6 });
  mk('a100', { text: 'DeepSeek can draw on a stockpile of A100 chips', claimant: 'Analysts', tags: ['chips'], claimedAt: '2025-01-28', prior: 0.85 });
  mk('cafe', { text: 'The café in Zürich served über-strong coffee', claimant: 'Café owner', prior: 0.1 });
  const wire = api.invoke('sources.create', { title: 'Reuters wire on chips', publisher: 'Reuters', reliability: 'A' });
  const blog = api.invoke('sources.create', { title: 'Anonymous blog', reliability: 'E' });
  api.invoke('evidence.create', { claimId: ids.chips!, sourceId: wire.id, stance: 'refutes', credibility: 2, excerpt: 'Executives doubt the H800 story' });
  api.invoke('evidence.create', { claimId: ids.a100!, sourceId: blog.id, stance: 'supports', credibility: 5, excerpt: 'HighFlyer bought ten thousand A100s' });
  api.invoke('disputes.open', { claimId: ids.cost!, raisedBy: 'Critics', position: 'The USD6mn figure omits salaries and research runs' });
  api.invoke('claims.override', { id: ids.cafe!, probability: 0.9, rationale: 'I was there' });
});

const claimIds = (q: string) => api.invoke('search.query', { q }).groups.claims.map((h) => h.id);

describe('full-text search', () => {
  it('finds claims with a highlighted snippet, grouped by kind', () => {
    const r = api.invoke('search.query', { q: 'H800' });
    expect(r.groups.claims.map((h) => h.id)).toEqual([ids.chips]);
    expect(r.groups.claims[0]!.snippet).toContainEqual({ text: 'H800', match: true });
    // The whole claim text, marked (the Search view prints it once, in place of a snippet cut from it).
    expect(r.groups.claims[0]!.titleMarks).toEqual([
      { text: 'DeepSeek used only ', match: false },
      { text: 'H800', match: true },
      { text: ' and H20 chips', match: false },
    ]);
    expect(r.groups.evidence).toHaveLength(1);
    // Evidence hits say what they are: the claim they bear on, stance, grade, source, and the quote.
    expect(r.groups.evidence[0]).toMatchObject({
      claimId: ids.chips,
      title: 'DeepSeek used only H800 and H20 chips',
      stance: 'refutes',
      grade: 'A2',
      source: 'Reuters wire on chips',
    });
    expect(r.groups.evidence[0]!.snippet).toContainEqual({ text: 'H800', match: true });
    expect(r.total).toBe(2);
    expect(api.invoke('search.query', { q: 'salaries' }).groups.disputes[0]).toMatchObject({ claimId: ids.cost });
    expect(api.invoke('search.query', { q: 'Reuters' }).groups.sources[0]!.title).toBe('Reuters wire on chips (A)');
  });

  it('supports AND, phrases, prefixes, OR and exclusions', () => {
    expect(claimIds('deepseek chips').sort()).toEqual([ids.chips, ids.a100].sort());
    expect(claimIds('"training cost"')).toEqual([ids.cost]);
    expect(claimIds('"cost training"')).toEqual([]);
    expect(claimIds('stock*')).toEqual([ids.a100]);
    expect(claimIds('H20 OR USD6mn').sort()).toEqual([ids.chips, ids.cost].sort());
    expect(claimIds('deepseek -A100').sort()).toEqual([ids.chips, ids.cost].sort());
    expect(claimIds('-deepseek')).toEqual([ids.cafe]);
  });

  it('folds case and diacritics the same way for index and query', () => {
    expect(claimIds('cafe zurich uber')).toEqual([ids.cafe]);
    expect(claimIds('CAFÉ')).toEqual([ids.cafe]);
  });

  it('applies every filter', () => {
    expect(claimIds('tag:chips').sort()).toEqual([ids.chips, ids.a100].sort());
    expect(claimIds('deepseek claimant:analysts')).toEqual([ids.a100]);
    expect(claimIds('grade:A-B')).toEqual([ids.chips]);
    expect(claimIds('grade:E chips')).toEqual([ids.a100]);
    expect(claimIds('source:reuters')).toEqual([ids.chips]);
    expect(claimIds('p:>0.8').sort()).toEqual([ids.cafe, ids.a100].sort());
    expect(claimIds('p:<0.45')).toEqual(expect.arrayContaining([ids.cost, ids.chips]));
    expect(claimIds('before:2025-01-01 deepseek')).toEqual([ids.cost]);
    expect(claimIds('after:2025-01-21 deepseek')).toEqual([ids.a100]);
    expect(claimIds('is:disputed')).toEqual([ids.cost]);
    expect(claimIds('is:overridden')).toEqual([ids.cafe]);
    expect(claimIds('status:unverified tag:cost')).toEqual([ids.cost]);
    expect(claimIds('status:refuted')).toEqual([]);
    // Filters narrow the other groups too.
    expect(api.invoke('search.query', { q: 'chips grade:A' }).groups.sources.map((s) => s.title)).toEqual(['Reuters wire on chips (A)']);
    expect(api.invoke('search.query', { q: 'H800 tag:cost' }).groups.evidence).toEqual([]);
  });

  it('limits results and restricts kinds', () => {
    const r = api.invoke('search.query', { q: 'deepseek', limit: 1, kinds: ['claims'] });
    expect(r.groups.claims).toHaveLength(1);
    expect(r.groups.evidence).toEqual([]);
  });

  it('splits snippets into text and matches', () => {
    expect(splitHighlight('a \u0002b\u0003 c')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c', match: false },
    ]);
    expect(splitHighlight('\u0002open')).toEqual([{ text: 'open', match: true }]);
  });

  it('answers any string with results or a message, never an SQLite error (property)', () => {
    const hostile = fc.constantFrom(
      '"', '""', '"""', '-', '--', '*', '**', '^', 'NEAR', 'NEAR(', 'OR', 'AND', 'NOT', '(', ')', '[', ']', '{', '}',
      ':', 'text:', 'claims_fts:', '😀', '\u202e', '\u0000', "'", ';', 'DROP TABLE claims', '\\', '%', '_', 'p:', 'status:',
    );
    const query = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc.array(fc.oneof(hostile, fc.string({ maxLength: 8 })), { maxLength: 25 }).map((a) => a.join(' ')),
      fc.array(hostile, { maxLength: 25 }).map((a) => a.join('')),
      fc.constant('x'.repeat(10_000)),
    );
    fc.assert(
      fc.property(query, (q) => {
        const r = api.call('search.query', { q });
        if (!r.ok) throw new Error(`search failed for ${JSON.stringify(q)}: ${r.error.message}`);
        return true;
      }),
      { numRuns: stress(1_000, 10_000) },
    );
  });
});
