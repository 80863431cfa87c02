/**
 * Analysis of Competing Hypotheses (Heuer 1999, ch. 8; the PARC ACH tool's scoring): a matrix of
 * evidence rows × hypotheses whose cells hold consistency ratings, per analyst. Pure: the scores are
 * computed from the ratings and each row's Admiralty grades, nothing else (docs/analysis.md).
 */
import { CREDIBILITY_FACTOR, RELIABILITY_FACTOR, type Credibility, type Reliability } from '../grades';

/** Very consistent, consistent, neutral / not applicable, inconsistent, very inconsistent. */
export const RATINGS = ['CC', 'C', 'N', 'I', 'II'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABEL: Record<Rating, string> = {
  CC: 'very consistent',
  C: 'consistent',
  N: 'neutral or not applicable',
  I: 'inconsistent',
  II: 'very inconsistent',
};

/** The position on the five-point scale (+2 … −2): diagnosticity and disagreement are spreads on it. */
export const RATING_VALUE: Record<Rating, number> = { CC: 2, C: 1, N: 0, I: -1, II: -2 };

/** PARC's inconsistency count: −2 for very inconsistent, −1 for inconsistent, 0 for everything else. */
export const INCONSISTENCY: Record<Rating, number> = { CC: 0, C: 0, N: 0, I: -1, II: -2 };

/** A row is greyed ("low diagnosticity") when its ratings differ by less than one step across hypotheses. */
export const LOW_DIAGNOSTICITY = 1;
/** Two analysts disagree on a cell when their ratings are two or more steps apart (e.g. C against I). */
export const DISAGREEMENT = 2;
/** Scores closer than this are a tie (no single leading hypothesis). */
const EPS = 1e-9;

export interface AchRowInput {
  id: string;
  reliability: Reliability;
  credibility: Credibility;
  /** The evidence item's relevance weight (0–2, default 1). */
  relevance: number;
}

export interface AchRatingInput {
  rowId: string;
  hypothesisId: string;
  analyst: string;
  rating: Rating;
}

export interface AchInput {
  hypotheses: readonly string[];
  rows: readonly AchRowInput[];
  ratings: readonly AchRatingInput[];
}

export interface AchCell {
  rowId: string;
  hypothesisId: string;
  /** Each analyst's rating, by analyst name (sorted). */
  ratings: { analyst: string; rating: Rating }[];
  /** Mean inconsistency over the analysts who rated the cell (0 when unrated). */
  inconsistency: number;
  /** Mean position on the five-point scale, or null when unrated. */
  value: number | null;
  /** Spread (max − min) of the analysts' ratings on the scale; 0 with fewer than two analysts. */
  spread: number;
  disagreement: boolean;
}

export interface AchRowScore {
  rowId: string;
  weight: number;
  /** Spread (max − min) of the cells' mean ratings across the rated hypotheses; 0 with fewer than two. */
  diagnosticity: number;
  low: boolean;
  /** Removing this row alone changes the leading hypothesis. */
  critical: boolean;
  /** The leader without this row (null: a tie). */
  leaderWithout: string | null;
}

export interface AchHypothesisScore {
  hypothesisId: string;
  /** Σ weight × mean inconsistency: 0 or below; closest to 0 is the least contradicted. */
  score: number;
  /** Unweighted count (PARC's "inconsistency score" before weights). */
  unweighted: number;
  rank: number;
}

export interface AchScores {
  hypotheses: AchHypothesisScore[];
  rows: AchRowScore[];
  cells: AchCell[];
  /** The hypothesis with the least weighted inconsistency; null when tied or nothing is rated. */
  leader: string | null;
  critical: string[];
  disagreements: number;
}

/** The weight of an evidence row: reliability factor × credibility factor × relevance (A1 at relevance 1 is 1). */
export function rowWeight(r: Pick<AchRowInput, 'reliability' | 'credibility' | 'relevance'>): number {
  return RELIABILITY_FACTOR[r.reliability] * CREDIBILITY_FACTOR[r.credibility] * r.relevance;
}

const spread = (xs: readonly number[]) => (xs.length < 2 ? 0 : Math.max(...xs) - Math.min(...xs));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number) => Math.round(x * 1e6) / 1e6 + 0;

function leaderOf(hypotheses: readonly string[], scores: ReadonlyMap<string, number>, anyRated: boolean): string | null {
  if (!anyRated || hypotheses.length === 0) return null;
  const sorted = [...hypotheses].sort((a, b) => scores.get(b)! - scores.get(a)!);
  const [first, second] = sorted;
  if (second !== undefined && scores.get(first!)! - scores.get(second)! <= EPS) return null;
  return first!;
}


export function scoreBoard(input: AchInput): AchScores {
  const { hypotheses, rows } = input;
  const byCell = new Map<string, { analyst: string; rating: Rating }[]>();
  const k = (r: string, h: string) => `${r}\u0000${h}`;
  for (const x of input.ratings) {
    const list = byCell.get(k(x.rowId, x.hypothesisId)) ?? [];
    const at = list.findIndex((y) => y.analyst === x.analyst);
    if (at >= 0) list[at] = { analyst: x.analyst, rating: x.rating };
    else list.push({ analyst: x.analyst, rating: x.rating });
    byCell.set(k(x.rowId, x.hypothesisId), list);
  }
  const cells = new Map<string, AchCell>();
  for (const r of rows)
    for (const h of hypotheses) {
      const ratings = [...(byCell.get(k(r.id, h)) ?? [])].sort((a, b) => (a.analyst < b.analyst ? -1 : a.analyst > b.analyst ? 1 : 0));
      const values = ratings.map((x) => RATING_VALUE[x.rating]);
      const s = spread(values);
      cells.set(k(r.id, h), {
        rowId: r.id,
        hypothesisId: h,
        ratings,
        inconsistency: ratings.length ? mean(ratings.map((x) => INCONSISTENCY[x.rating])) : 0,
        value: ratings.length ? mean(values) : null,
        spread: s,
        disagreement: s >= DISAGREEMENT,
      });
    }
  const cell = (r: string, h: string) => cells.get(k(r, h))!;
  const ratedRows = rows.filter((r) => hypotheses.some((h) => cell(r.id, h).ratings.length > 0)).length;

  // Each row's weighted contribution per hypothesis; the scores are their sums, and dropping a row
  // subtracts its own contribution (the same number from every hypothesis when the row is flat).
  const contribution = new Map(rows.map((r) => [r.id, new Map(hypotheses.map((h) => [h, rowWeight(r) * cell(r.id, h).inconsistency]))]));
  const scores = new Map(hypotheses.map((h) => [h, rows.reduce((s, r) => s + contribution.get(r.id)!.get(h)!, 0)]));
  const leader = leaderOf(hypotheses, scores, ratedRows > 0);
  const rowScores: AchRowScore[] = rows.map((r) => {
    const values = hypotheses.map((h) => cell(r.id, h).value).filter((v): v is number => v !== null);
    const diagnosticity = round(spread(values));
    const own = contribution.get(r.id)!;
    const without = new Map(hypotheses.map((h) => [h, scores.get(h)! - own.get(h)!]));
    const isRated = hypotheses.some((h) => cell(r.id, h).ratings.length > 0);
    const leaderWithout = leaderOf(hypotheses, without, ratedRows - (isRated ? 1 : 0) > 0);
    return { rowId: r.id, weight: round(rowWeight(r)), diagnosticity, low: diagnosticity < LOW_DIAGNOSTICITY, critical: leaderWithout !== leader, leaderWithout };
  });
  const order = [...hypotheses].sort((a, b) => scores.get(b)! - scores.get(a)!);
  const hypothesisScores = hypotheses.map((h) => ({
    hypothesisId: h,
    score: round(scores.get(h)!),
    unweighted: round(rows.reduce((s, r) => s + cell(r.id, h).inconsistency, 0)),
    // Ties share a rank.
    rank: 1 + order.filter((o) => scores.get(o)! - scores.get(h)! > EPS).length,
  }));
  const allCells = [...cells.values()];
  return {
    hypotheses: hypothesisScores,
    rows: rowScores,
    cells: allCells,
    leader,
    critical: rowScores.filter((r) => r.critical).map((r) => r.rowId),
    disagreements: allCells.filter((c) => c.disagreement).length,
  };
}

/** One sentence on what a scored board shows (briefings, the board view). */
export function readingOf(scores: AchScores, label: (hypothesisId: string) => string, rowLabel: (rowId: string) => string): string {
  if (!scores.cells.some((c) => c.ratings.length)) return 'No cell is rated yet, so the matrix favours no hypothesis.';
  const sorted = [...scores.hypotheses].sort((a, b) => a.rank - b.rank);
  const fmt = (x: number) => x.toFixed(2);
  const scoresText = sorted.map((h) => `${label(h.hypothesisId)} ${fmt(h.score)}`).join(', ');
  const critical = scores.critical.length
    ? ` Removing ${scores.critical.length === 1 ? 'one item' : 'any one of ' + scores.critical.length + ' items'} (${scores.critical.map(rowLabel).join('; ')}) would change the lead.`
    : ' No single item, removed, changes the lead.';
  const lead = scores.leader
    ? `${label(scores.leader)} is the least contradicted by the evidence`
    : 'No hypothesis is less contradicted than the others';
  const low = scores.rows.filter((r) => r.low).length;
  const flat = low ? ` ${low} of ${scores.rows.length} items barely tell the hypotheses apart (low diagnosticity).` : '';
  return `${lead} (weighted inconsistency: ${scoresText}).${critical}${flat}`;
}
