/**
 * Calibration: how close the probabilities a case carried came to what happened. Pure.
 *
 * For one settled claim with outcome o (1 = true, 0 = false), settled at time T and created at t0,
 * the probability in force p(t) is a step function: each point of the claim's probability series
 * holds from its time until the next point. Its time-weighted Brier score is
 *
 *     B = (1 / (T − t0)) · ∫[t0, T] (p(t) − o)² dt
 *
 * i.e. the squared error of every probability the claim carried, weighted by how long it was
 * carried. Points after T are ignored (evidence added after settlement does not count). When
 * T = t0 (created and settled in the same instant) B is the squared error of the probability in
 * force at T. 0 is perfect, 0.25 is what a permanent 50% earns, 1 is certain and wrong.
 * A case's score is the plain mean of its settled claims' scores (every claim counts once), and
 * so is each tag's score over the settled claims carrying that tag.
 *
 * Honesty rules (issue 11, docs/confidence.md):
 * - only the analyst's own judgments are scored; claims whose verdict or outcome came from an imported
 *   label (e.g. a fact-checker's rating) are scored apart (`imported`): they would grade themselves;
 * - not-checkable claims never enter (they carry no probability);
 * - no verdict word below MIN_SAMPLE settled claims: the count and a 95% interval are shown instead;
 * - a reliability diagram: per ICD 203 band, the mean probability held at settlement against how
 *   often such claims turned out true, with a Wilson 95% interval.
 */
import { BANDS, BAND_RANGE, bandOf, type Band } from './estimative';
import type { ClaimStatus, Outcome } from './types';

export interface SeriesPoint {
  /** ISO-8601 time from which this probability was in force. */
  at: string;
  probability: number;
}

export interface SettledClaim {
  id: string;
  text: string;
  tags: string[];
  outcome: Outcome;
  /** When the claim was created (start of the scored period). */
  createdAt: string;
  /** When the outcome was recorded (end of the scored period). */
  settledAt: string;
  series: SeriesPoint[];
  /** The analyst's verdict, shown next to what happened ("judged supported, turned out false"). */
  status?: ClaimStatus;
  /** The verdict or outcome came from an imported label, never from the analyst. */
  imported?: boolean;
}

export interface ReliabilityBin {
  band: Band;
  range: readonly [number, number];
  claims: number;
  /** Mean probability held at settlement; null when the band holds no claim. */
  predicted: number | null;
  /** Share that turned out true, and its Wilson 95% interval; null when empty. */
  observed: number | null;
  interval: [number, number] | null;
}

export interface ScoredClaim {
  id: string;
  text: string;
  outcome: Outcome;
  brier: number;
  /** Probability in force when the outcome was recorded. */
  final: number;
  status: ClaimStatus | null;
}

export interface CalibrationReport {
  overall: {
    brier: number | null;
    claims: number;
    /** 95% interval of the mean Brier score (normal approximation); null below 2 claims. */
    interval: [number, number] | null;
    /** A verdict word, or null while fewer than `minimumSample` claims are settled. */
    verdict: string | null;
    minimumSample: number;
  };
  byTag: { tag: string; brier: number; claims: number }[];
  claims: ScoredClaim[];
  reliability: ReliabilityBin[];
  /** Claims whose verdict or outcome came from an imported label: scored apart, never in `overall`. */
  imported: { brier: number | null; claims: ScoredClaim[] };
}

/**
 * Fewer settled claims than this get no verdict word. Why 25: the standard deviation of per-claim
 * Brier scores is typically about 0.25, so the 95% interval of a mean over n claims is about
 * ±0.5/√n; telling a useful 0.15 from the 0.25 of a constant 50% (a gap of 0.1) needs 0.5/√n ≤ 0.1,
 * i.e. n ≥ 25. Below that the count and the interval are all that can honestly be said.
 */
export const MIN_SAMPLE = 25;

/** Wilson score 95% interval for k successes in n trials. */
export function wilson(k: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Words for a mean Brier score, only once the sample is big enough (else null). */
export function brierVerdict(brier: number | null, claims: number): string | null {
  if (brier === null || claims < MIN_SAMPLE) return null;
  if (brier < 0.05) return 'very well calibrated';
  if (brier < 0.2) return 'better than always saying 50%';
  if (brier <= 0.3) return 'about as good as always saying 50%';
  return 'worse than always saying 50%';
}

const ms = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`calibration: not a time: ${iso}`);
  return t;
};

/**
 * Time-weighted Brier score of one claim (see the module comment). The series must hold at least
 * one point; its earliest point is taken as in force from createdAt, and of points with the same
 * time the last recorded one wins.
 */
export function timeWeightedBrier(series: readonly SeriesPoint[], outcome: Outcome, createdAt: string, settledAt: string): number {
  if (series.length === 0) throw new Error('calibration: a settled claim needs at least one probability');
  const o = outcome === 'true' ? 1 : 0;
  const t0 = ms(createdAt);
  const end = Math.max(ms(settledAt), t0);
  // Stable sort: equal times keep their recorded order.
  const points = series.map((s) => ({ t: Math.max(ms(s.at), t0), p: s.probability })).sort((a, b) => a.t - b.t);
  if (end === t0) return ((points.filter((x) => x.t <= end).pop() ?? points[0]!).p - o) ** 2;
  let sum = 0;
  let from = t0;
  let p = points[0]!.p;
  for (const x of points) {
    if (x.t >= end) break;
    sum += (p - o) ** 2 * (x.t - from);
    from = x.t;
    p = x.p;
  }
  sum += (p - o) ** 2 * (end - from);
  return sum / (end - t0);
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The probability in force at settlement (the last point not after it; the first if all are later). */
export function finalProbability(series: readonly SeriesPoint[], settledAt: string): number {
  const end = ms(settledAt);
  const sorted = series.map((p, i) => ({ t: ms(p.at), p: p.probability, i })).sort((a, b) => a.t - b.t || a.i - b.i);
  return (sorted.filter((x) => x.t <= end).pop() ?? sorted[0]!).p;
}

function meanInterval(xs: number[]): [number, number] | null {
  if (xs.length < 2) return null;
  const m = mean(xs);
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
  const half = (1.96 * sd) / Math.sqrt(xs.length);
  return [Math.max(0, m - half), Math.min(1, m + half)];
}

export function reliabilityDiagram(claims: readonly Pick<ScoredClaim, 'final' | 'outcome'>[]): ReliabilityBin[] {
  return BANDS.map((band) => {
    const inBand = claims.filter((c) => bandOf(c.final) === band);
    const k = inBand.filter((c) => c.outcome === 'true').length;
    const n = inBand.length;
    return {
      band,
      range: BAND_RANGE[band],
      claims: n,
      predicted: n ? mean(inBand.map((c) => c.final)) : null,
      observed: n ? k / n : null,
      interval: n ? wilson(k, n) : null,
    };
  });
}

function score(c: SettledClaim): ScoredClaim & { tags: string[] } {
  return {
    id: c.id,
    text: c.text,
    outcome: c.outcome,
    brier: timeWeightedBrier(c.series, c.outcome, c.createdAt, c.settledAt),
    final: finalProbability(c.series, c.settledAt),
    status: c.status ?? null,
    tags: c.tags,
  };
}

export function calibrationReport(settled: readonly SettledClaim[]): CalibrationReport {
  const claims = settled.filter((c) => !c.imported).map(score);
  const imported = settled.filter((c) => c.imported).map(score);
  const byTag = new Map<string, number[]>();
  for (const c of claims) for (const tag of new Set(c.tags)) byTag.set(tag, [...(byTag.get(tag) ?? []), c.brier]);
  const briers = claims.map((c) => c.brier);
  const overall = claims.length ? mean(briers) : null;
  const strip = ({ tags: _t, ...c }: ScoredClaim & { tags: string[] }): ScoredClaim => c;
  return {
    overall: {
      brier: overall,
      claims: claims.length,
      interval: meanInterval(briers),
      verdict: brierVerdict(overall, claims.length),
      minimumSample: MIN_SAMPLE,
    },
    byTag: [...byTag.entries()]
      .map(([tag, xs]) => ({ tag, brier: mean(xs), claims: xs.length }))
      .sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)),
    claims: claims.map(strip),
    reliability: reliabilityDiagram(claims),
    imported: { brier: imported.length ? mean(imported.map((c) => c.brier)) : null, claims: imported.map(strip) },
  };
}
