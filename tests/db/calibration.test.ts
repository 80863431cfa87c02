/** calibration.report through the real case: the probabilities each settled claim carried, time-weighted. */
import { describe, expect, it } from 'vitest';
import { tempCase } from '../helpers';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

describe('calibration report', () => {
  it('scores settled claims over their probability history, overall and per tag', () => {
    let t = T0;
    const at = (day: number) => {
      t = T0 + day * DAY;
    };
    const { api } = tempCase({ now: () => new Date(t).toISOString() });
    const wire = api.invoke('sources.create', { title: 'Wire', reliability: 'A' });
    expect(api.invoke('calibration.report', {})).toEqual({ overall: { brier: null, claims: 0 }, byTag: [], claims: [] });

    at(0);
    const a = api.invoke('claims.create', { text: 'A: the cost was USD6mn', tags: ['cost'] });
    const b = api.invoke('claims.create', { text: 'B: only H800 chips', tags: ['cost', 'chips'] });
    api.invoke('claims.create', { text: 'C: still open', tags: ['chips'] });
    at(1);
    api.invoke('evidence.create', { claimId: a.id, sourceId: wire.id, stance: 'supports', credibility: 1 }); // A → 0.8
    api.invoke('claims.override', { id: b.id, probability: 0.3, rationale: 'Stockpile of A100s.' }); // B → 0.3
    at(3);
    api.invoke('claims.setStatus', { id: b.id, status: 'refuted', rationale: 'Customs records.', outcome: 'false' });
    at(4);
    api.invoke('claims.setStatus', { id: a.id, status: 'supported', rationale: 'Audit published.', outcome: 'true' });
    at(5);
    // Evidence after settlement does not count.
    api.invoke('evidence.create', { claimId: a.id, sourceId: wire.id, stance: 'refutes', credibility: 1, weight: 2 });

    const brierA = (0.25 * 1 + 0.2 ** 2 * 3) / 4; // 50% for a day, then 80% for three, true
    const brierB = (0.25 * 1 + 0.3 ** 2 * 2) / 3; // 50% for a day, then 30% for two, false
    const r = api.invoke('calibration.report', {});
    expect(r.overall.claims).toBe(2);
    expect(r.overall.brier).toBeCloseTo((brierA + brierB) / 2, 12);
    expect(r.claims).toEqual([
      { id: a.id, text: a.text, outcome: 'true', brier: expect.closeTo(brierA, 12) },
      { id: b.id, text: b.text, outcome: 'false', brier: expect.closeTo(brierB, 12) },
    ]);
    expect(r.byTag).toEqual([
      { tag: 'chips', brier: expect.closeTo(brierB, 12), claims: 1 },
      { tag: 'cost', brier: expect.closeTo((brierA + brierB) / 2, 12), claims: 2 },
    ]);

    // A new verdict leaves what happened alone; clearing the outcome takes the claim out of the score; trashing one too.
    at(6);
    api.invoke('claims.setStatus', { id: a.id, status: 'under review' });
    expect(api.invoke('calibration.report', {}).overall.claims).toBe(2);
    api.invoke('claims.setOutcome', { id: a.id, outcome: null });
    api.invoke('claims.delete', { id: b.id });
    expect(api.invoke('calibration.report', {}).overall).toEqual({ brier: null, claims: 0 });
  });
});
