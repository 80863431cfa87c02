/**
 * `npm run bench` — every measurement at DESIGN §10 scale (100k claims), one table, bench/results.json.
 * `npm run bench -- --quick` — the same at 1/10 scale with fewer runs (proves the harness, < 1 min).
 * Options: --scale N (1 = 100k claims) or a claim count (10k, 100k, 1m), --only search,open (row
 * groups; merged into an existing results file of the same scale), --out FILE. Results go to
 * bench/results.json at the default scale, bench/results.<claims>.json at another (results.10k.json,
 * results.1m.json), bench/results.quick.json for --quick; every run then rewrites the growth report
 * (docs/performance.md "How cost grows", bench/growth.svg) from all of them.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeGrowthReport } from './lib/growth';
import { parseScale, resultsFileName, runBench } from './harness';
import { textTable } from './lib/table';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string' },
  },
});

const quick = values.quick ?? false;
const scale = values.scale ? parseScale(values.scale) : quick ? 0.1 : 1;
const out = values.out ?? fileURLToPath(new URL(`./${quick ? 'results.quick.json' : resultsFileName(scale)}`, import.meta.url));

const results = await runBench({
  scale,
  effort: quick ? 0.25 : 1,
  only: values.only?.split(',').map((s) => s.trim()).filter(Boolean),
  out,
  log: (m) => process.stderr.write(`${m}\n`),
});
process.stdout.write(`\n${textTable(results.rows)}\n\n`);
process.stdout.write(`${results.rows.length} rows in ${results.totalSeconds.toFixed(0)} s; results in ${out}\n`);
const failed = results.rows.filter((r) => r.status === 'fail').map((r) => r.name);
if (failed.length) process.stdout.write(`missed targets: ${failed.join('; ')}\n`);
const growth = writeGrowthReport();
process.stdout.write(`growth report: ${growth.rows} rows at ${growth.scales.join(', ')} claims in ${growth.doc} and ${growth.svg}\n`);
