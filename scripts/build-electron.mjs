#!/usr/bin/env node
// Bundles Electron's main process, the database worker and the preload into dist/electron/ (CommonJS).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  // The worker host names its default worker by import.meta.url; give CommonJS an equivalent.
  define: { 'import.meta.url': '__ctImportMetaUrl' },
  banner: { js: "const __ctImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

export async function buildElectron(out = `${root}dist/electron`) {
  mkdirSync(out, { recursive: true });
  // package.json says "type": "module"; this folder holds CommonJS bundles. The dependency entry lets
  // `npm start` rebuild better-sqlite3 for Electron here (scripts/electron-native.mjs).
  const sqlite = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).dependencies['better-sqlite3'];
  const pkg = { name: 'claimtrail-electron', private: true, type: 'commonjs', dependencies: { 'better-sqlite3': sqlite } };
  writeFileSync(`${out}/package.json`, JSON.stringify(pkg, null, 2));
  await Promise.all([
    build({ ...common, entryPoints: [`${root}electron/main/index.ts`], outfile: `${out}/main/index.js` }),
    build({ ...common, entryPoints: [`${root}db/host/worker.ts`], outfile: `${out}/main/db-worker.js` }),
    // The task worker of db/documents/run-sync.ts (text extraction, URL capture), found beside the bundle.
    build({ ...common, entryPoints: [`${root}db/documents/task-worker.ts`], outfile: `${out}/main/documents-worker.js` }),
    // A sandboxed preload may require only 'electron' (and a few others): everything else is bundled.
    build({ ...common, entryPoints: [`${root}electron/preload/index.ts`], outfile: `${out}/preload/index.js`, platform: 'browser', external: ['electron'], define: {}, banner: {} }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildElectron();
  console.log('Built Electron main, database worker and preload into dist/electron');
}
