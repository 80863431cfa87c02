/**
 * The quick evidence and claim checks agree with the zod schema: whatever it accepts, the schema accepts with
 * the same output; whatever the schema refuses, it refuses (so the schema words the message).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { quickClaim, quickEvidence } from '../../../core/transfer/quick-records';
import { claimRecord, evidenceRecord } from '../../../core/transfer/schemas';
import { CLAIM_STATUSES } from '../../../core/types';
import { stress } from '../../helpers';

const odd = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.constant('  x\u0000 '),
  fc.constant('\uD800'),
  fc.constant(' Cafe\u0301 '),
  fc.constant('2025-01-20T10:00:00.000Z'),
  fc.constant('2025-01-20T10:00:00.0000000000Z'),
  fc.constant('supports'),
  fc.constant('x'.repeat(201)),
  fc.constant('x'.repeat(501)),
  fc.constantFrom(0, -0, 1, 2, 2.5, 6, 7, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 2 }),
);

const good = fc.record(
  {
    key: fc.string({ minLength: 1, maxLength: 200 }),
    id: fc.string({ minLength: 1, maxLength: 64 }),
    claimKey: fc.string({ minLength: 1, maxLength: 20 }),
    sourceKey: fc.string({ minLength: 1, maxLength: 20 }),
    stance: fc.constantFrom('supports', 'refutes', 'context'),
    excerpt: fc.string({ unit: 'grapheme', maxLength: 60 }),
    locator: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
    credibility: fc.integer({ min: 1, max: 6 }),
    weight: fc.double({ min: 0, max: 2, noNaN: true }),
    note: fc.string({ unit: 'grapheme-composite', maxLength: 30 }),
    createdAt: fc.constant('2025-01-20T10:00:00.805Z'),
    updatedAt: fc.constant('2025-01-20T10:00:00Z'),
    line: fc.option(fc.integer(), { nil: undefined }),
    record: fc.constant('evidence[3]'),
    claimId: fc.string(),
    extra: fc.anything(),
  },
  { requiredKeys: ['key', 'claimKey', 'sourceKey', 'stance'] },
);

/** A good record with some members replaced by odd values. */
const record = fc
  .tuple(good, fc.dictionary(fc.constantFrom('key', 'id', 'claimKey', 'sourceKey', 'stance', 'excerpt', 'locator', 'credibility', 'weight', 'note', 'createdAt', 'updatedAt', 'line', 'record'), odd, { maxKeys: 3 }))
  .map(([g, bad]) => ({ ...g, ...bad }) as Record<string, unknown>);

const goodClaim = fc.record(
  {
    key: fc.string({ minLength: 1, maxLength: 200 }),
    id: fc.string({ minLength: 1, maxLength: 64 }),
    text: fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 60 }),
    claimant: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
    claimedAt: fc.option(fc.constantFrom('2025', '2025-01', '2025-01-20'), { nil: null }),
    context: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
    status: fc.constantFrom(...CLAIM_STATUSES),
    statusRationale: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
    outcome: fc.constantFrom(null, 'true', 'false'),
    prior: fc.double({ min: 0.001, max: 0.999, noNaN: true }),
    override: fc.constantFrom(null, { probability: 0.3, rationale: 'why' }),
    notes: fc.string({ unit: 'grapheme', maxLength: 30 }),
    quantity: fc.constantFrom(null, { value: 3, unit: '%' }),
    tags: fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom(' Tag ', 'a,b', 'a\nb', '', 'x'.repeat(101))), { maxLength: 4 }),
    createdAt: fc.constant('2025-01-20T10:00:00.805Z'),
    updatedAt: fc.constant('2025-01-20T10:00:00Z'),
    deletedAt: fc.constantFrom(null, '2025-01-20T10:00:00Z'),
    line: fc.option(fc.integer(), { nil: undefined }),
    record: fc.constant('claims[3]'),
    probability: fc.double(),
    band: fc.string(),
  },
  { requiredKeys: ['key', 'text'] },
);

const claimMembers = ['key', 'id', 'text', 'claimant', 'claimedAt', 'context', 'status', 'statusRationale', 'outcome', 'prior', 'override', 'notes', 'quantity', 'tags', 'createdAt', 'updatedAt', 'deletedAt', 'line', 'record'] as const;
const claim = fc
  .tuple(goodClaim, fc.dictionary(fc.constantFrom(...claimMembers), fc.oneof(odd, fc.constantFrom('true', 'false', 0.5, 'refuted', 'unverified', '2025-01-20')), { maxKeys: 3 }))
  .map(([g, bad]) => ({ ...g, ...bad }) as Record<string, unknown>);

/** Whatever the quick check accepts, the schema accepts with the same output; both sides exercised. */
function agreesWithSchema(schema: z.ZodType, quick: (r: Record<string, unknown>) => unknown, records: fc.Arbitrary<Record<string, unknown>>): void {
  let accepted = 0;
  let refused = 0;
  fc.assert(
    fc.property(records, (r) => {
      const byZod = schema.safeParse(r);
      const fast = quick(r);
      if (fast) {
        accepted++;
        expect(byZod.success).toBe(true);
        expect(fast).toStrictEqual(byZod.data);
      }
      if (!byZod.success) refused++;
    }),
    { numRuns: stress(3_000, 50_000) },
  );
  expect(accepted).toBeGreaterThan(100);
  expect(refused).toBeGreaterThan(100);
}

describe('quickClaim', () => {
  it('accepts only what the schema accepts, with the same output', () => agreesWithSchema(claimRecord, quickClaim, claim));
});

describe('quickEvidence', () => {
  it('accepts only what the schema accepts, with the same output', () => agreesWithSchema(evidenceRecord, quickEvidence, record));

  it('takes the exported shape', () => {
    const r = { key: 'e1', id: 'e1', claimKey: 'c1', sourceKey: 's1', claimId: 'c1', stance: 'refutes', excerpt: ' Cafe\u0301 ', locator: 'p. 1', credibility: 2, weight: 0.5, note: '', createdAt: '2023-01-02T06:00:05.805Z', updatedAt: '2023-01-02T06:00:05.805Z', record: 'evidence[0]', line: undefined };
    expect(quickEvidence(r)).toStrictEqual(evidenceRecord.parse(r));
    expect(quickEvidence(r)?.excerpt).toBe('Caf\u00e9');
    expect(quickEvidence({ ...r, stance: 'maybe' })).toBeNull();
  });
});
