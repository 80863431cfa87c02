/** What every benchmark row gets: the scale case, a scratch folder, run counts and a logger. */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScaleCase } from '../gen/cache';
import type { ScaleCounts } from '../gen/model';
import type { RowResult } from './result';

export interface BenchContext {
  scale: number;
  counts: ScaleCounts;
  /** Read-only use: rows that write work on a copy (`workingCopy`). */
  scaleCase: ScaleCase;
  workDir: string;
  /** Multiplier on run counts: 1 for the full run, smaller for --quick and the test. */
  effort: number;
  log(msg: string): void;
}

export type BenchRow = (ctx: BenchContext) => Promise<RowResult[]> | RowResult[];

export function runs(ctx: BenchContext, full: number, min = 3): number {
  return Math.max(min, Math.round(full * ctx.effort));
}

let copies = 0;
/** A private copy of the scale case for rows that write. */
export function workingCopy(ctx: BenchContext, label: string): string {
  const path = join(ctx.workDir, `${label}-${++copies}.claimtrail`);
  copyFileSync(ctx.scaleCase.path, path);
  return path;
}

export function scaleLabel(ctx: BenchContext): string {
  const k = (n: number) => (n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n));
  return `${k(ctx.counts.claims)} claims`;
}
