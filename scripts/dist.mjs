#!/usr/bin/env node
// `npm run dist`: build everything, then package installers with electron-builder (electron-builder.yml).
// electron-builder downloads Electron and rebuilds better-sqlite3 for Electron's ABI (npmRebuild). If that
// left node_modules with the Electron build, the Node build that the tests and the CLI use is restored.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, URL } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status;
const nodeBuildLoads = () =>
  spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root }).status === 0;

if (run(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build']) !== 0) process.exit(1);
await buildElectron();
const status = run(process.execPath, [`${root}node_modules/electron-builder/cli.js`, '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
if (!nodeBuildLoads()) {
  console.error('Restoring the Node build of better-sqlite3 in node_modules (for the tests and the CLI)…');
  run('npm', ['rebuild', 'better-sqlite3']);
}
if (status !== 0) {
  console.error(
    'Packaging failed. electron-builder needs to download Electron (and, per target, its packaging tools) from outside the npm registry; where that is blocked it cannot package. Run `npm run dist` on a normal machine; `npm run web` works here.',
  );
  process.exit(status ?? 1);
}
