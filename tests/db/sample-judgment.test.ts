/** The sample case's two headline claims: disputed in their history, below "likely", every quote's share named. */
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
      if (e.stance === 'context') expect(item.contribution).toBe(0);
      else expect(Math.sign(item.contribution)).toBe(e.stance === 'supports' ? 1 : -1);
    }
    const sum = d.model.items.reduce((s, i) => s + i.contribution, d.model.priorLogOdds);
    expect(sum).toBeCloseTo(d.model.logOdds, 12);
    // Everything traces to the brief: single origin, and repeats are discounted.
    expect(d.model.singleOrigin).toBe(true);
    expect(d.model.items.some((i) => i.discount === 0.25)).toBe(true);
  });
});

it('the USD6mn claim: DeepSeek’s own figure counts fully, the brief’s endorsement at a quarter, the dispute against', () => {
  const d = byText('USD6mn');
  const share = (quote: string) => d.model.items.find((i) => i.evidenceId === d.evidence.find((e) => e.excerpt.startsWith(quote))!.id)!;
  const K = Math.log(4);
  expect(share('According to DeepSeek').contribution).toBeCloseTo(K * 0.6 * 0.6, 12); // C3, full
  expect(share('DeepSeek still showcases').contribution).toBeCloseTo(0.25 * 0.5 * K * 0.8 * 0.6, 12); // B3 × 0.5, repeat
  expect(share('the USD6mn is widely disputed').contribution).toBeCloseTo(-K * 0.8 * 0.6, 12); // B3 against
  expect(d.claim.probability).toBeCloseTo(0.479, 3);
  expect(d.claim.band).toBe('roughly even chance');
});
