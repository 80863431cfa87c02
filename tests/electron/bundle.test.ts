import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseHost } from '../../db/host/host';
// @ts-expect-error plain .mjs build script without type declarations
import { buildElectron } from '../../scripts/build-electron.mjs';
import { tempCase, tempDir } from '../helpers';

let out: string;
beforeAll(async () => {
  // Inside the repository, so that the worker resolves better-sqlite3 from node_modules as in the app.
  const cache = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  out = mkdtempSync(join(cache, 'claimtrail-electron-'));
  await (buildElectron as (dir: string) => Promise<void>)(out);
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

const requires = (file: string) => [...new Set([...readFileSync(join(out, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();

describe('Electron bundles (esbuild)', () => {
  it('the preload needs nothing but electron (a sandboxed preload can require little else)', () => {
    expect(requires('preload/index.js')).toEqual(['electron']);
    const src = readFileSync(join(out, 'preload/index.js'), 'utf8');
    expect(src).toContain('exposeInMainWorld("claimtrail"');
  });

  it('main and worker load only electron, better-sqlite3 and Node built-ins', () => {
    for (const f of ['main/index.js', 'main/db-worker.js']) {
      const bad = requires(f).filter((m) => m !== 'electron' && m !== 'better-sqlite3' && !m.startsWith('node:'));
      expect(bad, f).toEqual([]);
    }
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'))).toMatchObject({ type: 'commonjs', dependencies: { 'better-sqlite3': expect.any(String) } });
  });

  it('the bundled database worker serves a real case and takes its rolling backup (checked by itself in verify mode)', async () => {
    const c = tempCase({ sample: true });
    c.close();
    const host = await CaseHost.start({ casePath: c.path, workerFile: join(out, 'main/db-worker.js'), backupRoot: tempDir() });
    try {
      const r = await host.call('case.info', {});
      expect(r.ok && (r.value as { counts: { claims: number } }).counts.claims).toBeGreaterThan(0);
      const b = await host.autoBackup;
      expect(b).toMatchObject({ ok: true, file: expect.stringMatching(/\.claimtrail$/) });
      expect(existsSync((b as { file: string }).file)).toBe(true);
    } finally {
      await host.close();
    }
  });
});
