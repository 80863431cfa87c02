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
 */
import type { Outcome } from './types';

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
}

export interface CalibrationReport {
  overall: { brier: number | null; claims: number };
  byTag: { tag: string; brier: number; claims: number }[];
  claims: { id: string; text: string; outcome: Outcome; brier: number }[];
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

export function calibrationReport(settled: readonly SettledClaim[]): CalibrationReport {
  const claims = settled.map((c) => ({
    id: c.id,
    text: c.text,
    outcome: c.outcome,
    brier: timeWeightedBrier(c.series, c.outcome, c.createdAt, c.settledAt),
    tags: c.tags,
  }));
  const byTag = new Map<string, number[]>();
  for (const c of claims) for (const tag of new Set(c.tags)) byTag.set(tag, [...(byTag.get(tag) ?? []), c.brier]);
  return {
    overall: { brier: claims.length ? mean(claims.map((c) => c.brier)) : null, claims: claims.length },
    byTag: [...byTag.entries()]
      .map(([tag, xs]) => ({ tag, brier: mean(xs), claims: xs.length }))
      .sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)),
    claims: claims.map(({ tags: _t, ...c }) => c),
  };
}
