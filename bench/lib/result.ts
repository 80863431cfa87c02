/** One line of the benchmark table, as written to bench/results.json. */
import type { Stats } from './measure';
import { stats } from './measure';

/** A ratio target may also bound the app's peak resident memory (the row's `memory.rssMB`). */
export type Target = { kind: 'ratio'; max: number; maxRssMB?: number } | { kind: 'absolute'; maxMs: number } | { kind: 'none' };
export type Status = 'pass' | 'fail' | 'reported' | 'not built';

export interface RowResult {
  name: string;
  /** What the row ran on, e.g. "100k claims / 500k evidence". */
  scale: string;
  unit: 'ms' | 'rows/s';
  app: Stats | null;
  baseline: { name: string; stats: Stats } | null;
  /** app p95 / baseline p95. */
  ratio: number | null;
  target: Target;
  status: Status;
  memory: { rssMB: number; heapMB: number };
  note?: string;
}

export interface RowInput {
  name: string;
  scale: string;
  app: number[];
  baseline?: { name: string; samples: number[] };
  target: Target;
  memory: { rssMB: number; heapMB: number };
  note?: string;
}

export function makeRow(r: RowInput): RowResult {
  const app = stats(r.app);
  const baseline = r.baseline ? { name: r.baseline.name, stats: stats(r.baseline.samples) } : null;
  const ratio = baseline && baseline.stats.p95 > 0 ? app.p95 / baseline.stats.p95 : null;
  let status: Status = 'reported';
  if (r.target.kind === 'ratio') {
    const rssOk = r.target.maxRssMB === undefined || r.memory.rssMB <= r.target.maxRssMB;
    status = ratio !== null && ratio <= r.target.max && rssOk ? 'pass' : 'fail';
  }
  if (r.target.kind === 'absolute') status = app.p95 <= r.target.maxMs ? 'pass' : 'fail';
  return { name: r.name, scale: r.scale, unit: 'ms', app, baseline, ratio, target: r.target, status, memory: r.memory, ...(r.note ? { note: r.note } : {}) };
}

export function notBuilt(name: string, scale: string, note: string): RowResult {
  return { name, scale, unit: 'ms', app: null, baseline: null, ratio: null, target: { kind: 'none' }, status: 'not built', memory: { rssMB: 0, heapMB: 0 }, note };
}
