/** Attribution, undeclared copies and claim kinds through the real case (issue 11, items 1–3). */
import { describe, expect, it } from 'vitest';
import { K, sigmoid } from '../../core/confidence';
import { tempCase } from '../helpers';

const QUOTE = 'DeepSeek said the final training run of V3 cost about six million dollars in rented GPU hours.';

describe('attribution is not corroboration', () => {
  it("a source that speaks for the claimant, and one derived from it, count 0 and are flagged", () => {
    const { api } = tempCase();
    const claim = api.invoke('claims.create', { text: 'V3 cost USD6mn to train', claimant: 'DeepSeek' });
    const own = api.invoke('sources.create', { title: 'DeepSeek technical report', reliability: 'B', speaksFor: 'deepseek ' });
    const news = api.invoke('sources.create', { title: 'Wire story on the report', reliability: 'A', derivedFromId: own.id });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: own.id, stance: 'supports', credibility: 2, excerpt: QUOTE });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: news.id, stance: 'supports', credibility: 1, excerpt: 'The company reports a low cost.' });
    const d = api.invoke('claims.get', { id: claim.id });
    expect(d.model.items.map((i) => i.attribution).sort()).toEqual(['derived-from-speaker', 'speaks-for']);
    expect(d.claim.probability).toBe(0.5);
    expect(d.claim.assessment).toBe('not-assessed');
    expect(d.model.noIndependentCorroboration).toBe(true);
    expect(d.warnings.join('\n')).toMatch(/No independent corroboration/);
    expect(d.model.items.every((i) => /shows the claim was made, not that it is true/.test(i.why))).toBe(true);

    // An independent source corroborates; the analyst can mark it as attribution too, and unmark it.
    const audit = api.invoke('sources.create', { title: 'Independent audit', reliability: 'A' });
    const e = api.invoke('evidence.create', { claimId: claim.id, sourceId: audit.id, stance: 'supports', credibility: 1, excerpt: 'Audited compute bills match.' });
    expect(api.invoke('claims.get', { id: claim.id }).claim.probability).toBeCloseTo(sigmoid(K), 12);
    api.invoke('evidence.update', { id: e.id, attribution: true });
    expect(api.invoke('claims.get', { id: claim.id }).claim.probability).toBe(0.5);
    api.invoke('evidence.update', { id: e.id, attribution: false });
    expect(api.invoke('claims.get', { id: claim.id }).claim.probability).toBeCloseTo(sigmoid(K), 12);

    // Recomputed on every cause: the source no longer speaks for DeepSeek; the claimant changes.
    api.invoke('sources.update', { id: own.id, speaksFor: null });
    const freed = api.invoke('claims.get', { id: claim.id });
    expect(freed.model.items.every((i) => i.attribution === null)).toBe(true);
    api.invoke('sources.update', { id: own.id, speaksFor: 'High-Flyer; DeepSeek' });
    expect(api.invoke('claims.get', { id: claim.id }).model.items.filter((i) => i.attribution).length).toBe(2);
    api.invoke('claims.update', { id: claim.id, claimant: 'A blogger' });
    expect(api.invoke('claims.get', { id: claim.id }).model.items.filter((i) => i.attribution).length).toBe(0);
    expect(api.invoke('history.verify', {}).ok).toBe(true);
  });
});

describe('copy detection', () => {
  it('flags a near-identical quote from another origin until lineage is declared or the pair is marked independent', () => {
    const { api } = tempCase();
    const claim = api.invoke('claims.create', { text: 'V3 cost USD6mn to train' });
    const a = api.invoke('sources.create', { title: 'Outlet A', reliability: 'B' });
    const b = api.invoke('sources.create', { title: 'Outlet B', reliability: 'B' });
    const ea = api.invoke('evidence.create', { claimId: claim.id, sourceId: a.id, stance: 'supports', credibility: 2, excerpt: QUOTE });
    const alone = api.invoke('claims.get', { id: claim.id }).claim.probability!;
    const eb = api.invoke('evidence.create', { claimId: claim.id, sourceId: b.id, stance: 'supports', credibility: 2, excerpt: `“${QUOTE.toUpperCase()}”` });
    const d = api.invoke('claims.get', { id: claim.id });
    expect(d.possibleCopies).toEqual([
      expect.objectContaining({ evidenceId: eb.id, copyOfEvidenceId: ea.id, sourceTitle: 'Outlet B', copyOfSourceTitle: 'Outlet A' }),
    ]);
    expect(d.warnings.join('\n')).toMatch(/Possible copy of “Outlet A”/);
    expect(d.model.supportOrigins).toBe(1);
    const quarter = 0.25 * K * 0.8 * 0.8;
    expect(Math.log(d.claim.probability! / (1 - d.claim.probability!)) - Math.log(alone / (1 - alone))).toBeCloseTo(quarter, 12);
    // Both sources show it.
    expect(api.invoke('sources.get', { id: a.id }).possibleCopies).toHaveLength(1);
    expect(api.invoke('sources.get', { id: b.id }).possibleCopies[0]!.copyOfSourceTitle).toBe('Outlet A');

    // The analyst says they are independent: two origins, full weight; the mark is an event and can be withdrawn.
    api.invoke('evidence.setIndependent', { a: eb.id, b: ea.id, independent: true, rationale: 'Both reporters saw the filing.' });
    const free = api.invoke('claims.get', { id: claim.id });
    expect(free.possibleCopies).toEqual([]);
    expect(free.model.supportOrigins).toBe(2);
    api.invoke('evidence.setIndependent', { a: ea.id, b: eb.id, independent: false });
    expect(api.invoke('claims.get', { id: claim.id }).possibleCopies).toHaveLength(1);

    // Declaring the lineage instead: same origin, an ordinary repeat, no longer a "possible copy".
    api.invoke('sources.update', { id: b.id, derivedFromId: a.id });
    const declared = api.invoke('claims.get', { id: claim.id });
    expect(declared.possibleCopies).toEqual([]);
    expect(declared.claim.probability).toBeCloseTo(d.claim.probability!, 12);

    expect(() => api.invoke('evidence.setIndependent', { a: ea.id, b: ea.id })).toThrow(/itself/);
    expect(api.invoke('history.claim', { id: claim.id }).events.filter((e) => e.kind === 'evidence.independence')).toHaveLength(2);
    expect(api.invoke('history.verify', {}).ok).toBe(true);
  });
});

describe('claim kinds', () => {
  it('a not-checkable claim needs a reason and carries no probability anywhere', () => {
    const { api } = tempCase();
    expect(() => api.invoke('claims.create', { text: 'Washington must lead in AI', kind: 'not-checkable' })).toThrow(/kindRationale: .*needs a reason/);
    const c = api.invoke('claims.create', { text: 'Washington must lead in AI', kind: 'not-checkable', kindRationale: 'a normative statement' });
    expect(c).toMatchObject({ kind: 'not-checkable', kindRationale: 'a normative statement', probability: null, computedProbability: null, band: null, assessment: 'not-checkable' });
    const s = api.invoke('sources.create', { title: 'Speech', reliability: 'A' });
    api.invoke('evidence.create', { claimId: c.id, sourceId: s.id, stance: 'supports', credibility: 1 });
    const d = api.invoke('claims.get', { id: c.id });
    expect(d.claim.probability).toBeNull();
    expect(d.warnings[0]).toMatch(/Not checkable: a normative statement/);
    expect(api.invoke('claims.list', {}).items[0]!.probability).toBeNull();
    expect(api.invoke('claims.list', { band: ['likely', 'roughly even chance'] }).total).toBe(0);
    // No "confidence.changed" history for a claim that carries no probability.
    expect(api.invoke('history.claim', { id: c.id }).events.some((e) => e.kind === 'confidence.changed')).toBe(false);
    const fact = api.invoke('claims.update', { id: c.id, kind: 'forecast' });
    expect(fact.probability).toBeCloseTo(0.8, 12);
    expect(fact.assessment).toBe('assessed');
    expect(() => api.invoke('claims.update', { id: c.id, kind: 'not-checkable', kindRationale: null })).toThrow(/needs a reason/);
  });

  it('a claim with no counting evidence is "not assessed", with its prior shown as the prior', () => {
    const { api } = tempCase();
    const c = api.invoke('claims.create', { text: 'Nobody has looked yet', prior: 0.3 });
    expect(c.assessment).toBe('not-assessed');
    const d = api.invoke('claims.get', { id: c.id });
    expect(d.warnings.join('\n')).toMatch(/Not assessed: no evidence counts yet, so 30% is only the prior/);
  });
});

describe('the new facts round-trip through the JSON case export', () => {
  it('kinds, speaks-for, attribution marks, outcomes and independence marks survive export → import', () => {
    const { api } = tempCase();
    const claim = api.invoke('claims.create', { text: 'V3 cost USD6mn to train', claimant: 'DeepSeek', kind: 'forecast', kindRationale: 'settled by the audit' });
    const own = api.invoke('sources.create', { title: 'DeepSeek report', reliability: 'B', speaksFor: 'DeepSeek' });
    const a = api.invoke('sources.create', { title: 'Outlet A', reliability: 'B' });
    const b = api.invoke('sources.create', { title: 'Outlet B', reliability: 'B' });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: own.id, stance: 'supports', credibility: 2, excerpt: 'Our figure.' });
    const ea = api.invoke('evidence.create', { claimId: claim.id, sourceId: a.id, stance: 'supports', credibility: 2, excerpt: QUOTE });
    const eb = api.invoke('evidence.create', { claimId: claim.id, sourceId: b.id, stance: 'supports', credibility: 2, excerpt: QUOTE, attribution: false });
    const marked = api.invoke('evidence.create', { claimId: claim.id, sourceId: a.id, stance: 'supports', credibility: 1, excerpt: 'A blog repeats it.', attribution: true });
    api.invoke('evidence.setIndependent', { a: ea.id, b: eb.id });
    api.invoke('claims.setOutcome', { id: claim.id, outcome: 'false', at: '2025-06-01', note: 'Audit published.' });
    const file = api.invoke('transfer.export', { format: 'json' }).content;
    const target = tempCase().api;
    expect(target.invoke('transfer.import', { format: 'json', content: file, fileName: 'case.json' }).ok).toBe(true);
    const before = api.invoke('claims.get', { id: claim.id });
    const after = target.invoke('claims.get', { id: claim.id });
    expect(after.claim).toMatchObject({ kind: 'forecast', kindRationale: 'settled by the audit', outcome: 'false', outcomeAt: '2025-06-01', outcomeNote: 'Audit published.' });
    expect(target.invoke('sources.get', { id: own.id }).speaksFor).toBe('DeepSeek');
    expect(after.evidence.find((e) => e.id === marked.id)!.attribution).toBe(true);
    expect(after.possibleCopies).toEqual([]);
    expect(after.claim.probability).toBe(before.claim.probability);
    expect(target.invoke('transfer.export', { format: 'json' }).content.replace(/"exportedAt": "[^"]+"/, '')).toBe(file.replace(/"exportedAt": "[^"]+"/, ''));
  });
});
