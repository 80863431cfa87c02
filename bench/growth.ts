/** `npx tsx bench/growth.ts` — rewrites the growth report from bench/results*.json without running a bench. */
import { writeGrowthReport } from './lib/growth';

const g = writeGrowthReport();
process.stdout.write(`growth report: ${g.rows} rows at ${g.scales.join(', ')} claims in ${g.doc} and ${g.svg}\n`);
