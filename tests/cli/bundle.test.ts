/**
 * The built command (dist/cli, what `claimtrail` runs after the install): bundled into a fresh folder
 * here, so the test never depends on whether the checkout's own bundle is current.
 */
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimSummary, Page } from '../../core/types';
import { tempCase, tempDir } from '../helpers';
import { cli, cliHome } from './run';
import { caseInfoAt } from './serve/http';

// Inside the checkout, so that the bundle finds node_modules as the real one does.
const out = join(process.cwd(), 'dist', `cli-test-${process.pid}`);
let casePath: string;
afterAll(() => rmSync(out, { recursive: true, force: true }));
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-cli.mjs', out], { encoding: 'utf8' });
  const c = tempCase({ sample: true });
  c.close();
  casePath = c.path;
}, 120_000);

const run = (...args: string[]) =>
  execFileSync(process.execPath, [join(out, 'claimtrail.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, CLAIMTRAIL_HOME: tempDir() } });

describe('the bundled claimtrail command', () => {
  it('answers exactly as the sources do, without TypeScript at run time', async () => {
    cliHome();
    const fromSource = (await cli('--case', casePath, 'claim', 'list', '--json')).json<Page<ClaimSummary>>();
    const bundled = JSON.parse(run('--case', casePath, 'claim', 'list', '--json')) as Page<ClaimSummary>;
    expect(bundled).toEqual(fromSource);
    expect(bundled.total).toBe(23);
  });

  it('starts web mode with its bundled database worker', async () => {
    const child = spawn(process.execPath, [join(out, 'claimtrail.mjs'), 'serve', '--case', casePath], {
      env: { ...process.env, CLAIMTRAIL_HOME: tempDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      expect(await caseInfoAt(address)).toMatchObject({ ok: true, value: { counts: { claims: 23 } } });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
