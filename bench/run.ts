/**
 * `npm run bench` — every measurement at DESIGN §10 scale (100k claims), one table, bench/results.json.
 * `npm run bench -- --quick` — the same at 1/10 scale with fewer runs (proves the harness, < 1 min).
 * Options: --scale N (1 = 100k claims), --only search,open (row groups), --out FILE.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBench } from './harness';
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
const scale = values.scale ? Number(values.scale) : quick ? 0.1 : 1;
if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be a number in (0, 10], got ${values.scale}`);
const out = values.out ?? fileURLToPath(new URL(quick ? './results.quick.json' : './results.json', import.meta.url));

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
