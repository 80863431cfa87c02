// `npm start` on a real machine: gives Electron its own build of better-sqlite3 in
// dist/electron/node_modules (found before the root node_modules by the bundled main and worker),
// so the Node build in node_modules, which the tests and the CLI use, is never touched.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';

export async function ensureElectronSqlite(root, electronVersion) {
  const out = join(root, 'dist', 'electron');
  const target = join(out, 'node_modules', 'better-sqlite3');
  const stamp = join(target, '.electron-version');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion) return;
  rmSync(target, { recursive: true, force: true });
  const source = join(root, 'node_modules', 'better-sqlite3');
  cpSync(source, target, { recursive: true, filter: (p) => !p.startsWith(join(source, 'build') + sep) && p !== join(source, 'build') });
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: out, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  writeFileSync(stamp, electronVersion);
}
