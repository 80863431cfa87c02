/**
 * Regression (found by the contract fuzzer): a source's `csl` accepted any object, so a BigInt or
 * a 100,000-deep object failed as an 'internal' error, and NaN, Date or Map were silently changed
 * on the way to storage. Now each is refused, naming the place inside the field.
 */
import { describe, expect, it } from 'vitest';
import { tempCase } from '../helpers';
import { rowCounts } from './integrity';

function deep(n: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let o = root;
  for (let i = 0; i < n; i++) o = (o.a = {}) as Record<string, unknown>;
  return root;
}

const cyclic = () => {
  const o: Record<string, unknown> = { a: 1 };
  o.self = o;
  return o;
};

describe('sources.create csl: only plain JSON is stored', () => {
  it.each([
    ['NaN', { year: NaN }, 'csl: year: NaN is not a JSON number'],
    ['Infinity', { n: [1, Infinity] }, 'csl: n[1]: Infinity is not a JSON number'],
    ['BigInt', { id: 10n }, 'csl: id: a bigint is not a JSON value'],
    ['Date', { issued: new Date(0) }, 'csl: issued: a Date is not a JSON value'],
    ['Map', { m: new Map() }, 'csl: m: a Map is not a JSON value'],
    ['lone surrogate', { 'odd key': 'x\uDC00' }, 'csl: ["odd key"]: is not valid Unicode (lone surrogate)'],
    ['NUL', { t: 'a\u0000b' }, 'csl: t: contains a NUL character'],
    ['100,000 levels deep', deep(100_000), 'nested deeper than 32 levels'],
    ['a cycle', cyclic(), 'csl: self'],
    ['a huge sparse array', { a: new Array(1e8) }, 'csl: is larger than 200,000 characters of JSON'],
  ])('%s is refused with the place named, nothing written', (_name, csl, message) => {
    const c = tempCase({ sample: true });
    const before = rowCounts(c.handle.db);
    const r = c.api.call('sources.create', { title: 'A source', csl });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid');
      expect(r.error.message).toContain(message);
    }
    expect(rowCounts(c.handle.db)).toEqual(before);
    c.close();
  });

  it('a plain CSL record round-trips exactly, and a __proto__ key pollutes nothing', () => {
    const c = tempCase();
    const csl = { type: 'report', issued: { 'date-parts': [[2025, 1, 20]] }, author: [{ family: 'Ng', given: 'A' }], note: null };
    expect(c.api.invoke('sources.create', { title: 'A', csl }).csl).toEqual(csl);
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "title": "x"}') as Record<string, unknown>;
    const s = c.api.invoke('sources.create', { title: 'B', csl: hostile });
    expect(s.csl).toEqual({ title: 'x' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    c.close();
  });
});
