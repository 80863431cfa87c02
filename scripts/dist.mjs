#!/usr/bin/env node
// `npm run dist`: build everything, then package installers with electron-builder (electron-builder.yml).
// electron-builder downloads Electron and rebuilds better-sqlite3 for Electron's ABI in its own staging
// copy of the app, so node_modules keeps the Node build that the tests use.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, URL } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status;

if (run([`${root}node_modules/vite/bin/vite.js`, 'build']) !== 0) process.exit(1);
await buildElectron();
const status = run([`${root}node_modules/electron-builder/cli.js`, '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
if (status !== 0) {
  console.error(
    'Packaging failed. electron-builder needs to download Electron (and, per target, its packaging tools) from outside the npm registry; on a machine where that is blocked it cannot package. Run `npm run dist` on a normal machine. `npm run web` works here.',
  );
  process.exit(status ?? 1);
}
