/**
 * CLI start-up (issue 17.1): `claimtrail --case F claim list --json` on the sample case as a whole process,
 * against `node -e` opening the same file with better-sqlite3 and reading one row. Target ≤ 3×.
 * The command is bundled first (dist/cli, as the install does), so the row measures what users run.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { writeSample } from '../../db/sample';
import { type BenchContext, runs } from '../lib/context';
import { interleave, MemoryWatch } from '../lib/measure';
import { makeRow, type RowResult } from '../lib/result';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function cliRows(ctx: BenchContext): RowResult[] {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, stdio: 'ignore' });
  const file = join(ctx.workDir, 'cli-sample.claimtrail');
  const h = openCase(file, { create: true });
  try {
    writeSample(createApi(h.db));
  } finally {
    closeCase(h);
  }
  const env = { ...process.env, CLAIMTRAIL_HOME: ctx.workDir };
  const app = () => execFileSync(process.execPath, [join(ROOT, 'cli/bin.mjs'), '--case', file, 'claim', 'list', '--json'], { env, stdio: 'ignore' });
  const script = `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)});d.prepare('SELECT * FROM claims LIMIT 1').get();d.close()`;
  const raw = () => execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env, stdio: 'ignore' });
  const mem = new MemoryWatch();
  const t = interleave(app, raw, { warmup: 1, runs: runs(ctx, 15), mem });
  return [
    makeRow({
      name: 'CLI start: claim list --json on the sample case',
      scale: 'sample case (23 claims)',
      app: t.app,
      baseline: { name: 'node -e: better-sqlite3 opens the file, reads one row', samples: t.base },
      target: { kind: 'ratio', max: 3 },
      memory: mem.result(),
      note: 'whole processes, paired; the bundled command (dist/cli) as the install builds it',
    }),
  ];
}
