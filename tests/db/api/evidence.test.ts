import { describe, expect, it } from 'vitest';
import { tempCase } from '../../helpers';
import { tableCounts } from './counts';

describe('evidence through the contract', () => {
  it('moves the probability as the model says, with the breakdown and events', () => {
    const { api, close } = tempCase();
    const c = api.invoke('claims.create', { text: 'The chips were H800s' });
    const s = api.invoke('sources.create', { title: 'Wire', reliability: 'A' });
    const e = api.invoke('evidence.create', { claimId: c.id, sourceId: s.id, stance: 'supports', credibility: 1, excerpt: 'We used H800s', locator: 'p. 3' });
    expect(e).toMatchObject({ claimId: c.id, sourceId: s.id, weight: 1, credibility: 1, locator: 'p. 3' });
    let d = api.invoke('claims.get', { id: c.id });
    expect(d.claim.probability).toBeCloseTo(0.8, 12); // one A1 item moves an even prior to 0.80
    expect(d.claim.band).toBe('likely');
    expect(d.evidence[0]).toMatchObject({ grade: 'A1', source: { title: 'Wire' } });
    expect(d.model.items[0]!.contribution).toBeCloseTo(Math.log(4), 12);
    api.invoke('evidence.update', { id: e.id, stance: 'refutes' });
    d = api.invoke('claims.get', { id: c.id });
    expect(d.claim.probability).toBeCloseTo(0.2, 12);
    api.invoke('evidence.delete', { id: e.id, rationale: 'wrong claim' });
    d = api.invoke('claims.get', { id: c.id });
    expect(d.claim.probability).toBeCloseTo(0.5, 12);
    expect(d.claim.evidenceCount).toBe(0);
    const kinds = api.invoke('history.claim', { id: c.id }).events.map((x) => x.kind);
    expect(kinds).toEqual([
      'claim.created',
      'evidence.added',
      'confidence.changed',
      'evidence.updated',
      'confidence.changed',
      'evidence.removed',
      'confidence.changed',
    ]);
    close();
  });

  it('refuses evidence for trashed claims, unknown sources and bad grades, writing nothing', () => {
    const { api, handle, close } = tempCase();
    const c = api.invoke('claims.create', { text: 'Claim' });
    const s = api.invoke('sources.create', { title: 'Source' });
    const gone = api.invoke('claims.create', { text: 'Gone' });
    api.invoke('claims.delete', { id: gone.id });
    const before = tableCounts(handle.db);
    const cases: [unknown, RegExp][] = [
      [{ claimId: c.id, sourceId: s.id, stance: 'agrees' }, /stance: must be supports, refutes or context/],
      [{ claimId: c.id, sourceId: s.id, stance: 'supports', credibility: 7 }, /credibility: must be an Admiralty credibility 1–6/],
      [{ claimId: c.id, sourceId: s.id, stance: 'supports', credibility: 2.5 }, /credibility/],
      [{ claimId: c.id, sourceId: s.id, stance: 'supports', weight: 3 }, /weight: must be 0 to 2/],
      [{ claimId: c.id, sourceId: 'nope', stance: 'supports' }, /source nope was not found/],
      [{ claimId: gone.id, sourceId: s.id, stance: 'supports' }, /in the trash/],
      [{ claimId: c.id, stance: 'supports' }, /sourceId/],
    ];
    for (const [input, msg] of cases) {
      const r = api.call('evidence.create', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(msg);
    }
    expect(api.call('evidence.update', { id: 'nope', weight: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(api.call('evidence.delete', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(tableCounts(handle.db)).toEqual(before);
    close();
  });
});
