/** ACH scoring: a worked example computed by hand, and properties of the scores. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RATINGS, readingOf, rowWeight, scoreBoard, type AchInput, type AchRatingInput, type Rating } from '../../../core/analysis/ach';
import { CREDIBILITY, RELIABILITY } from '../../../core/grades';

const rate = (rowId: string, hypothesisId: string, rating: Rating, analyst = 'ann'): AchRatingInput => ({ rowId, hypothesisId, rating, analyst });

/**
 * Weights (reliability factor × credibility factor × relevance):
 *   E1 A1 ×1 = 1.0 · 1.0 = 1.00    E2 B2 ×1 = 0.8 · 0.8 = 0.64
 *   E3 C3 ×2 = 0.6 · 0.6 · 2 = 0.72 E4 F6 ×1 = 0.3 · 0.3 = 0.09
 *
 *        H1   H2   H3
 *   E1   C    I    II     inconsistency 0, −1, −2   scale +1, −1, −2 → diagnosticity 3
 *   E2   I    C    C      −1, 0, 0                   −1, +1, +1      → 2
 *   E3   N    N    N      0, 0, 0                    0, 0, 0         → 0 (greyed)
 *   E4   C    II   CC     0, −2, 0                   +1, −2, +2      → 4
 *
 *   H1 = 0.64·(−1) = −0.64;  H2 = 1·(−1) + 0.09·(−2) = −1.18;  H3 = 1·(−2) = −2   → H1 leads.
 *   Unweighted: H1 −1, H2 −3, H3 −2.
 *   Without E1: H1 −0.64, H2 −0.18, H3 0 → H3 leads: E1 is critical. Without E2, E3 or E4 H1 still leads.
 */
const worked: AchInput = {
  hypotheses: ['H1', 'H2', 'H3'],
  rows: [
    { id: 'E1', reliability: 'A', credibility: 1, relevance: 1 },
    { id: 'E2', reliability: 'B', credibility: 2, relevance: 1 },
    { id: 'E3', reliability: 'C', credibility: 3, relevance: 2 },
    { id: 'E4', reliability: 'F', credibility: 6, relevance: 1 },
  ],
  ratings: [
    rate('E1', 'H1', 'C'), rate('E1', 'H2', 'I'), rate('E1', 'H3', 'II'),
    rate('E2', 'H1', 'I'), rate('E2', 'H2', 'C'), rate('E2', 'H3', 'C'),
    rate('E3', 'H1', 'N'), rate('E3', 'H2', 'N'), rate('E3', 'H3', 'N'),
    rate('E4', 'H1', 'C'), rate('E4', 'H2', 'II'), rate('E4', 'H3', 'CC'),
  ],
};

describe('ACH scoring: the worked example', () => {
  const s = scoreBoard(worked);
  const h = (id: string) => s.hypotheses.find((x) => x.hypothesisId === id)!;
  const r = (id: string) => s.rows.find((x) => x.rowId === id)!;

  it('weights each row by its Admiralty grades and relevance', () => {
    expect(worked.rows.map(rowWeight).map((w) => +w.toFixed(6))).toEqual([1, 0.64, 0.72, 0.09]);
  });

  it('sums weighted PARC inconsistency per hypothesis and ranks them', () => {
    expect([h('H1').score, h('H2').score, h('H3').score]).toEqual([-0.64, -1.18, -2]);
    expect([h('H1').unweighted, h('H2').unweighted, h('H3').unweighted]).toEqual([-1, -3, -2]);
    expect([h('H1').rank, h('H2').rank, h('H3').rank]).toEqual([1, 2, 3]);
    expect(s.leader).toBe('H1');
  });

  it('gives each row its diagnosticity and greys the flat one', () => {
    expect(['E1', 'E2', 'E3', 'E4'].map((id) => r(id).diagnosticity)).toEqual([3, 2, 0, 4]);
    expect(['E1', 'E2', 'E3', 'E4'].map((id) => r(id).low)).toEqual([false, false, true, false]);
  });

  it('finds the one critical item by dropping each in turn', () => {
    expect(s.critical).toEqual(['E1']);
    expect(r('E1').leaderWithout).toBe('H3');
    expect(r('E2').leaderWithout).toBe('H1');
  });

  it('averages analysts per cell and flags their disagreement', () => {
    const two = scoreBoard({ ...worked, ratings: [...worked.ratings, rate('E2', 'H1', 'C', 'bo'), rate('E1', 'H1', 'CC', 'bo')] });
    const cell = two.cells.find((c) => c.rowId === 'E2' && c.hypothesisId === 'H1')!;
    expect(cell).toMatchObject({ inconsistency: -0.5, value: 0, spread: 2, disagreement: true });
    expect(cell.ratings.map((x) => x.analyst)).toEqual(['ann', 'bo']);
    // C against CC is one step: not a disagreement.
    expect(two.cells.find((c) => c.rowId === 'E1' && c.hypothesisId === 'H1')!.disagreement).toBe(false);
    expect(two.disagreements).toBe(1);
    expect(two.hypotheses[0]!.score).toBe(-0.32); // 0.64 · (−0.5)
  });

  it('reads the matrix in one sentence', () => {
    expect(readingOf(s, (x) => x, (x) => x)).toBe(
      'H1 is the least contradicted by the evidence (weighted inconsistency: H1 -0.64, H2 -1.18, H3 -2.00). Removing one item (E1) would change the lead. ' +
        '1 of 4 items barely tell the hypotheses apart (low diagnosticity).',
    );
    expect(readingOf(scoreBoard({ ...worked, ratings: [] }), (x) => x, (x) => x)).toMatch(/No cell is rated yet/);
    expect(scoreBoard({ ...worked, ratings: [] }).leader).toBeNull();
  });
});

const runs = process.env.CT_STRESS ? 10_000 : 200;
const H = ['H1', 'H2', 'H3', 'H4'];
const board = fc
  .record({
    nh: fc.integer({ min: 2, max: 4 }),
    rows: fc.array(
      fc.record({
        reliability: fc.constantFrom(...RELIABILITY),
        credibility: fc.constantFrom(...CREDIBILITY),
        relevance: fc.constantFrom(0, 0.5, 1, 1.5, 2),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    ratings: fc.array(
      fc.record({ row: fc.nat(), h: fc.nat(), analyst: fc.constantFrom('ann', 'bo', 'cy'), rating: fc.constantFrom(...RATINGS) }),
      { maxLength: 40 },
    ),
  })
  .map(({ nh, rows, ratings }) => {
    const hypotheses = H.slice(0, nh);
    const rs = rows.map((r, i) => ({ ...r, id: `E${i}` }));
    return {
      hypotheses,
      rows: rs,
      ratings: ratings.map((x) => ({ rowId: rs[x.row % rs.length]!.id, hypothesisId: hypotheses[x.h % nh]!, analyst: x.analyst, rating: x.rating })),
    } satisfies AchInput;
  });

describe('ACH scoring: properties', () => {
  it('adding a "consistent" rating never raises any hypothesis’s inconsistency', () => {
    fc.assert(
      fc.property(board, fc.nat(), fc.nat(), fc.constantFrom('ann', 'bo', 'dee'), (b, ri, hi, analyst) => {
        const before = scoreBoard(b);
        const after = scoreBoard({ ...b, ratings: [...b.ratings, rate(b.rows[ri % b.rows.length]!.id, b.hypotheses[hi % b.hypotheses.length]!, 'C', analyst)] });
        for (const h of after.hypotheses) expect(h.score).toBeGreaterThanOrEqual(before.hypotheses.find((x) => x.hypothesisId === h.hypothesisId)!.score);
      }),
      { numRuns: runs },
    );
  });

  it('a row rated the same for every hypothesis has zero diagnosticity and is never critical', () => {
    fc.assert(
      fc.property(board, fc.constantFrom(...RATINGS), fc.subarray(['ann', 'bo', 'cy'], { minLength: 1 }), (b, rating, analysts) => {
        const flat = { id: 'FLAT', reliability: 'A' as const, credibility: 1 as const, relevance: 2 };
        const s = scoreBoard({
          ...b,
          rows: [...b.rows, flat],
          ratings: [...b.ratings, ...b.hypotheses.flatMap((h) => analysts.map((a) => rate('FLAT', h, rating, a)))],
        });
        const row = s.rows.find((r) => r.rowId === 'FLAT')!;
        expect(row.diagnosticity).toBe(0);
        expect(row.low).toBe(true);
        expect(row.critical).toBe(false);
      }),
      { numRuns: runs },
    );
  });

  it('scores are never positive and the leader has rank 1', () => {
    fc.assert(
      fc.property(board, (b) => {
        const s = scoreBoard(b);
        for (const h of s.hypotheses) expect(h.score).toBeLessThanOrEqual(0);
        if (s.leader) expect(s.hypotheses.find((h) => h.hypothesisId === s.leader)!.rank).toBe(1);
      }),
      { numRuns: runs },
    );
  });
});
