import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { tempCase, tempDir } from '../../helpers';
import { caseInfoAt, send, tradeLaunchCode } from './http';

/** Runs `node cli/bin.mjs serve …`, waits for its first stdout line, and hands back the process. */
async function serve(args: string[], home: string) {
  const child = spawn(process.execPath, ['cli/bin.mjs', 'serve', ...args], {
    env: { ...process.env, CLAIMTRAIL_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const waiting: { re: RegExp; resolve(m: RegExpMatchArray): void }[] = [];
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
    for (const w of waiting.slice()) {
      const m = stderr.match(w.re);
      if (!m) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(m);
    }
  });
  /** Resolves when stderr (so far or later) matches. */
  const stderrMatch = (re: RegExp) =>
    new Promise<RegExpMatchArray>((resolve) => {
      const m = stderr.match(re);
      if (m) resolve(m);
      else waiting.push({ re, resolve });
    });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { first, stop, stderr: () => stderr, stderrMatch };
}

const caseInfo = caseInfoAt;

describe('claimtrail serve', () => {
  it('prints the URL first, serves the given case from a worker, and stops cleanly on SIGTERM', async () => {
    const c = tempCase({ sample: true });
    c.close();
    const s = await serve(['--case', c.path], tempDir());
    expect(s.first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?launch=[0-9a-f]{64}$/);
    const info = await caseInfo(s.first);
    expect(info.ok).toBe(true);
    expect(info.value.counts.claims).toBeGreaterThan(0);
    // The printed address is spent once traded; serve prints a fresh one for another tab.
    await expect(caseInfo(s.first)).rejects.toThrow(/403/);
    const [, next] = await s.stderrMatch(/Address for one more browser tab: (http:\S+)/);
    expect((await caseInfo(next!)).ok).toBe(true);
    expect(await s.stop()).toBe(0);
  });

  it('with no case given and none used before, creates and opens the sample case', async () => {
    const home = tempDir();
    const s = await serve([], home);
    try {
      expect(existsSync(join(home, 'sample.claimtrail'))).toBe(true);
      expect((await caseInfo(s.first)).value.counts.claims).toBeGreaterThan(0);
    } finally {
      await s.stop();
    }
  });

  it('takes the day\'s rolling backup of the case into the user data backups folder after it starts', async () => {
    const c = tempCase({ sample: true, name: 'served.claimtrail' });
    c.close();
    const home = tempDir();
    const s = await serve(['--case', c.path], home);
    try {
      const [, file] = await s.stderrMatch(/Today's automatic backup: (.+\.claimtrail)\./);
      expect(file!.startsWith(join(home, 'backups', 'served.claimtrail-'))).toBe(true);
      expect(existsSync(file!)).toBe(true);
    } finally {
      expect(await s.stop()).toBe(0);
    }
  });

  it('a restart without --port comes back on the same port and the open tab\'s token still works; a taken port is said plainly', async () => {
    const c = tempCase({ sample: true });
    c.close();
    const home = tempDir();
    const s1 = await serve(['--case', c.path], home);
    const u = new URL(s1.first);
    const token = await tradeLaunchCode(s1.first);
    const busy = await serve(['--case', c.path, '--port', u.port], home).catch((e: Error) => e.message);
    expect(busy).toMatch(new RegExp(`exited 1: claimtrail serve: Port ${u.port} on 127\\.0\\.0\\.1 is already in use .*Choose another with --port N`));
    expect(await s1.stop()).toBe(0);
    const s2 = await serve(['--case', c.path], home);
    try {
      expect(new URL(s2.first).port).toBe(u.port);
      const r = await send(Number(u.port), {
        method: 'POST',
        path: '/api/case.info',
        headers: { host: u.host, 'content-type': 'application/json', 'x-claimtrail-token': token },
        body: '{}',
      });
      expect(r.status).toBe(200);
      // While it runs, another server without --port takes a free port and says why.
      const s3 = await serve(['--case', c.path], home);
      try {
        expect(new URL(s3.first).port).not.toBe(u.port);
        await s3.stderrMatch(new RegExp(`Port ${u.port} \\(used last time\\) is taken now, so this server is on \\d+`));
      } finally {
        await s3.stop();
      }
    } finally {
      expect(await s2.stop()).toBe(0);
    }
  });

  it('refuses a bad port with a usage error', async () => {
    await expect(serve(['--port', '70000'], tempDir())).rejects.toThrow(/--port must be an integer from 0 to 65535/);
  });
});
