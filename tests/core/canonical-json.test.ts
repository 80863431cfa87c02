import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/canonical-json';
import { stress } from '../helpers';

/** The original definition, kept as the oracle: the fast version must match it byte for byte. */
function oracle(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : oracle(v))).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${oracle(obj[k])}`).join(',')}}`;
  }
  throw new Error(`canonicalJson: unsupported ${typeof value}`);
}

/** The text, or the error message, so inputs both refuse are compared too. */
const outcome = (f: (v: unknown) => string, v: unknown) => {
  try {
    return { text: f(v) };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

const sameAsOracle = (v: unknown): void => {
  expect(outcome(canonicalJson, v)).toEqual(outcome(oracle, v));
};

describe('canonicalJson', () => {
  it('matches the oracle on arbitrary values (sparse arrays, undefined members, odd keys, non-finite numbers)', () => {
    const value = fc.anything({
      maxDepth: 4,
      withSparseArray: true,
      withNullPrototype: true,
      withDate: true,
      withTypedArray: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withObjectString: true,
      stringUnit: 'binary',
      key: fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('__proto__', '10', '9', '0', 'a', 'B', '\u{1F600}', '\uFFFF', '\uD800')),
    });
    fc.assert(fc.property(value, sameAsOracle), { numRuns: stress(2_000, 50_000) });
  });

  it('matches the oracle on event-like payloads (keys in and out of order, JSON-parsed __proto__ members)', () => {
    const leaf = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const obj = fc.dictionary(fc.constantFrom('id', 'text', 'after', 'z', 'A', '1', '02', '__proto__', 'é', 'e\u0301'), leaf);
    fc.assert(
      fc.property(fc.array(obj, { maxLength: 5 }), fc.string({ unit: 'binary' }), (objs, s) => {
        sameAsOracle(objs);
        sameAsOracle({ after: objs[0], text: s, ids: objs.map((o) => Object.keys(o)) });
        sameAsOracle(JSON.parse(JSON.stringify(objs)));
        sameAsOracle(JSON.parse(`{"__proto__": ${JSON.stringify(s)}, "b": 1, "a": [1, null]}`));
      }),
      { numRuns: stress(2_000, 50_000) },
    );
  });

  it('writes the documented forms', () => {
    expect(canonicalJson({ b: [1, undefined, 'x'], a: { d: undefined, c: -0 } })).toBe('{"a":{"c":0},"b":[1,null,"x"]}');
    expect(canonicalJson({ '10': 1, '9': 2, a: 3 })).toBe('{"10":1,"9":2,"a":3}');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow('non-finite number');
    expect(() => canonicalJson(undefined)).toThrow('unsupported undefined');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('unsupported function');
  });
});
