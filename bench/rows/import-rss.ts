/**
 * "JSON import peak RSS" (issue 17.2): `claimtrail import` of the scale set's JSON export as a whole
 * process (the bundled command, as installed), its peak resident memory read by the process itself
 * at exit (getrusage maxRSS, bench/lib/rss-probe.mjs) and its wall time, against the raw baseline in
 * a process of its own (prepared INSERTs in one transaction plus one FTS rebuild, timed without the
 * generation of its rows). Targets: ≤ 2× the baseline's time and ≤ 500 MB resident at 100k claims
 * (≤ 1 GB at 1M).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaleJsonFile } from '../gen/scale-json';
import { type BenchContext, runs, scaleLabel } from '../lib/context';
import { makeRow, type RowResult } from '../lib/result';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = join(ROOT, 'bench/lib/rss-probe.mjs');

const removeCase = (f: string) => {
  for (const x of [f, `${f}-wal`, `${f}-shm`]) rmSync(x, { force: true });
};

/** The import as the analyst runs it; returns wall ms, peak RSS in MB and the report. */
export function cliImport(file: string, casePath: string, workDir: string, args: string[] = []): { ms: number; rssMB: number; report: Record<string, unknown> } {
  const rssOut = join(workDir, 'import-rss.json');
  rmSync(rssOut, { force: true });
  const env = { ...process.env, CLAIMTRAIL_HOME: workDir, CT_RSS_OUT: rssOut };
  execFileSync(process.execPath, [join(ROOT, 'cli/bin.mjs'), 'init', casePath], { env, stdio: 'ignore' });
  const t0 = performance.now();
  const out = execFileSync(process.execPath, ['--import', PROBE, join(ROOT, 'cli/bin.mjs'), '--case', casePath, 'import', file, '--json', ...args], {
    env,
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - t0;
  const rss = JSON.parse(readFileSync(rssOut, 'utf8')) as { maxRSSKB: number };
  return { ms, rssMB: Math.round(rss.maxRSSKB / 1024), report: JSON.parse(out.toString('utf8')) as Record<string, unknown> };
}

function rawChild(ctx: BenchContext, casePath: string): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/gen/raw-child.ts'), String(ctx.scale), casePath], { cwd: ROOT, maxBuffer: 1 << 20 });
  return (JSON.parse(out.toString('utf8')) as { ms: number }).ms;
}

export function importRssRows(ctx: BenchContext): RowResult[] {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, stdio: 'ignore' });
  const file = scaleJsonFile(ctx.scaleCase.path);
  const app: number[] = [];
  const base: number[] = [];
  let rssMB = 0;
  let report = '';
  const n = runs(ctx, 1, 1);
  for (let i = 0; i < n; i++) {
    const casePath = join(ctx.workDir, `import-rss-${i}.claimtrail`);
    const r = cliImport(file, casePath, ctx.workDir);
    removeCase(casePath);
    if (r.report.ok !== true) throw new Error(`import refused: ${JSON.stringify(r.report).slice(0, 500)}`);
    const c = r.report.counts as Record<string, number>;
    report = `${c.claims} claims, ${c.evidence} evidence, ${c.sources} sources, ${c.disputes} disputes`;
    app.push(r.ms);
    rssMB = Math.max(rssMB, r.rssMB);
    const rawPath = join(ctx.workDir, `import-raw-${i}.claimtrail`);
    base.push(rawChild(ctx, rawPath));
    removeCase(rawPath);
  }
  const scaleMax = ctx.counts.claims > 200_000 ? 1000 : 500;
  return [
    makeRow({
      name: 'JSON import peak RSS',
      scale: scaleLabel(ctx),
      app,
      baseline: { name: 'raw prepared INSERTs in 1 transaction + FTS rebuild (own process)', samples: base },
      target: { kind: 'ratio', max: 2, maxRssMB: scaleMax },
      memory: { rssMB, heapMB: 0 },
      note: `claimtrail import FILE --json in a fresh process (bundled CLI), ${(statSync(file).size / 1e6).toFixed(0)} MB file; peak RSS from the process's own getrusage; imported ${report}`,
    }),
  ];
}
