/** Analyst verdicts: rationale rules, override visibility, and the warnings a claim's detail carries. */
import { describe, expect, it } from 'vitest';
import { tempCase } from '../helpers';

function setup() {
  const { api } = tempCase();
  const claim = api.invoke('claims.create', { text: 'Trained only on H800 chips.' });
  const a = api.invoke('sources.create', { title: 'Company statement', reliability: 'C' });
  const relay = api.invoke('sources.create', { title: 'Newswire relaying the statement', reliability: 'B', derivedFromId: a.id });
  return { api, claim, a, relay };
}

describe('status and override', () => {
  it.each(['supported', 'disputed', 'refuted', 'mixed', 'unresolvable'] as const)('status %s needs a rationale', (status) => {
    const { api, claim } = setup();
    const events = api.invoke('case.info', {}).counts.events;
    expect(() => api.invoke('claims.setStatus', { id: claim.id, status })).toThrow(/rationale: changing the status to .* needs a rationale/);
    expect(() => api.invoke('claims.setStatus', { id: claim.id, status, rationale: '   ' })).toThrow(/rationale/);
    expect(api.invoke('case.info', {}).counts.events).toBe(events);
    const c = api.invoke('claims.setStatus', { id: claim.id, status, rationale: 'Reviewed the filing.' });
    expect(c).toMatchObject({ status, statusRationale: 'Reviewed the filing.' });
    const e = api.invoke('history.claim', { id: claim.id }).events.at(-1)!;
    expect(e).toMatchObject({ kind: 'claim.status', rationale: 'Reviewed the filing.' });
    expect(e.payload).toMatchObject({ before: { status: 'unverified' }, after: { status } });
  });

  it('unverified and under review need none', () => {
    const { api, claim } = setup();
    expect(api.invoke('claims.setStatus', { id: claim.id, status: 'under review' }).status).toBe('under review');
  });

  it('an outcome goes with the matching verdict', () => {
    const { api, claim } = setup();
    expect(() => api.invoke('claims.setStatus', { id: claim.id, status: 'refuted', rationale: 'x', outcome: 'true' })).toThrow(/outcome: .*supported/);
    expect(() => api.invoke('claims.setStatus', { id: claim.id, status: 'mixed', rationale: 'x', outcome: 'false' })).toThrow(/outcome: .*refuted/);
    expect(api.invoke('claims.setStatus', { id: claim.id, status: 'supported', rationale: 'Audit', outcome: 'true' }).outcome).toBe('true');
  });

  it('an override needs a rationale and is refused outside (0, 1)', () => {
    const { api, claim } = setup();
    expect(() => api.invoke('claims.override', { id: claim.id, probability: 0.3, rationale: '' })).toThrow(/rationale: must not be empty/);
    expect(() => api.invoke('claims.override', { id: claim.id, probability: 1, rationale: 'sure' })).toThrow(/probability: must be below 1/);
    expect(() => api.invoke('claims.clearOverride', { id: claim.id, rationale: 'none set' })).toThrow(/no override/);
  });
});

describe('warnings in the claim detail', () => {
  it('flags an override that diverges, keeping the computed value visible', () => {
    const { api, claim, a } = setup();
    api.invoke('evidence.create', { claimId: claim.id, sourceId: a.id, stance: 'supports', credibility: 2 });
    api.invoke('claims.override', { id: claim.id, probability: 0.9, rationale: 'Confirmed privately.' });
    const d = api.invoke('claims.get', { id: claim.id });
    expect(d.claim.probability).toBe(0.9);
    expect(d.claim.computedProbability).toBe(d.model.probability);
    expect(d.warnings.find((w) => w.startsWith('Analyst override'))).toBe(
      `Analyst override (90%, very likely) diverges from the evidence (${Math.round(d.model.probability * 100)}%, ${d.model.band}).`,
    );
    // Close to the computed value and in the same band: not flagged.
    api.invoke('claims.override', { id: claim.id, probability: d.model.probability + 0.02, rationale: 'Nudged.' });
    expect(api.invoke('claims.get', { id: claim.id }).warnings.some((w) => w.startsWith('Analyst override'))).toBe(false);
  });

  it('flags a status that contradicts the evidence', () => {
    const { api, claim, a } = setup();
    api.invoke('evidence.create', { claimId: claim.id, sourceId: a.id, stance: 'refutes', credibility: 2 });
    api.invoke('claims.setStatus', { id: claim.id, status: 'supported', rationale: 'Gut feeling.' });
    expect(api.invoke('claims.get', { id: claim.id }).warnings).toContain(
      'Status contradicts the evidence: marked supported, but the evidence puts it below roughly even chance.',
    );
    api.invoke('claims.setStatus', { id: claim.id, status: 'mixed', rationale: 'Both ways.' });
    expect(api.invoke('claims.get', { id: claim.id }).warnings).toContain('Status contradicts the evidence: marked mixed, but the evidence points only one way.');
    api.invoke('claims.setStatus', { id: claim.id, status: 'refuted', rationale: 'Filing shows otherwise.' });
    expect(api.invoke('claims.get', { id: claim.id }).warnings.some((w) => w.startsWith('Status contradicts'))).toBe(false);
  });

  it('flags circular reporting: all support tracing to one origin is "single origin"', () => {
    const { api, claim, a, relay } = setup();
    api.invoke('evidence.create', { claimId: claim.id, sourceId: a.id, stance: 'supports', credibility: 3 });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: relay.id, stance: 'supports', credibility: 2 });
    const d = api.invoke('claims.get', { id: claim.id });
    expect(d.model.singleOrigin).toBe(true);
    expect(d.warnings).toContain('Single origin: all supporting evidence traces to one source (Company statement).');
    expect(d.warnings.some((w) => w.startsWith('Circular reporting'))).toBe(true);
    // The breakdown names each item's contribution, origin and discount.
    const byId = new Map(d.model.items.map((i) => [i.evidenceId, i]));
    const [first, second] = d.evidence;
    expect(byId.get(second!.id)).toMatchObject({ originId: a.id, discount: 1 });
    expect(byId.get(first!.id)).toMatchObject({ originId: a.id, discount: 0.25 });
    expect(d.model.items.reduce((s, i) => s + i.contribution, d.model.priorLogOdds)).toBeCloseTo(d.model.logOdds, 12);
    // An independent second origin clears the flag.
    const other = api.invoke('sources.create', { title: 'Customs records', reliability: 'B' });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: other.id, stance: 'supports', credibility: 2 });
    const d2 = api.invoke('claims.get', { id: claim.id });
    expect(d2.model.singleOrigin).toBe(false);
    expect(d2.warnings.some((w) => w.startsWith('Single origin'))).toBe(false);
  });
});
