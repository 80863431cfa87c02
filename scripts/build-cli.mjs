#!/usr/bin/env node
// `node scripts/build-cli.mjs [OUT_DIR]` bundles the `claimtrail` command (and the web server's database worker) into dist/cli/ as plain
// JavaScript, so the command starts without compiling TypeScript (cli/bin.mjs uses it while it is newer
// than every source file, and falls back to the sources through tsx otherwise). npm packages stay
// external: Node loads them from node_modules as they are, and the heavy ones are imported only by the
// commands that need them. zod and uuidv7 are bundled: they are on every command's path, and one module
// compiles faster than a hundred.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const BUNDLED = new Set(['zod', 'uuidv7']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((n) => !BUNDLED.has(n));

/** Worker threads the command starts, each bundled next to it under the name its host looks for. */
export const CLI_WORKERS = [
  ['db/host/worker.ts', 'worker-boot.mjs'],
  // db/documents/run-sync.ts: text extraction and URL capture, looked for beside the bundle.
  ['db/documents/task-worker.ts', 'documents-worker.js'],
];

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', external, logLevel: 'warning', sourcemap: 'linked' };

/** Builds in memory, then renames each file into place: a command started meanwhile reads the old or the new, never half. */
async function buildAtomically(options) {
  const result = await build({ ...options, write: false });
  for (const f of result.outputFiles) {
    writeFileSync(`${f.path}.${process.pid}.tmp`, f.contents);
    renameSync(`${f.path}.${process.pid}.tmp`, f.path);
  }
}

export async function buildCli(out = `${root}dist/cli`) {
  mkdirSync(out, { recursive: true });
  await Promise.all([
    buildAtomically({
      ...common,
      stdin: {
        contents: "import { runCli } from './cli/main.ts';\nprocess.exitCode = await runCli(process.argv.slice(2));\n",
        resolveDir: root,
        sourcefile: 'claimtrail-entry.ts',
        loader: 'ts',
      },
      outfile: `${out}/claimtrail.mjs`,
    }),
    ...CLI_WORKERS.map(([entry, name]) => buildAtomically({ ...common, entryPoints: [`${root}${entry}`], outfile: `${out}/${name}` })),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  await buildCli(out);
  console.log(`Built the claimtrail command into ${out ?? 'dist/cli'}`);
}
