#!/usr/bin/env node
// The `claimtrail` command. Runs the bundle in dist/cli (built by `npm run build:cli`, which the install
// runs) while it is newer than every source file; otherwise the TypeScript sources through tsx's loader,
// so an edited checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/cli/claimtrail.mjs`;

/** The newest modification time of the sources the bundle is made from (cli/, core/, db/). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|mjs|js|json)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['cli', 'core', 'db']) walk(`${root}${d}`);
  return newest;
}

if (process.env.CLAIMTRAIL_FROM_SOURCE !== '1' && existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import('./main.ts');
  process.exitCode = await runCli(process.argv.slice(2));
}
