/** claims.create with its first evidence (and a new source) in one transaction (issue 20.3). */
import { afterEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../reliability/integrity';
import { tempCase, type TestCase } from '../../helpers';

let c: TestCase;
afterEach(() => c?.close());

const claim = { text: 'DeepSeek-V3 was trained for USD6mn', claimant: 'DeepSeek', claimedAt: '2024-12' };

describe('claims.create with firstEvidence', () => {
  it('writes the claim, a new source and the evidence, each with its event, and scores the claim', () => {
    c = tempCase();
    const made = c.api.invoke('claims.create', {
      ...claim,
      firstEvidence: { stance: 'supports', excerpt: 'USD 5.576M', credibility: 2, newSource: { title: 'DeepSeek-V3 Technical Report', url: 'https://arxiv.org/abs/2412.19437', reliability: 'B' } },
    });
    const detail = c.api.invoke('claims.get', { id: made.id });
    expect(detail.evidence).toHaveLength(1);
    expect(detail.evidence[0]).toMatchObject({ stance: 'supports', excerpt: 'USD 5.576M', credibility: 2, source: { title: 'DeepSeek-V3 Technical Report', reliability: 'B' } });
    expect(made.evidenceCount).toBe(1);
    expect(made.computedProbability).toBeGreaterThan(0.5);
    const kinds = c.api.invoke('history.recent', { limit: 10 }).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['claim.created', 'source.created', 'evidence.added']));
    expect(c.api.invoke('history.verify', {}).ok).toBe(true);
  });

  it('cites an existing source by id', () => {
    c = tempCase({ sample: true });
    const source = c.api.invoke('sources.list', { limit: 1 }).items[0]!;
    const before = c.api.invoke('sources.list', {}).total;
    const made = c.api.invoke('claims.create', { ...claim, firstEvidence: { stance: 'refutes', sourceId: source.id } });
    expect(c.api.invoke('claims.get', { id: made.id }).evidence[0]).toMatchObject({ stance: 'refutes', credibility: 6, source: { id: source.id } });
    expect(c.api.invoke('sources.list', {}).total).toBe(before);
  });

  it('a refusal of any part names its field from the top of the input and leaves nothing', () => {
    c = tempCase({ sample: true });
    const source = c.api.invoke('sources.create', { title: 'Uncited, then trashed' });
    c.api.invoke('sources.delete', { id: source.id });
    const before = rowCounts(c.api.db);

    // Refused by the handler, after the claim was written inside the transaction.
    const trashed = c.api.call('claims.create', { ...claim, firstEvidence: { stance: 'supports', sourceId: source.id } });
    expect(trashed.ok).toBe(false);
    if (trashed.ok) return;
    expect(trashed.error.issues).toEqual([{ path: ['firstEvidence', 'sourceId'], message: `source ${source.id} is in the trash; restore it first` }]);
    expect(trashed.error.message).toBe(`firstEvidence.sourceId: source ${source.id} is in the trash; restore it first`);

    // Refused by the schema: each issue at its nested field.
    const bad = c.api.call('claims.create', { ...claim, firstEvidence: { stance: 'maybe', newSource: { title: ' ', publishedAt: '28 Jan 2025' } } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.issues?.map((i) => i.path.join('.'))).toEqual(['firstEvidence.stance', 'firstEvidence.newSource.title', 'firstEvidence.newSource.publishedAt']);

    const neither = c.api.call('claims.create', { ...claim, firstEvidence: { stance: 'supports' } });
    expect(!neither.ok && neither.error.issues).toEqual([{ path: ['firstEvidence', 'sourceId'], message: 'give the source: an existing sourceId or a newSource (one of them)' }]);

    // A new source whose parent is unknown: the claim and the source are both rolled back.
    const orphan = c.api.call('claims.create', { ...claim, firstEvidence: { stance: 'supports', newSource: { title: 'Copy', derivedFromId: 'nope' } } });
    expect(orphan.ok).toBe(false);
    expect(rowCounts(c.api.db)).toEqual(before);
  });
});
