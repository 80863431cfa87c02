#!/usr/bin/env node
// `npm start`: build the renderer and the Electron bundles, then launch the desktop app.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { electronBinary, NO_ELECTRON } from './electron-binary.mjs';
import { ensureElectronSqlite } from './electron-native.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const binary = electronBinary();
if (!binary) {
  console.error(NO_ELECTRON);
  process.exit(1);
}
const vite = spawnSync(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build'], { cwd: root, stdio: 'inherit' });
if (vite.status !== 0) process.exit(vite.status ?? 1);
await buildElectron();
const electronVersion = JSON.parse(readFileSync(`${root}node_modules/electron/package.json`, 'utf8')).version;
try {
  await ensureElectronSqlite(root, electronVersion);
} catch (e) {
  console.error(`Could not build better-sqlite3 for Electron ${electronVersion}: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
