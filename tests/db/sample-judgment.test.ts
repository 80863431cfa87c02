/** The sample case re-graded (issue 11): the two headline claims disputed and below "likely", attribution counting 0. */
import { describe, expect, it } from 'vitest';
import { bandIndex } from '../../core/estimative';
import { tempCase } from '../helpers';

const { api } = tempCase({ sample: true });
const byText = (part: string) => {
  const hit = api.invoke('claims.list', { limit: 100 }).items.filter((c) => c.text.includes(part));
  expect(hit).toHaveLength(1);
  return api.invoke('claims.get', { id: hit[0]!.id });
};

describe.each([
  ['USD6mn', 'Training DeepSeek-V3 cost about USD6mn'],
  ['H800/H20', 'only on less powerful, sanctions-compliant Nvidia H800 and H20'],
])('sample claim %s', (_name, text) => {
  const d = byText(text);

  it('shows its dispute in the history and counts it open', () => {
    const events = api.invoke('history.claim', { id: d.claim.id }).events;
    const opened = events.filter((e) => e.kind === 'dispute.opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.entityId).toBe(d.disputes[0]!.id);
    expect(d.claim.openDisputes).toBe(1);
    expect(d.disputes[0]!.evidenceIds.length).toBe(2);
  });

  it('sits below "likely"', () => {
    expect(d.claim.probability).toBeLessThan(0.55);
    expect(bandIndex(d.claim.band!)).toBeLessThan(bandIndex('likely'));
  });

  it('names each quote’s contribution in the breakdown, summing to the result', () => {
    expect(d.model.items.map((i) => i.evidenceId).sort()).toEqual(d.evidence.map((e) => e.id).sort());
    for (const e of d.evidence) {
      const item = d.model.items.find((i) => i.evidenceId === e.id)!;
      expect(e.excerpt.length).toBeGreaterThan(0);
      expect(item.why.length).toBeGreaterThan(10);
      if (e.stance === 'context' || item.attribution) expect(item.contribution).toBe(0);
      else expect(Math.sign(item.contribution)).toBe(e.stance === 'supports' ? 1 : -1);
    }
    const sum = d.model.items.reduce((s, i) => s + i.contribution, d.model.priorLogOdds);
    expect(sum).toBeCloseTo(d.model.logOdds, 12);
    // DeepSeek's own statements count 0 for DeepSeek's claim, and say why.
    const own = d.evidence.filter((e) => e.source.title.startsWith('DeepSeek statements'));
    expect(own.length).toBeGreaterThan(0);
    for (const e of own) expect(d.model.items.find((i) => i.evidenceId === e.id)).toMatchObject({ attribution: 'speaks-for', contribution: 0 });
    expect(d.claim.assessment).toBe('assessed');
  });
});

it('the USD6mn claim: DeepSeek’s own figure counts 0, the brief’s endorsement in full, the dispute against: unlikely', () => {
  const d = byText('USD6mn');
  const share = (quote: string) => d.model.items.find((i) => i.evidenceId === d.evidence.find((e) => e.excerpt.startsWith(quote))!.id)!;
  const K = Math.log(4);
  expect(share('According to DeepSeek')).toMatchObject({ attribution: 'speaks-for', contribution: 0 }); // self-report
  expect(share('DeepSeek still showcases').contribution).toBeCloseTo(0.5 * K * 0.8 * 0.6, 12); // B3 × 0.5, the brief's own view
  expect(share('the USD6mn is widely disputed').contribution).toBeCloseTo(-K * 0.8 * 0.6, 12); // B3 against
  expect(d.claim.probability).toBeCloseTo(1 / (1 + Math.exp(0.5 * K * 0.8 * 0.6)), 12);
  expect(d.claim.probability).toBeCloseTo(0.418, 3);
  expect(d.claim.band).toBe('unlikely');
  expect(d.model.noIndependentCorroboration).toBe(false); // the brief's own view is not DeepSeek's
});

it('the H800/H20 claim: its only support is DeepSeek’s word, so "no independent corroboration"; the doubts count: unlikely', () => {
  const d = byText('H800 and H20');
  expect(d.model.noIndependentCorroboration).toBe(true);
  expect(d.warnings.join('\n')).toMatch(/No independent corroboration/);
  expect(d.model.supportOrigins).toBe(0);
  expect(d.claim.probability).toBeCloseTo(0.383, 3);
  expect(d.claim.band).toBe('unlikely');
});

it('claims the brief makes and backs only with its own words read "not assessed", with no independent corroboration', () => {
  const founded = byText('established in 2023');
  expect(founded.claim).toMatchObject({ assessment: 'not-assessed', probability: 0.5 });
  expect(founded.model.noIndependentCorroboration).toBe(true);
  const all = api.invoke('claims.list', { limit: 100 }).items;
  expect(all.filter((c) => c.assessment === 'not-assessed').length).toBeGreaterThanOrEqual(15);
  // The normative statement carries no probability at all.
  expect(all.find((c) => c.text.startsWith('Washington must remain'))).toMatchObject({ kind: 'not-checkable', probability: null });
  // The propaganda accusation: the critics' own words count 0; the researchers' (another party) count.
  const propaganda = byText('spreads Chinese propaganda');
  expect(propaganda.model.items.filter((i) => i.attribution === 'speaks-for')).toHaveLength(1);
  expect(propaganda.claim.assessment).toBe('assessed');
});
