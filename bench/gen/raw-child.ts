/**
 * The raw baseline of the "JSON import peak RSS" row in a process of its own: generates the scale set
 * into memory (untimed), then times prepared INSERTs in one transaction plus one FTS rebuild into a new
 * case. Prints {"ms": …}. Usage: tsx bench/gen/raw-child.ts SCALE CASE_FILE
 */
import { closeCase, openCase } from '../../db/open';
import { collectSink } from './collect';
import { DEFAULT_SEED, generateCase } from './generate';
import { rawBulkLoad, rawSink } from './raw-load';

const [scale, file] = process.argv.slice(2);
const data = collectSink();
generateCase({ scale: Number(scale), seed: DEFAULT_SEED }, data);
const h = openCase(file!, { create: true, captureChanges: false });
const t0 = performance.now();
rawBulkLoad(h.db, () => data.replay(rawSink(h.db)));
const ms = performance.now() - t0;
closeCase(h);
process.stdout.write(`${JSON.stringify({ ms })}\n`);
