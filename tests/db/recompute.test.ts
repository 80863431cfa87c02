/**
 * Every change that moves a claim's confidence recomputes it in the same transaction and records a
 * `confidence.changed` event naming the cause (evidence added / edited / removed, source regraded,
 * lineage changed, prior changed, override set / cleared); small moves record nothing.
 */
import { describe, expect, it } from 'vitest';
import type { CaseApi } from '../../db/api';
import { tempCase } from '../helpers';

interface Moved {
  before: { probability: number; computed: number; band: string; confidence: string };
  after: { probability: number; computed: number; band: string; confidence: string };
  cause: string;
}

function confidenceEvents(api: CaseApi, claimId: string): Moved[] {
  return api
    .invoke('history.claim', { id: claimId })
    .events.filter((e) => e.kind === 'confidence.changed')
    .map((e) => e.payload as Moved);
}

/** Runs a change and returns the confidence events it added to the claim's history. */
function movesOf(api: CaseApi, claimId: string, change: () => void): Moved[] {
  const before = confidenceEvents(api, claimId).length;
  change();
  return confidenceEvents(api, claimId).slice(before);
}

/** The stored probability equals what the model computes from the evidence now. */
function expectInSync(api: CaseApi, claimId: string): void {
  const d = api.invoke('claims.get', { id: claimId });
  expect(d.claim.computedProbability).toBe(d.model.probability);
  expect(d.claim.probability).toBe(d.claim.override?.probability ?? d.model.probability);
  expect(d.claim.confidence).toBe(d.model.confidence);
}

function setup() {
  const c = tempCase();
  const { api } = c;
  const claim = api.invoke('claims.create', { text: 'The figure covers compute only.' });
  const wire = api.invoke('sources.create', { title: 'Wire report', reliability: 'A' });
  return { c, api, claim, wire };
}

describe('recompute on every change, with the cause recorded', () => {
  it('evidence added, edited and removed', () => {
    const { api, claim, wire } = setup();
    let id = '';
    const added = movesOf(api, claim.id, () => {
      id = api.invoke('evidence.create', { claimId: claim.id, sourceId: wire.id, stance: 'supports', credibility: 1 }).id;
    });
    expect(added).toHaveLength(1);
    expect(added[0]!.cause).toBe('evidence added: supports from "Wire report" (A1)');
    expect(added[0]!.before).toMatchObject({ probability: 0.5, band: 'roughly even chance' });
    expect(added[0]!.after.probability).toBeCloseTo(0.8, 12);
    expect(added[0]!.after.band).toBe('likely');
    expectInSync(api, claim.id);

    const edited = movesOf(api, claim.id, () => api.invoke('evidence.update', { id, credibility: 4 }));
    expect(edited.map((m) => m.cause)).toEqual(['evidence from "Wire report" edited']);
    expect(edited[0]!.after.probability).toBeLessThan(0.8);
    expectInSync(api, claim.id);

    const removed = movesOf(api, claim.id, () => api.invoke('evidence.delete', { id, rationale: 'misquoted' }));
    expect(removed.map((m) => m.cause)).toEqual(['evidence from "Wire report" removed']);
    expect(removed[0]!.after.probability).toBeCloseTo(0.5, 12);
    expectInSync(api, claim.id);
  });

  it('moves too small to matter, and context items, record nothing', () => {
    const { api, claim, wire } = setup();
    expect(movesOf(api, claim.id, () => api.invoke('evidence.create', { claimId: claim.id, sourceId: wire.id, stance: 'context', credibility: 1 }))).toEqual([]);
    // weight 0.02 × ln 4 × 0.6 moves 50% by about 0.4 points (below the 1-point threshold), confidence stays low.
    expect(movesOf(api, claim.id, () => api.invoke('evidence.create', { claimId: claim.id, sourceId: wire.id, stance: 'supports', credibility: 3, weight: 0.02 }))).toEqual([]);
    expectInSync(api, claim.id);
    expect(api.invoke('claims.get', { id: claim.id }).claim.computedProbability).toBeGreaterThan(0.5);
  });

  it('a change of analytic confidence alone is recorded', () => {
    const { api, claim, wire } = setup();
    // A tiny A1 item barely moves the probability but makes one strong, confirmed origin: moderate.
    const moved = movesOf(api, claim.id, () => api.invoke('evidence.create', { claimId: claim.id, sourceId: wire.id, stance: 'supports', credibility: 1, weight: 0.005 }));
    expect(moved).toHaveLength(1);
    expect(moved[0]!.before.band).toBe(moved[0]!.after.band);
    expect(Math.abs(moved[0]!.after.probability - moved[0]!.before.probability)).toBeLessThan(0.01);
    expect([moved[0]!.before.confidence, moved[0]!.after.confidence]).toEqual(['low', 'moderate']);
  });

  it('a prior change', () => {
    const { api, claim } = setup();
    const moved = movesOf(api, claim.id, () => api.invoke('claims.update', { id: claim.id, prior: 0.2 }));
    expect(moved.map((m) => m.cause)).toEqual(['prior changed from 0.5 to 0.2']);
    expect(moved[0]!.after).toMatchObject({ probability: 0.2, band: 'unlikely' });
    expectInSync(api, claim.id);
  });

  it('an override set and cleared; the computed value stays visible', () => {
    const { api, claim, wire } = setup();
    api.invoke('evidence.create', { claimId: claim.id, sourceId: wire.id, stance: 'supports', credibility: 1 });
    const set = movesOf(api, claim.id, () => api.invoke('claims.override', { id: claim.id, probability: 0.3, rationale: 'Wire misread the filing.' }));
    expect(set.map((m) => m.cause)).toEqual(['analyst override set']);
    expect(set[0]!.after.probability).toBe(0.3);
    expect(set[0]!.after.computed).toBeCloseTo(0.8, 12);
    const d = api.invoke('claims.get', { id: claim.id });
    expect(d.claim).toMatchObject({ probability: 0.3, band: 'unlikely', overridden: true });
    expect(d.claim.computedProbability).toBeCloseTo(0.8, 12);
    const cleared = movesOf(api, claim.id, () => api.invoke('claims.clearOverride', { id: claim.id, rationale: 'Filing re-read.' }));
    expect(cleared.map((m) => m.cause)).toEqual(['analyst override cleared']);
    expect(cleared[0]!.after.probability).toBeCloseTo(0.8, 12);
    expectInSync(api, claim.id);
  });

  it('a regraded source recomputes every claim citing it', () => {
    const { api, wire } = setup();
    const a = api.invoke('claims.create', { text: 'Claim A' });
    const b = api.invoke('claims.create', { text: 'Claim B' });
    api.invoke('evidence.create', { claimId: a.id, sourceId: wire.id, stance: 'supports', credibility: 2 });
    api.invoke('evidence.create', { claimId: b.id, sourceId: wire.id, stance: 'refutes', credibility: 2 });
    const before = [confidenceEvents(api, a.id).length, confidenceEvents(api, b.id).length];
    api.invoke('sources.update', { id: wire.id, reliability: 'E' });
    for (const [i, id] of [a.id, b.id].entries()) {
      const moved = confidenceEvents(api, id).slice(before[i]);
      expect(moved.map((m) => m.cause)).toEqual(['source "Wire report" regraded A → E']);
      expectInSync(api, id);
    }
    expect(api.invoke('claims.get', { id: a.id }).claim.probability).toBeLessThan(0.6);
  });

  it('a lineage change recomputes claims citing sources derived from it', () => {
    const { api } = setup();
    const root = api.invoke('sources.create', { title: 'Original filing', reliability: 'A' });
    const relay = api.invoke('sources.create', { title: 'Relay', reliability: 'B', derivedFromId: root.id });
    const copy = api.invoke('sources.create', { title: 'Copy of relay', reliability: 'B', derivedFromId: relay.id });
    const claim = api.invoke('claims.create', { text: 'Claim citing the root and a copy of a copy' });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: root.id, stance: 'supports', credibility: 2 });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: copy.id, stance: 'supports', credibility: 2 });
    const d0 = api.invoke('claims.get', { id: claim.id });
    expect(d0.model.circularReporting).toBe(true);
    expect(d0.model.supportOrigins).toBe(1);
    // The relay turns out to be an independent report: it and the copy of it leave the root's lineage.
    const moved = movesOf(api, claim.id, () => api.invoke('sources.update', { id: relay.id, derivedFromId: null }));
    expect(moved.map((m) => m.cause)).toEqual(['lineage of source "Relay" changed']);
    const d1 = api.invoke('claims.get', { id: claim.id });
    expect(d1.model.supportOrigins).toBe(2);
    expect(d1.model.probability).toBeGreaterThan(d0.model.probability);
    expectInSync(api, claim.id);
  });

  it('a refused change leaves probabilities and history untouched', () => {
    const { api, claim } = setup();
    const root = api.invoke('sources.create', { title: 'Root', reliability: 'A' });
    const child = api.invoke('sources.create', { title: 'Child', reliability: 'C', derivedFromId: root.id });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: child.id, stance: 'supports', credibility: 2 });
    const events = api.invoke('case.info', {}).counts.events;
    const p = api.invoke('claims.get', { id: claim.id }).claim.probability;
    // A lineage cycle is refused as a whole: no regrade, no recompute, no event.
    expect(() => api.invoke('sources.update', { id: root.id, reliability: 'E', derivedFromId: child.id })).toThrow(/cycle/);
    expect(api.invoke('case.info', {}).counts.events).toBe(events);
    expect(api.invoke('claims.get', { id: claim.id }).claim.probability).toBe(p);
    expect(api.invoke('sources.get', { id: root.id }).reliability).toBe('A');
  });
});
