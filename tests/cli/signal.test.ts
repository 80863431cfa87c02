/** Issue 12.4 for the CLI: SIGTERM and SIGINT end a command at once, even inside an endless SQLite statement. */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { describe, expect, it } from 'vitest';
import { tempCase } from '../helpers';

const TSX = new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url).pathname;
const FIXTURE = new URL('./fixtures/stuck-cli.ts', import.meta.url).pathname;

describe('the CLI ends on a signal during an endless statement', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s', async (signal) => {
    const c = tempCase({ sample: true });
    c.close();
    const child = spawn(process.execPath, [TSX, FIXTURE, c.path], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, sig) => r({ code, signal: sig })));
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        if (stderr.includes('spinning')) resolve();
      }),
    );
    expect(stderr).toContain('command exited 0');
    child.kill(signal);
    const bound = new Promise<'still running'>((r) => setTimeout(() => r('still running'), 60_000).unref());
    const outcome = await Promise.race([exited, bound]);
    if (outcome === 'still running') child.kill('SIGKILL');
    expect([{ code: null, signal }, { code: 128 + constants.signals[signal], signal: null }]).toContainEqual(outcome);
  }, 90_000);
});
