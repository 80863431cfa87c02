import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ftsMatch, MAX_QUERY_LENGTH, parseQuery } from '../../../core/search/parse';
import { stress } from '../../helpers';

describe('search query parser', () => {
  it('parses words, phrases, prefixes, OR and exclusions', () => {
    const p = parseQuery('deepseek "training cost" chip* -A100 H800 OR H20');
    expect(p.clauses).toEqual([
      [{ text: 'deepseek', prefix: false, phrase: false }],
      [{ text: 'training cost', prefix: false, phrase: true }],
      [{ text: 'chip', prefix: true, phrase: false }],
      [
        { text: 'H800', prefix: false, phrase: false },
        { text: 'H20', prefix: false, phrase: false },
      ],
    ]);
    expect(p.excluded).toEqual([{ text: 'A100', prefix: false, phrase: false }]);
    expect(ftsMatch(p.clauses, p.excluded)).toBe('("deepseek" AND "training cost" AND "chip"* AND ("H800" OR "H20")) NOT ("A100")');
  });

  it('parses every filter', () => {
    const p = parseQuery(
      'status:disputed,refuted tag:chips claimant:"Sam Altman" source:reuters grade:A-B p:>0.8 before:2025-02-01 after:2025-01 is:disputed is:overridden',
    );
    expect(p.clauses).toEqual([]);
    expect(p.notices).toEqual([]);
    expect(p.filters).toEqual([
      { kind: 'status', values: ['disputed', 'refuted'] },
      { kind: 'tag', value: 'chips' },
      { kind: 'claimant', value: 'Sam Altman' },
      { kind: 'source', value: 'reuters' },
      { kind: 'grade', values: ['A', 'B'] },
      { kind: 'p', min: 0.8, max: 1, minInclusive: false, maxInclusive: true },
      { kind: 'before', date: '2025-02-01' },
      { kind: 'after', date: '2025-01' },
      { kind: 'is', value: 'disputed' },
      { kind: 'is', value: 'overridden' },
    ]);
  });

  it('reads probability filters in several spellings', () => {
    const f = (q: string) => parseQuery(q).filters[0];
    expect(f('p:<0.2')).toEqual({ kind: 'p', min: 0, max: 0.2, minInclusive: true, maxInclusive: false });
    expect(f('p:<=20%')).toEqual({ kind: 'p', min: 0, max: 0.2, minInclusive: true, maxInclusive: true });
    expect(f('p:0.4-0.6')).toEqual({ kind: 'p', min: 0.4, max: 0.6, minInclusive: true, maxInclusive: true });
    expect(f('p:>=80')).toEqual({ kind: 'p', min: 0.8, max: 1, minInclusive: true, maxInclusive: true });
    expect(f('grade:c,a')).toEqual({ kind: 'grade', values: ['C', 'A'] });
    expect(f('grade:B-A')).toEqual({ kind: 'grade', values: ['A', 'B'] });
    expect(f('status:under-review')).toEqual({ kind: 'status', values: ['under review'] });
  });

  it('explains what it ignores instead of failing', () => {
    expect(parseQuery('status:true').notices[0]).toMatch(/Unknown status "true"/);
    expect(parseQuery('grade:Z').notices[0]).toMatch(/grade:Z ignored/);
    expect(parseQuery('p:lots').notices[0]).toMatch(/p:lots ignored/);
    expect(parseQuery('before:yesterday').notices[0]).toMatch(/before:yesterday ignored/);
    expect(parseQuery('is:boring').notices[0]).toMatch(/is:boring ignored/);
    expect(parseQuery('"open phrase').notices[0]).toMatch(/closing quote/);
    expect(parseQuery('* ^ ((').notices[0]).toMatch(/3 parts of the query had no letters or digits/);
    expect(parseQuery('x'.repeat(MAX_QUERY_LENGTH + 5)).notices[0]).toMatch(/cut to its first 1000/);
    expect(parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')).notices).toContain('Only the first 32 search words were used.');
  });

  it('treats FTS5 syntax in user input as plain text', () => {
    const p = parseQuery('NEAR(a b) col:x AND ^start "a""b"');
    const m = ftsMatch(p.clauses, p.excluded)!;
    expect(m).toBe('"NEAR(a" AND "b)" AND "col:x" AND "^start" AND "a" AND "b"'); // AND is the operator
    expect(parseQuery('OR').clauses).toEqual([]);
    expect(parseQuery('a OR').clauses).toEqual([[{ text: 'a', prefix: false, phrase: false }]]);
  });

  it('never throws and every term of the MATCH is a quoted string (property)', () => {
    const token = fc.oneof(
      fc.string(),
      fc.constantFrom('"', '-', '*', 'OR', 'AND', 'NOT', 'NEAR', '^', '(', ')', ':', 'status:', 'p:>', '😀', '\u202e', '\u0000'),
    );
    const query = fc.oneof(fc.string({ maxLength: 300 }), fc.array(token, { maxLength: 30 }).map((t) => t.join(' ')), fc.array(token).map((t) => t.join('')));
    fc.assert(
      fc.property(query, (q) => {
        const p = parseQuery(q);
        const m = ftsMatch(p.clauses, p.excluded);
        if (m === null) return true;
        // Strip the quoted strings: what remains may only be our own operators and brackets.
        const skeleton = m.replace(/"(?:[^"]|"")*"\*?/g, 'T');
        return /^[T()\sANDORT]*$/.test(skeleton.replace(/\bNOT\b/g, ''));
      }),
      { numRuns: stress(2_000, 10_000) },
    );
  });
});
