import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeConfidence,
  K,
  logit,
  overrideDiverges,
  REPEAT_SHARE,
  sentenceCase,
  sigmoid,
  statusConflict,
  type ModelItem,
  type Stance,
} from '../../core/confidence';
import { CREDIBILITY, CREDIBILITY_FACTOR, RELIABILITY, RELIABILITY_FACTOR } from '../../core/grades';
import { assessmentOf, carriedProbability, judgmentOf } from '../../core/judgment';
import { pairKey } from '../../core/similarity';
import { CLAIM_KINDS } from '../../core/types';
import { stress } from '../helpers';

const numRuns = stress(200, 10_000);
const EPS = 1e-12;

/** Six sources in three lineages: s0,s3 → o0; s1,s4 → o1; s2,s5 → o2. */
const itemArb = (stances: readonly Stance[] = ['supports', 'refutes', 'context']) =>
  fc.record({
    source: fc.integer({ min: 0, max: 5 }),
    stance: fc.constantFrom(...stances),
    weight: fc.double({ min: 0, max: 2, noNaN: true }),
    reliability: fc.constantFrom(...RELIABILITY),
    credibility: fc.constantFrom(...CREDIBILITY),
  });

type Gen = { source: number; stance: Stance; weight: number; reliability: ModelItem['reliability']; credibility: ModelItem['credibility'] };

const toItem = (g: Gen, i: number | string): ModelItem => ({
  evidenceId: `e${String(i).padStart(4, '0')}`,
  sourceId: `s${g.source}`,
  originId: `o${g.source % 3}`,
  stance: g.stance,
  weight: g.weight,
  reliability: g.reliability,
  credibility: g.credibility,
});

const itemsArb = fc.array(itemArb(), { maxLength: 12 }).map((gs) => gs.map(toItem));
const priorArb = fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true });
const sign = (s: Stance) => (s === 'supports' ? 1 : s === 'refutes' ? -1 : 0);
const rawOf = (i: ModelItem) => sign(i.stance) * i.weight * K * RELIABILITY_FACTOR[i.reliability] * CREDIBILITY_FACTOR[i.credibility];

describe('confidence model: fixed points', () => {
  it('a single A1 supporting item moves an even prior to 0.80', () => {
    const r = computeConfidence(0.5, [toItem({ source: 0, stance: 'supports', weight: 1, reliability: 'A', credibility: 1 }, 1)]);
    expect(r.probability).toBeCloseTo(0.8, 12);
    expect(r.band).toBe('likely');
    expect(r.items[0]).toMatchObject({ raw: K, discount: 1, contribution: K, originId: 'o0' });
  });

  it('no evidence leaves the prior, with low confidence', () => {
    const r = computeConfidence(0.3, []);
    expect(r.probability).toBeCloseTo(0.3, 12);
    expect(r.confidence).toBe('low');
    expect(r.singleOrigin).toBe(false);
  });

  it('a repeat of the same origin counts at a quarter and is flagged as circular; one origin is flagged single', () => {
    const g = { stance: 'supports' as const, weight: 1, reliability: 'B' as const, credibility: 2 as const };
    const r = computeConfidence(0.5, [toItem({ ...g, source: 0 }, 1), toItem({ ...g, source: 3 }, 2)]);
    const [a, b] = r.items;
    expect(a!.discount).toBe(1);
    expect(b!.discount).toBe(REPEAT_SHARE);
    expect(b!.contribution).toBeCloseTo(0.25 * K * 0.8 * 0.8, 12);
    expect(r.singleOrigin).toBe(true);
    expect(r.circularReporting).toBe(true);
    expect(r.supportOrigins).toBe(1);
  });

  it('context items contribute nothing', () => {
    const r = computeConfidence(0.5, [toItem({ source: 0, stance: 'context', weight: 2, reliability: 'A', credibility: 1 }, 1)]);
    expect(r.items[0]).toMatchObject({ raw: 0, discount: 0, contribution: 0 });
    expect(r.probability).toBe(0.5);
  });

  it('analytic confidence: high, moderate and low as DESIGN §3 defines them', () => {
    const sup = (source: number, reliability: ModelItem['reliability'], credibility: ModelItem['credibility'], i: number) =>
      toItem({ source, stance: 'supports', weight: 1, reliability, credibility }, i);
    const three = [sup(0, 'A', 2, 1), sup(1, 'B', 2, 2), sup(2, 'C', 3, 3)];
    expect(computeConfidence(0.5, three).confidence).toBe('high');
    // Two strong origins only: moderate.
    expect(computeConfidence(0.5, three.slice(0, 2)).confidence).toBe('moderate');
    // One A origin with credibility 1–2: moderate; with credibility 3: low.
    expect(computeConfidence(0.5, [sup(0, 'A', 2, 1)]).confidence).toBe('moderate');
    expect(computeConfidence(0.5, [sup(0, 'A', 3, 1)]).confidence).toBe('low');
    // Opposing weight of 25% or more drops high to moderate; 50% or more to low.
    const against = (w: number) => toItem({ source: 4, stance: 'refutes', weight: w, reliability: 'A', credibility: 1 }, 9);
    const supportWeight = K * (1 * 0.8 + 0.8 * 0.8 + 0.6 * 0.6);
    expect(computeConfidence(0.5, [...three, against((0.3 * supportWeight) / K)]).confidence).toBe('moderate');
    expect(computeConfidence(0.5, [...three, against((0.6 * supportWeight) / K)]).confidence).toBe('low');
  });
});

describe('confidence model: properties', () => {
  it('the breakdown sums exactly to the result', () => {
    fc.assert(
      fc.property(priorArb, itemsArb, (prior, items) => {
        const r = computeConfidence(prior, items);
        const sum = r.items.reduce((s, i) => s + i.contribution, logit(prior));
        expect(Math.abs(sum - r.logOdds)).toBeLessThanOrEqual(EPS);
        expect(r.priorLogOdds).toBe(logit(prior));
        expect(sigmoid(r.logOdds)).toBe(r.probability);
        for (const it of r.items) {
          const input = items.find((x) => x.evidenceId === it.evidenceId)!;
          expect(it.raw).toBeCloseTo(rawOf(input), 12);
          expect(it.contribution).toBe(it.raw * it.discount);
          expect(it.discount).toBe(it.stance === 'context' ? 0 : it.discount);
        }
        // Per origin and stance exactly one item counts fully, and it is the strongest.
        const groups = new Map<string, typeof r.items>();
        for (const it of r.items.filter((x) => x.stance !== 'context'))
          groups.set(`${it.stance}|${it.originId}`, [...(groups.get(`${it.stance}|${it.originId}`) ?? []), it]);
        for (const g of groups.values()) {
          const full = g.filter((x) => x.discount === 1);
          expect(full).toHaveLength(1);
          expect(g.every((x) => x.discount === 1 || x.discount === REPEAT_SHARE)).toBe(true);
          expect(Math.abs(full[0]!.raw)).toBe(Math.max(...g.map((x) => Math.abs(x.raw))));
        }
      }),
      { numRuns },
    );
  });

  it('supporting evidence never lowers the probability; refuting never raises it', () => {
    fc.assert(
      fc.property(priorArb, itemsArb, itemArb(['supports', 'refutes']), (prior, items, extra) => {
        const before = computeConfidence(prior, items);
        const after = computeConfidence(prior, [...items, toItem(extra, 'new')]);
        if (extra.stance === 'supports') expect(after.probability).toBeGreaterThanOrEqual(before.probability);
        else expect(after.probability).toBeLessThanOrEqual(before.probability);
      }),
      { numRuns },
    );
  });

  it('the order of evidence does not matter', () => {
    fc.assert(
      fc.property(priorArb, itemsArb.chain((items) => fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length }))), (prior, [items, shuffled]) => {
        expect(computeConfidence(prior, shuffled)).toEqual(computeConfidence(prior, items));
      }),
      { numRuns },
    );
  });

  it('duplicating an item adds exactly its quarter share', () => {
    fc.assert(
      fc.property(priorArb, fc.array(itemArb(), { minLength: 1, maxLength: 12 }), fc.nat(), (prior, gs, pick) => {
        const items = gs.map(toItem);
        const original = items[pick % items.length]!;
        const before = computeConfidence(prior, items);
        const after = computeConfidence(prior, [...items, { ...original, evidenceId: 'dup' }]);
        expect(Math.abs(after.logOdds - before.logOdds - REPEAT_SHARE * rawOf(original))).toBeLessThanOrEqual(EPS);
      }),
      { numRuns },
    );
  });

  it('a source derived from a cited one adds at most the quarter share (and never takes more than the slot of its origin)', () => {
    fc.assert(
      fc.property(priorArb, fc.array(itemArb(['supports', 'refutes']), { minLength: 1, maxLength: 12 }), fc.nat(), itemArb(), (prior, gs, pick, g) => {
        const items = gs.map(toItem);
        const parent = items[pick % items.length]!;
        // A new source derived from the parent's source: same origin, own grade; same stance.
        const derived: ModelItem = { ...toItem({ ...g, stance: parent.stance }, 'derived'), sourceId: 'derived', originId: parent.originId };
        const before = computeConfidence(prior, items);
        const after = computeConfidence(prior, [...items, derived]);
        const added = Math.abs(after.logOdds - before.logOdds);
        const x = Math.abs(rawOf(derived));
        const strongest = Math.max(...items.filter((i) => i.originId === parent.originId && i.stance === parent.stance).map((i) => Math.abs(rawOf(i))));
        if (x <= strongest) expect(Math.abs(added - REPEAT_SHARE * x)).toBeLessThanOrEqual(EPS);
        // Stronger than everything of its origin: it takes the full slot and the former strongest drops to a quarter.
        else expect(Math.abs(added - (x - (1 - REPEAT_SHARE) * strongest))).toBeLessThanOrEqual(EPS);
        expect(added).toBeLessThanOrEqual(x + EPS);
        expect(after.supportOrigins + after.refuteOrigins).toBe(before.supportOrigins + before.refuteOrigins);
      }),
      { numRuns },
    );
  });
});

describe('override divergence and status conflicts', () => {
  it('flags an override in another band or 10 points away', () => {
    expect(overrideDiverges(0.7, 0.6)).toBe(true);
    expect(overrideDiverges(0.65, 0.6)).toBe(false);
    expect(overrideDiverges(0.56, 0.54)).toBe(true);
    expect(overrideDiverges(0.3, 0.3)).toBe(false);
  });

  it('names statuses that contradict the evidence', () => {
    expect(statusConflict('supported', 0.3)).toMatch(/supported/);
    expect(statusConflict('supported', 0.45)).toBeNull();
    expect(statusConflict('refuted', 0.6)).toMatch(/refuted/);
    expect(statusConflict('refuted', 0.55)).toBeNull();
    expect(statusConflict('mixed', 0.5, { supportOrigins: 2, refuteOrigins: 0 })).toMatch(/one way/);
    expect(statusConflict('mixed', 0.5, { supportOrigins: 1, refuteOrigins: 1 })).toBeNull();
    expect(statusConflict('unverified', 0.01)).toBeNull();
  });
});

/** Distinct quotes (long enough to be compared) so that only the copies a test makes are copies. */
const QUOTES = [
  'DeepSeek said the final training run of V3 cost about six million dollars in rented GPU hours',
  'Customs records show thousands of Nvidia A100 accelerators were shipped to the hedge fund in 2021',
  'The company claims its newest models were trained only on sanctions compliant H800 and H20 chips',
  'Nvidia lost nearly six hundred billion dollars of market value in a single trading day in January',
  'Researchers found the model produced harmful output far more often than comparable Western models',
  'The administration said Washington must remain the global leader in artificial intelligence research',
];
const withQuotes = (items: ModelItem[]): ModelItem[] => items.map((it, i) => ({ ...it, excerpt: QUOTES[i % QUOTES.length]! + ` (item ${i})` }));
const attributionArb = fc.constantFrom('speaks-for' as const, 'derived-from-speaker' as const, 'marked' as const);

describe('confidence model: attribution, copies, assessment (issue 11)', () => {
  it('attribution-only evidence never moves the probability and is no origin', () => {
    fc.assert(
      fc.property(priorArb, itemsArb, fc.array(fc.tuple(itemArb(), attributionArb), { maxLength: 6 }), (prior, items, extra) => {
        const before = computeConfidence(prior, items);
        const added = extra.map(([g, a], i) => ({ ...toItem(g, `att${i}`), sourceId: `speaker${i}`, originId: `speaker${i}`, attribution: a }));
        const after = computeConfidence(prior, [...items, ...added]);
        expect(after.logOdds).toBe(before.logOdds);
        expect(after.probability).toBe(before.probability);
        expect(after.supportOrigins).toBe(before.supportOrigins);
        expect(after.refuteOrigins).toBe(before.refuteOrigins);
        expect(after.confidence).toBe(before.confidence);
        for (const it of after.items.filter((x) => x.evidenceId.startsWith('att'))) {
          expect(it.contribution).toBe(0);
          expect(it.why).toMatch(/^counts 0: .*(claim was made|attribution)/);
        }
      }),
      { numRuns },
    );
  });

  it('supporting evidence that is all attribution is flagged "no independent corroboration" and leaves the claim not assessed', () => {
    fc.assert(
      fc.property(priorArb, fc.array(fc.tuple(itemArb(['supports']), attributionArb), { minLength: 1, maxLength: 6 }), (prior, gs) => {
        const r = computeConfidence(prior, gs.map(([g, a], i) => ({ ...toItem(g, i), attribution: a })));
        expect(r.noIndependentCorroboration).toBe(true);
        expect(r.assessed).toBe(false);
        expect(r.probability).toBe(sigmoid(logit(prior)));
      }),
      { numRuns },
    );
  });

  it('a copy (near-identical quote, other origin) never adds more than the quarter share until declared independent', () => {
    fc.assert(
      fc.property(priorArb, fc.array(itemArb(['supports', 'refutes']), { minLength: 1, maxLength: 6 }), fc.nat(), itemArb(), fc.boolean(), (prior, gs, pick, g, edit) => {
        const items = withQuotes(gs.map(toItem));
        const original = items[pick % items.length]!;
        // Another source of another lineage repeating the quote (verbatim or lightly edited).
        const excerpt = edit ? `As reported, ${original.excerpt!.toLowerCase()}.` : original.excerpt!;
        const copy: ModelItem = { ...toItem({ ...g, stance: original.stance }, 0), evidenceId: 'zcopy', sourceId: 'copier', originId: 'copier-origin', excerpt };
        const before = computeConfidence(prior, items);
        const after = computeConfidence(prior, [...items, copy]);
        const x = Math.abs(rawOf(copy));
        expect(Math.abs(after.logOdds - before.logOdds)).toBeLessThanOrEqual(REPEAT_SHARE * x + EPS);
        expect(after.supportOrigins + after.refuteOrigins).toBe(before.supportOrigins + before.refuteOrigins);
        const b = after.items.find((i) => i.evidenceId === 'zcopy')!;
        expect(b.copyOf).not.toBeNull();
        expect(after.possibleCopies.map((p) => p.evidenceId)).toContain('zcopy');
        // Declared independent: it counts as its own origin again, in full.
        const independent = new Set([pairKey('zcopy', b.copyOf!)]);
        const freed = computeConfidence(prior, [...items, copy], { independent });
        expect(freed.items.find((i) => i.evidenceId === 'zcopy')!.copyOf).toBeNull();
        expect(freed.supportOrigins + freed.refuteOrigins).toBe(before.supportOrigins + before.refuteOrigins + 1);
      }),
      { numRuns },
    );
  });

  it('declaring the pair independent restores the copy as an origin of its own', () => {
    const a = { ...toItem({ source: 0, stance: 'supports', weight: 1, reliability: 'B', credibility: 2 }, 1), excerpt: QUOTES[0]! };
    const b = { ...toItem({ source: 1, stance: 'supports', weight: 1, reliability: 'B', credibility: 2 }, 2), excerpt: `${QUOTES[0]!}!` };
    const suspected = computeConfidence(0.5, [a, b]);
    expect(suspected.items.find((i) => i.evidenceId === b.evidenceId)).toMatchObject({ copyOf: a.evidenceId, discount: REPEAT_SHARE, countedOriginId: 'o0' });
    expect(suspected.supportOrigins).toBe(1);
    const freed = computeConfidence(0.5, [a, b], { independent: new Set([pairKey(a.evidenceId, b.evidenceId)]) });
    expect(freed.items.every((i) => i.copyOf === null && i.discount === 1)).toBe(true);
    expect(freed.supportOrigins).toBe(2);
    expect(freed.probability).toBeGreaterThan(suspected.probability);
  });

  it('a near-copy of an attribution item is itself attribution', () => {
    const said = { ...toItem({ source: 0, stance: 'supports', weight: 1, reliability: 'C', credibility: 3 }, 1), excerpt: QUOTES[0]!, attribution: 'speaks-for' as const };
    const repeated = { ...toItem({ source: 1, stance: 'supports', weight: 1, reliability: 'B', credibility: 2 }, 2), excerpt: `According to the company, ${QUOTES[0]!}` };
    const r = computeConfidence(0.5, [said, repeated]);
    expect(r.probability).toBe(0.5);
    expect(r.noIndependentCorroboration).toBe(true);
    expect(r.items.find((i) => i.evidenceId === repeated.evidenceId)).toMatchObject({ attribution: 'copy-of-attribution', copyOf: said.evidenceId });
  });

  it('reasons are plain sentences naming how many items trace to one report', () => {
    const g = { stance: 'supports' as const, weight: 1, reliability: 'B' as const, credibility: 2 as const };
    const items = [toItem({ ...g, source: 0 }, 1), toItem({ ...g, source: 3 }, 2), toItem({ ...g, source: 0 }, 3), toItem({ ...g, source: 1 }, 4)];
    const r = computeConfidence(0.5, items, { originTitles: new Map([['o0', 'The brief']]) });
    expect(r.confidenceReasons[0]).toBe('3 of 4 supporting items trace to one report (The brief), the rest to 1 other origin');
    expect(sentenceCase(r.confidenceReasons[0]!)).toBe('3 of 4 supporting items trace to one report (The brief), the rest to 1 other origin.');
  });
});

describe('claim kinds', () => {
  it('a not-checkable claim never carries a probability, whatever its evidence or override', () => {
    fc.assert(
      fc.property(priorArb, itemsArb, fc.option(fc.double({ min: 0.01, max: 0.99, noNaN: true })), fc.constantFrom(...CLAIM_KINDS), (prior, items, override, kind) => {
        const stored = judgmentOf(computeConfidence(prior, items), override);
        const carried = carriedProbability(kind, stored.probability);
        const assessment = assessmentOf(kind, stored.assessed, override !== null);
        if (kind === 'not-checkable') {
          expect(carried).toBeNull();
          expect(assessment).toBe('not-checkable');
        } else {
          expect(carried).toBe(stored.probability);
          expect(assessment).not.toBe('not-checkable');
        }
      }),
      { numRuns },
    );
  });

  it('a claim with no counting evidence reads "not assessed"', () => {
    const context = toItem({ source: 0, stance: 'context', weight: 2, reliability: 'A', credibility: 1 }, 1);
    expect(assessmentOf('fact', computeConfidence(0.5, [context]).assessed, false)).toBe('not-assessed');
    expect(assessmentOf('forecast', computeConfidence(0.5, []).assessed, false)).toBe('not-assessed');
    expect(assessmentOf('fact', computeConfidence(0.5, []).assessed, true)).toBe('assessed');
  });
});
