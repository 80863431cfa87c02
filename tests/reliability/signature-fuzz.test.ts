/**
 * Fuzzing signed head statements: random edits of a valid statement (replaced, inserted, deleted
 * characters; swapped members) never throw and never verify as a different statement. The only
 * edits that still verify leave every signed value and the signature bytes as they were (base64url's
 * last character carries 4 unused bits).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStatement, loadOrCreateSigner, signedHeadStatement, type HeadStatement } from '../../db/signing';
import { stress, tempCase, tempDir } from '../helpers';

const RUNS = stress(500, 10_000);

describe(`signed head statements (${RUNS} random edits)`, () => {
  it('an edited statement fails cleanly or still says exactly what was signed', () => {
    const t = tempCase({ sample: true });
    const text = signedHeadStatement(t.handle.db, loadOrCreateSigner(tempDir()), '2025-01-01T00:00:00.000Z');
    t.close();
    const original = JSON.parse(text) as HeadStatement;
    expect(checkStatement(original).ok).toBe(true);
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      kind: fc.constantFrom('replace', 'insert', 'delete'),
      char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    });
    let valid = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let s = text;
        for (const e of edits) {
          const i = Math.floor(e.at * s.length);
          s = s.slice(0, i) + (e.kind === 'delete' ? '' : e.char) + s.slice(e.kind === 'insert' ? i : i + 1);
        }
        let value: unknown;
        try {
          value = JSON.parse(s);
        } catch {
          return; // not JSON: verify-signature says so
        }
        const r = checkStatement(value);
        if (!r.ok) {
          expect(r.reason.length).toBeGreaterThan(0);
          return;
        }
        valid++;
        const { signature, ...rest } = r.statement;
        const { signature: sig0, ...rest0 } = original;
        expect(rest).toEqual(rest0);
        expect(Buffer.from(signature, 'base64url')).toEqual(Buffer.from(sig0, 'base64url'));
      }),
      { numRuns: RUNS },
    );
    console.log(`signature fuzzing: ${RUNS} edited statements, ${valid} still valid (all equal to the signed values)`);
  });

  it('values of the wrong type are refused as malformed, never thrown', () => {
    for (const v of [null, 1, 'x', [], {}, { type: 'claimtrail-signed-head' }, { ...JSON.parse('{"version":1}'), publicKey: 5 }])
      expect(checkStatement(v).ok).toBe(false);
  });
});
