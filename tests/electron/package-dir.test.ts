/**
 * Packaging as far as this machine allows (Electron's binary cannot be downloaded here):
 * electron-builder's own schema validation of electron-builder.yml, then a real `electron-builder
 * --dir` (Linux) of the built app around a stand-in Electron distribution (`electronDist`: a tiny
 * executable that carries Electron's fuse wire, every fuse set opposite to what we want). Checked:
 * the fuses electron-builder flipped, the asar's contents and entry point, the native module
 * unpacked beside it. Not here (needs the binary and Electron's headers): better-sqlite3 rebuilt
 * for Electron's ABI (`npmRebuild`, off for this run), the installers, signing (README: Packaging).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRendererOnce } from '../e2e/harness';
// @ts-expect-error plain .mjs build script without type declarations
import { buildElectron } from '../../scripts/build-electron.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const req = createRequire(import.meta.url);
type Config = Record<string, unknown>;
const { getConfig, validateConfiguration } = req('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: Config | null): Promise<Config>;
  validateConfiguration(config: Config, logger: unknown): Promise<void>;
};
const { DebugLogger } = req('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { build, Platform } = req('electron-builder') as {
  build(o: object): Promise<string[]>;
  Platform: { LINUX: { createTarget(t: string): unknown } };
};
const asar = req('@electron/asar') as { listPackage(p: string): string[]; extractFile(p: string, f: string): Buffer };
const fuses = req('@electron/fuses') as { getCurrentFuseWire(p: string): Promise<Record<string, unknown>> };

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // @electron/fuses' marker of the fuse wire in Electron's binary
const ON = 49;
const OFF = 48;
/** FuseV1Options order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, GrantFileProtocolExtraPrivileges. */
const WANTED = [OFF, ON, OFF, OFF, ON, ON, null, OFF];

let work: string;
let out: string;
let asarFile: string;

beforeAll(async () => {
  await buildRendererOnce();
  await (buildElectron as () => Promise<void>)(); // dist/electron, as `npm run dist` builds it
  work = mkdtempSync(join(tmpdir(), 'claimtrail-pack-'));
  const electronDist = join(work, 'electron-dist');
  mkdirSync(electronDist);
  const wire = Buffer.from(WANTED.map((w) => (w === ON ? OFF : ON)));
  writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n# stand-in Electron\n#'), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), wire]), { mode: 0o755 });
  writeFileSync(join(electronDist, 'LICENSE'), 'stand-in');
  writeFileSync(join(electronDist, 'version'), '41.7.1');
  const electronVersion = (JSON.parse(readFileSync(`${ROOT}node_modules/electron/package.json`, 'utf8')) as { version: string }).version;
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { electronDist, electronVersion, npmRebuild: false, directories: { output: join(work, 'release') } },
  });
  out = join(work, 'release', 'linux-unpacked');
  asarFile = join(out, 'resources', 'app.asar');
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder', () => {
  it("accepts electron-builder.yml by its own schema (and refuses a misspelt fuse, so the check is live)", async () => {
    const config = await getConfig(ROOT, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    const fusesOf = config.electronFuses as Record<string, boolean>;
    await expect(validateConfiguration({ ...config, electronFuses: { ...fusesOf, runAsNodee: false } }, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('--dir packs the bundles and the renderer into app.asar with the right entry point, and nothing of the build', () => {
    expect(existsSync(join(out, 'claimtrail'))).toBe(true);
    const files = asar.listPackage(asarFile);
    for (const f of ['/package.json', '/dist/electron/main/index.js', '/dist/electron/main/db-worker.js', '/dist/electron/preload/index.js', '/dist/renderer/index.html'])
      expect(files, f).toContain(f);
    expect((JSON.parse(asar.extractFile(asarFile, 'package.json').toString()) as { main: string }).main).toBe('dist/electron/main/index.js');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('/dist/electron/node_modules'))).toEqual([]);
    const packages = files.filter((f) => /^\/node_modules\/(@[^/]+\/)?[^/@]+$/.test(f)).map((f) => f.slice('/node_modules/'.length));
    expect(packages).toContain('better-sqlite3');
    for (const dev of ['electron', 'vitest', 'typescript', 'playwright-core', 'vite', 'electron-builder']) expect(packages, dev).not.toContain(dev);
  });

  it('unpacks the native module beside the archive (it cannot load from inside asar)', () => {
    expect(existsSync(join(out, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
  });

  it('flips the fuses of the binary as configured', async () => {
    const wire = await fuses.getCurrentFuseWire(join(out, 'claimtrail'));
    WANTED.forEach((w, i) => {
      if (w !== null) expect(wire[i], `fuse ${i}`).toBe(w);
    });
  });
});
