/**
 * Hostile values for fuzzing the contract: wrong types, edge numbers, NUL bytes, lone surrogates,
 * huge strings, prototype-pollution keys, deep nesting, unknown ids, and what structured clone can
 * carry over Electron IPC (undefined, NaN, BigInt, Date, Map).
 */
import fc from 'fast-check';

export const HUGE = 'h'.repeat(10 * 1024 * 1024);
export const NEAR_MAX = (n: number) => 'n'.repeat(n);

function nested(depth: number, leaf: unknown): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** `__proto__` as an own key, as JSON.parse makes it (an object literal would set the prototype). */
const protoKey = () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown;

const oddStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '\uDBFF\uDBFF',
  '\u202Eevil\u202C',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "'; DROP TABLE claims; --",
  '" OR 1=1 --',
  ') UNION SELECT * FROM events --',
  '0',
  '-1',
  'NaN',
  'null',
  'undefined',
  '\r\n',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🦀👩‍👩‍👧',
  '2025-02-30',
  '9999-99-99',
  'javascript:alert(1)',
  'file:///etc/passwd',
);

const oddNumbers = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, -1, 0.5, 1, 2, 7, 1001, 2 ** 31, 1.5);

const bulky = fc.constantFrom<unknown>(HUGE, NEAR_MAX(200_001), NEAR_MAX(100_001), NEAR_MAX(20_001), NEAR_MAX(65));

const structured = fc.constantFrom<unknown>(undefined, null, true, false, 10n, new Date(0), new Map([['a', 1]]), new Set([1]), new Uint8Array(3), [], {}, [[[]]]);

/** A unknown but id-shaped value (UUIDv7 layout). */
export const unknownId = fc.uuid({ version: 7 });

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  oddStrings,
  oddNumbers,
  structured,
  unknownId,
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) }),
  fc.double(),
  fc.integer(),
  bulky,
  fc.constant(null).map(protoKey),
  fc.constantFrom(100, 5_000, 100_000).map((d) => nested(d, 'deep')),
);

/** Any one hostile value: a leaf, or a small container of them (JSON fields get hostile contents). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  leaf,
  fc.array(leaf, { maxLength: 3 }),
  fc.dictionary(fc.oneof(fc.string(), oddStrings), leaf, { maxKeys: 3 }),
);

/** Inputs for one method: built around a valid template so that each field is attacked in turn. */
export function hostileInput(template: Record<string, unknown>, fields: string[]): fc.Arbitrary<unknown> {
  const keys = [...new Set([...fields, ...Object.keys(template)])];
  const key = keys.length ? fc.constantFrom(...keys) : fc.constant('x');
  return fc.oneof(
    hostileValue,
    fc.tuple(key, hostileValue).map(([k, v]) => ({ ...template, [k]: v })),
    fc.tuple(key, hostileValue, key, hostileValue).map(([k1, v1, k2, v2]) => ({ ...template, [k1]: v1, [k2]: v2 })),
    key.map((k) => {
      const { [k]: _gone, ...rest } = template;
      return rest;
    }),
    fc.constant(null).map(() => Object.assign(protoKey() as object, template)),
    fc.dictionary(key, hostileValue, { maxKeys: keys.length }),
  );
}
