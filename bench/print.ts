/** Prints bench/results.json (or the file given) as the Markdown table used in docs/performance.md. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchResults } from './harness';
import { markdownTable } from './lib/table';

const file = process.argv[2] ?? fileURLToPath(new URL('./results.json', import.meta.url));
const r = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
process.stdout.write(`${markdownTable(r.rows)}\n\n`);
process.stdout.write(
  `Measured ${r.generatedAt.slice(0, 10)} on ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}; ` +
    `${r.counts.claims} claims, ${r.counts.evidence} evidence, ${r.counts.sources} sources, ${r.counts.disputes} disputes, ` +
    `${r.counts.events} events; whole run ${r.totalSeconds.toFixed(0)} s.\n`,
);
