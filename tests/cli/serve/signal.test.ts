/**
 * Issue 12.4: a planted view hung web mode at 90% CPU and it then ignored SIGTERM. Now SIGTERM and
 * SIGINT end `serve` even while its database worker is stuck inside one endless SQLite statement.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { tempCase } from '../../helpers';
import { send, tradeLaunchCode } from './http';

const TSX = new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url).pathname;
const FIXTURE = new URL('./fixtures/stuck-serve.ts', import.meta.url).pathname;

async function stuckServer() {
  const c = tempCase();
  c.close();
  const child = spawn(process.execPath, [TSX, FIXTURE, c.path], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const spinning = new Promise<void>((resolve) =>
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (stderr.includes('test worker: spinning')) resolve();
    }),
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const address = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  const url = new URL(address);
  const token = await tradeLaunchCode(address);
  const call = (method: string) =>
    send(Number(url.port), {
      method: 'POST',
      path: `/api/${method}`,
      headers: { host: url.host, 'content-type': 'application/json', 'x-claimtrail-token': token },
      body: '{}',
    });
  return { child, url, call, spinning, exited, stderr: () => stderr };
}

describe('serve stops on a signal even while a query runs forever', () => {
  it('stops cleanly when nothing is running', async () => {
    const s = await stuckServer();
    expect(JSON.parse((await s.call('case.info')).body)).toMatchObject({ ok: true });
    s.child.kill('SIGTERM');
    expect(await s.exited).toEqual({ code: 0, signal: null });
    expect(s.stderr()).toContain('closed cleanly');
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('%s during an endless statement ends the process', async (signal) => {
    const s = await stuckServer();
    void s.call('test.spin').catch(() => undefined); // never answered: the connection dies with the process
    await s.spinning;
    s.child.kill(signal);
    // Generous bound: without the fix the process never exits, so waiting for exit is the assertion.
    const bound = new Promise<'still running'>((r) => setTimeout(() => r('still running'), 60_000).unref());
    const outcome = await Promise.race([s.exited, bound]);
    if (outcome === 'still running') s.child.kill('SIGKILL');
    // Killed by that signal (tsx's launcher reports it as the exit code 128 + signal number).
    expect([{ code: null, signal }, { code: 128 + constants.signals[signal], signal: null }]).toContainEqual(outcome);
    expect(s.stderr()).not.toContain('closed cleanly');
  }, 90_000);
});
