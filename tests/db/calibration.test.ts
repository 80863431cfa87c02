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
    expect(api.invoke('calibration.report', {}).overall).toMatchObject({ brier: null, claims: 0 });

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
      { id: a.id, text: a.text, outcome: 'true', status: 'supported', final: 0.8, brier: expect.closeTo(brierA, 12) },
      { id: b.id, text: b.text, outcome: 'false', status: 'refuted', final: 0.3, brier: expect.closeTo(brierB, 12) },
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
    expect(api.invoke('calibration.report', {}).overall).toMatchObject({ brier: null, claims: 0 });
  });

  it('records "judged supported, turned out false" apart from the verdict, with its date and note', () => {
    let t = T0;
    const { api } = tempCase({ now: () => new Date(t).toISOString() });
    const wire = api.invoke('sources.create', { title: 'Wire', reliability: 'A' });
    const c = api.invoke('claims.create', { text: 'The export ban held' });
    api.invoke('evidence.create', { claimId: c.id, sourceId: wire.id, stance: 'supports', credibility: 1 }); // 0.8
    api.invoke('claims.setStatus', { id: c.id, status: 'supported', rationale: 'Wire report.' });
    t = T0 + 10 * DAY;
    const settled = api.invoke('claims.setOutcome', { id: c.id, outcome: 'false', at: '2025-01-05', note: 'Smuggling case unsealed.' });
    expect(settled).toMatchObject({ status: 'supported', outcome: 'false', outcomeAt: '2025-01-05', outcomeNote: 'Smuggling case unsealed.' });
    const r = api.invoke('calibration.report', {});
    expect(r.claims).toEqual([expect.objectContaining({ id: c.id, status: 'supported', outcome: 'false', final: 0.8 })]);
    expect(r.claims[0]!.brier).toBeCloseTo(0.64, 12); // 80% carried from creation to 2025-01-05, and it was false
    const events = api.invoke('history.claim', { id: c.id }).events.filter((e) => e.kind === 'claim.outcome');
    expect(events).toHaveLength(1);
    expect(api.invoke('history.verify', {}).ok).toBe(true);
    // Not-checkable claims have no outcome and never count.
    const opinion = api.invoke('claims.create', { text: 'AI leadership matters most', kind: 'not-checkable', kindRationale: 'a value judgment' });
    expect(() => api.invoke('claims.setOutcome', { id: opinion.id, outcome: 'true' })).toThrow(/not checkable/);
  });

  it('reports claims whose verdict came from an imported label apart', () => {
    const { api } = tempCase();
    // A PolitiFact row (LIAR): the label "pants-fire" becomes the verdict refuted and a low prior.
    const row = '2635.json\tpants-fire\tSays the moon landing was staged in a Texas studio.\tspace\tsomeone\t\t\t\t0\t0\t0\t0\t0\ta post\n';
    const r = api.invoke('transfer.import', { format: 'tsv', content: row, fileName: 'liar.tsv', header: false, map: '1=ref,2=label,3=text,4=tags,5=claimant,14=context' });
    expect(r.ok).toBe(true);
    const [c] = api.invoke('claims.list', {}).items;
    expect(c!.status).toBe('refuted');
    // The analyst records the outcome; the verdict (and so the low prior) still came from the label.
    api.invoke('claims.setOutcome', { id: c!.id, outcome: 'false' });
    const report = api.invoke('calibration.report', {});
    expect(report.overall.claims).toBe(0);
    expect(report.imported.claims.map((x) => x.id)).toEqual([c!.id]);
    // Once the analyst gives a verdict of their own, the claim is theirs.
    api.invoke('claims.setStatus', { id: c!.id, status: 'refuted', rationale: 'Checked the footage archive myself.' });
    expect(api.invoke('calibration.report', {}).overall.claims).toBe(1);
  });
});
