/**
 * Runs every benchmark row against one scale case and collects the results. `bench/run.ts` is the
 * command-line entry; tests call `runBench` at a tiny scale to prove the harness end to end.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CACHE_DIR, scaleCase } from './gen/cache';
import { countsFor } from './gen/model';
import type { BenchContext, BenchRow } from './lib/context';
import type { RowResult } from './lib/result';
import { anchorRows } from './rows/anchor';
import { briefingRows } from './rows/briefing';
import { cliRows } from './rows/cli';
import { commitRows } from './rows/commit';
import { captureGrowthRows, documentsSearchRows } from './rows/documents';
import { extractRows } from './rows/extract';
import { importRows } from './rows/import';
import { importRssRows } from './rows/import-rss';
import { listRows } from './rows/list';
import { openRows } from './rows/open';
import { quickOpenRows } from './rows/quickopen';
import { recomputeRows } from './rows/recompute';
import { searchRows } from './rows/search';
import { teamRows } from './rows/team';
import { verifyRows } from './rows/verify';

export interface BenchOptions {
  scale: number;
  effort: number;
  cacheDir?: string;
  /** Only rows whose group name contains one of these (merged into `out` when it holds the same scale). */
  only?: string[];
  out?: string;
  log?: (msg: string) => void;
}

export interface BenchResults {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string };
  scale: number;
  effort: number;
  counts: Record<string, number>;
  scaleCaseBuildSeconds: number | null;
  totalSeconds: number;
  rows: RowResult[];
  /** Later partial runs (--only) merged into this file: when, and which groups. */
  merged?: { at: string; only: string[] }[];
}

export const ROWS: readonly (readonly [string, BenchRow])[] = [
  ['search', searchRows],
  ['open', openRows],
  ['list', listRows],
  ['quickopen', quickOpenRows],
  ['briefing', briefingRows],
  ['commit', commitRows],
  ['recompute', recomputeRows],
  ['import', importRows],
  ['import-rss', importRssRows],
  ['verify', verifyRows],
  ['cli', cliRows],
  ['documents-search', documentsSearchRows],
  ['capture-growth', captureGrowthRows],
  ['extract', extractRows],
  ['anchor', anchorRows],
  ['team', teamRows],
];

export async function runBench(o: BenchOptions): Promise<BenchResults> {
  const t0 = performance.now();
  const log = o.log ?? (() => {});
  log(`scale ${o.scale}: preparing the scale case…`);
  const sc = scaleCase(o.scale, o.cacheDir ?? DEFAULT_CACHE_DIR);
  log(sc.builtIn === null ? `  reused ${sc.path}` : `  built ${sc.path} in ${sc.builtIn.toFixed(1)} s`);
  const workDir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-'));
  const ctx: BenchContext = { scale: o.scale, counts: countsFor(o.scale), scaleCase: sc, workDir, effort: o.effort, log };
  const rows: RowResult[] = [];
  try {
    for (const [group, row] of ROWS) {
      if (o.only?.length && !o.only.some((s) => group.includes(s))) continue;
      log(`${group}…`);
      rows.push(...(await row(ctx)));
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: process.platform },
    scale: o.scale,
    effort: o.effort,
    counts: { ...sc.counts },
    scaleCaseBuildSeconds: sc.builtIn,
    totalSeconds: (performance.now() - t0) / 1000,
    rows,
  };
  if (o.out) writeFileSync(o.out, `${JSON.stringify(o.only?.length ? mergedResults(o.out, results, o.only) : results, null, 2)}\n`);
  return results;
}

/**
 * A partial run (--only) replaces its own rows in an earlier results file of the same scale and
 * keeps the others, each row still carrying the figures it was measured with.
 */
export function mergedResults(file: string, now: BenchResults, only?: readonly string[]): BenchResults {
  if (!existsSync(file)) return now;
  const before = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  if (before.scale !== now.scale) return now;
  const fresh = new Map(now.rows.map((r) => [r.name, r]));
  const rows = before.rows.map((r) => fresh.get(r.name) ?? r);
  for (const r of now.rows) if (!before.rows.some((b) => b.name === r.name)) rows.push(r);
  const merged = [...(before.merged ?? []), { at: now.generatedAt, only: [...(only ?? [])] }];
  return { ...now, generatedAt: before.generatedAt, totalSeconds: before.totalSeconds, rows, merged };
}

/** `--scale`: a multiple of the 100k-claim case (0.1, 1, 10) or a claim count (10k, 100k, 1m). */
export function parseScale(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km])$/i.exec(text.trim());
  const scale = m ? (Number(m[1]) * (m[2]!.toLowerCase() === 'k' ? 1e3 : 1e6)) / 100_000 : Number(text);
  if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be a number in (0, 10] or a claim count up to 1m (10k, 100k, 1m), got ${text}`);
  return scale;
}

/** bench/results.json at the default scale, else results.<claims>.json (results.10k.json, results.1m.json). */
export function resultsFileName(scale: number): string {
  if (scale === 1) return 'results.json';
  const claims = Math.round(scale * 100_000);
  const label = claims >= 1e6 && claims % 1e6 === 0 ? `${claims / 1e6}m` : claims % 1000 === 0 ? `${claims / 1000}k` : String(claims);
  return `results.${label}.json`;
}
