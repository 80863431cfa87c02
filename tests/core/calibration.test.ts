import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrationReport, MIN_SAMPLE, timeWeightedBrier, wilson, type SettledClaim } from '../../core/calibration';
import { stress } from '../helpers';

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString();

describe('time-weighted Brier score', () => {
  it('is the squared error of a probability carried throughout', () => {
    expect(timeWeightedBrier([{ at: day(0), probability: 0.7 }], 'true', day(0), day(10))).toBeCloseTo(0.09, 12);
    expect(timeWeightedBrier([{ at: day(0), probability: 0.7 }], 'false', day(0), day(10))).toBeCloseTo(0.49, 12);
  });

  it('weights each probability by how long it was carried', () => {
    // 50% for one day, then 90% for three days, then settled true: (0.25·1 + 0.01·3) / 4.
    const series = [
      { at: day(0), probability: 0.5 },
      { at: day(1), probability: 0.9 },
    ];
    expect(timeWeightedBrier(series, 'true', day(0), day(4))).toBeCloseTo(0.07, 12);
  });

  it('ignores what happened after settlement, and takes the last of simultaneous points', () => {
    const series = [
      { at: day(0), probability: 0.2 },
      { at: day(0), probability: 0.6 },
      { at: day(2), probability: 0.99 },
    ];
    expect(timeWeightedBrier(series, 'false', day(0), day(2))).toBeCloseTo(0.36, 12);
    // Created and settled in the same instant: the probability in force at that instant.
    expect(timeWeightedBrier(series, 'false', day(0), day(0))).toBeCloseTo(0.36, 12);
  });

  it('treats the first point as in force from creation', () => {
    expect(timeWeightedBrier([{ at: day(1), probability: 0.4 }], 'true', day(0), day(2))).toBeCloseTo(0.36, 12);
  });

  it('refuses an empty series and a non-time', () => {
    expect(() => timeWeightedBrier([], 'true', day(0), day(1))).toThrow(/at least one/);
    expect(() => timeWeightedBrier([{ at: 'yesterday', probability: 0.5 }], 'true', day(0), day(1))).toThrow(/not a time/);
  });

  it('lies between the best and the worst squared error carried', () => {
    const point = fc.record({ d: fc.integer({ min: 0, max: 30 }), p: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 10 }), fc.boolean(), fc.integer({ min: 0, max: 40 }), (pts, yes, end) => {
        const o = yes ? 1 : 0;
        const series = pts.map((x) => ({ at: day(x.d), probability: x.p }));
        const b = timeWeightedBrier(series, yes ? 'true' : 'false', day(0), day(end));
        const errs = pts.map((x) => (x.p - o) ** 2);
        expect(b).toBeGreaterThanOrEqual(Math.min(...errs) - 1e-12);
        expect(b).toBeLessThanOrEqual(Math.max(...errs) + 1e-12);
      }),
      { numRuns: stress(200, 10_000) },
    );
  });
});

describe('calibration report', () => {
  const claim = (id: string, tags: string[], p: number, outcome: 'true' | 'false'): SettledClaim => ({
    id,
    text: `claim ${id}`,
    tags,
    outcome,
    createdAt: day(0),
    settledAt: day(5),
    series: [{ at: day(0), probability: p }],
  });

  it('averages claims overall and per tag, with counts', () => {
    const r = calibrationReport([claim('a', ['cost', 'chips'], 0.8, 'true'), claim('b', ['cost'], 0.4, 'false'), claim('c', [], 0.5, 'true')]);
    expect(r.overall.claims).toBe(3);
    expect(r.overall.brier).toBeCloseTo((0.04 + 0.16 + 0.25) / 3, 12);
    expect(r.byTag).toEqual([
      { tag: 'chips', brier: expect.closeTo(0.04, 12), claims: 1 },
      { tag: 'cost', brier: expect.closeTo(0.1, 12), claims: 2 },
    ]);
    expect(r.claims.map((c) => [c.id, c.outcome])).toEqual([
      ['a', 'true'],
      ['b', 'false'],
      ['c', 'true'],
    ]);
  });

  it('reports no score when nothing is settled', () => {
    const r = calibrationReport([]);
    expect(r.overall).toEqual({ brier: null, claims: 0, interval: null, verdict: null, minimumSample: MIN_SAMPLE });
    expect(r.byTag).toEqual([]);
    expect(r.claims).toEqual([]);
    expect(r.reliability.every((b) => b.claims === 0 && b.observed === null)).toBe(true);
  });

  it('says no verdict word below the minimum sample, only the count and an interval', () => {
    const few = calibrationReport([claim('a', [], 0.99, 'true'), claim('b', [], 0.01, 'false')]);
    expect(few.overall.brier).toBeCloseTo(0.0001, 12);
    expect(few.overall.verdict).toBeNull();
    expect(few.overall.interval).not.toBeNull();
    const many = calibrationReport(Array.from({ length: MIN_SAMPLE }, (_, i) => claim(`c${i}`, [], 0.99, 'true')));
    expect(many.overall.verdict).toBe('very well calibrated');
  });

  it('scores claims whose verdict came from an imported label apart, never in the overall score', () => {
    const own = claim('own', [], 0.7, 'false');
    const label = { ...claim('label', [], 0.02, 'false'), imported: true };
    const r = calibrationReport([own, label]);
    expect(r.overall.claims).toBe(1);
    expect(r.overall.brier).toBeCloseTo(0.49, 12);
    expect(r.imported.claims.map((c) => c.id)).toEqual(['label']);
    expect(r.imported.brier).toBeCloseTo(0.0004, 12);
  });

  it('a reliability diagram: per band, predicted against observed with a Wilson interval', () => {
    const r = calibrationReport([
      claim('a', [], 0.7, 'true'),
      claim('b', [], 0.75, 'false'),
      claim('c', [], 0.6, 'true'),
      claim('d', [], 0.1, 'false'),
    ]);
    const likely = r.reliability.find((b) => b.band === 'likely')!;
    expect(likely.claims).toBe(3);
    expect(likely.predicted).toBeCloseTo((0.7 + 0.75 + 0.6) / 3, 12);
    expect(likely.observed).toBeCloseTo(2 / 3, 12);
    const [lo, hi] = likely.interval!;
    expect(lo).toBeLessThan(2 / 3);
    expect(hi).toBeGreaterThan(2 / 3);
    expect(r.reliability.find((b) => b.band === 'very unlikely')).toMatchObject({ claims: 1, observed: 0 });
    expect(r.reliability).toHaveLength(7);
  });

  it('the Wilson interval holds the observed share and narrows with n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const [lo, hi] = wilson(k, n);
        expect(lo).toBeLessThanOrEqual(k / n + 1e-12);
        expect(hi).toBeGreaterThanOrEqual(k / n - 1e-12);
        const [lo4, hi4] = wilson(4 * k, 4 * n);
        expect(hi4 - lo4).toBeLessThanOrEqual(hi - lo + 1e-12);
      }),
      { numRuns: stress(200, 10_000) },
    );
  });
});
