/**
 * The built command (dist/cli, what `claimtrail` runs after the install): bundled into a fresh folder
 * here, so the test never depends on whether the checkout's own bundle is current.
 */
import { execFileSync, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureOutcome } from '../../core/contract/captures';
import type { ClaimSummary, Page, SearchResult } from '../../core/types';
import { tinyPdf } from '../fixtures/documents/tiny-pdf';
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

  it('reads a PDF through its bundled documents worker (source attach)', () => {
    const pdf = join(tempDir(), 'cargo.pdf');
    writeFileSync(pdf, tinyPdf([[{ text: 'Quarterly cargo figures for the eastern terminal.', x: 72, y: 720 }]], { title: 'Cargo figures Q1' }));
    const sources = JSON.parse(run('--case', casePath, 'source', 'list', '--json')) as { items: { id: string }[] };
    const attached = JSON.parse(run('--case', casePath, 'source', 'attach', sources.items[0]!.id, pdf, '--json')) as CaptureOutcome;
    expect(attached.capture).toMatchObject({ mediaType: 'application/pdf', extraction: 'text', pageCount: 1 });
    const found = JSON.parse(run('--case', casePath, 'search', 'eastern terminal', '--json')) as SearchResult;
    expect(found.groups.documents.map((h) => h.capture?.captureId)).toContain(attached.capture.id);
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
