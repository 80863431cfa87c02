/**
 * The event hash's fast body (members written out in canonical order) equals the definition (the
 * canonical JSON of the event as an object) for every row, and appendEvent and eventBatch hash the
 * same event the same way, so one chain can mix both and still verify.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../core/canonical-json';
import type { DB } from '../../../db/sql';
import { appendEvent, eventBatch, genericHashedBody, hashedBody, verifyChain, type EventRow, type NewEvent } from '../../../db/repos/events';
import { stress, tempCase } from '../../helpers';

const text = fc.string({ unit: 'binary', maxLength: 40 });
const row = fc.record({
  seq: fc.integer({ min: 1, max: 2 ** 40 }),
  id: text,
  at: text,
  actor: text,
  kind: text,
  entity_type: text,
  entity_id: text,
  claim_id: fc.option(text, { nil: null }),
  payload: fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
  rationale: fc.option(text, { nil: null }),
});

const event = fc.record({
  actor: text,
  at: text,
  kind: text,
  entityType: text,
  entityId: text,
  claimId: fc.option(text, { nil: null }),
  payload: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
  rationale: fc.option(text, { nil: undefined }),
});

const storedRows = (db: DB) => db.prepare('SELECT * FROM events ORDER BY seq').all() as EventRow[];

/** The hash as the definition gives it, from nothing but the stored row. */
const definedHash = (r: EventRow) =>
  createHash('sha256').update(r.prev_hash).update('\n').update(genericHashedBody(r)).digest('hex');

describe('event hash', () => {
  it('the fast body equals the canonical JSON of the event object', () => {
    fc.assert(
      fc.property(row, (r) => {
        expect(hashedBody(r)).toBe(genericHashedBody(r));
      }),
      { numRuns: stress(2_000, 50_000) },
    );
  });

  it('a row missing a member (not possible through the types) still gets the definition', () => {
    const r = { seq: 1, id: 'a', at: 't', actor: 'x', kind: 'k', entity_type: 'claim', entity_id: 'e', claim_id: undefined, payload: '{}', rationale: null };
    expect(hashedBody(r as unknown as EventRow)).toBe('{"actor":"x","at":"t","entityId":"e","entityType":"claim","id":"a","kind":"k","payload":"{}","rationale":null,"seq":1}');
  });

  it('appendEvent and eventBatch store and hash the same events the same way, interleaved in one chain', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(event, fc.boolean()), { minLength: 1, maxLength: 12 }), (events) => {
        const c = tempCase();
        try {
          const db = c.handle.db;
          db.transaction(() => {
            let i = 0;
            while (i < events.length) {
              if (!events[i]![1]) {
                appendEvent(db, events[i++]![0] as NewEvent);
                continue;
              }
              const batch = eventBatch(db);
              while (i < events.length && events[i]![1]) batch.append(events[i++]![0] as NewEvent);
              batch.finish();
            }
          })();
          const rows = storedRows(db);
          expect(rows).toHaveLength(events.length);
          rows.forEach((r, k) => {
            const e = events[k]![0];
            expect(r.payload).toBe(canonicalJson(e.payload));
            expect(r.rationale).toBe(e.rationale ?? null);
            expect(r.hash).toBe(definedHash(r));
          });
          expect(verifyChain(db)).toMatchObject({ ok: true, events: events.length });
        } finally {
          c.close();
        }
      }),
      { numRuns: stress(25, 300) },
    );
  });
});
