/**
 * kill -9 in the middle of a streamed JSON import (issue 17.2): `claimtrail import` reads the file from
 * a named pipe, so the test knows it is mid-import (half the file given, the write lock held by the
 * import's open transaction) when it kills the process. The case must be exactly as it was.
 */
import { spawn, execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildScaleCase } from '../../bench/gen/cache';
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { tempDir } from '../helpers';

const ROOT = join(__dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether another process holds the case's write lock (an open write transaction). */
function writeLocked(path: string): boolean {
  const db = new Database(path, { timeout: 0 });
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return false;
  } catch (e) {
    if (/locked|busy/i.test(String(e))) return true;
    throw e;
  } finally {
    db.close();
  }
}

describe('a killed streamed import', () => {
  it('kill -9 while it is writing (half the file read, the transaction open) leaves the case as it was', async () => {
    const dir = tempDir();
    const gen = join(dir, 'gen.claimtrail');
    buildScaleCase(gen, 0.02);
    const h = openCase(gen);
    const text = createApi(h.db).invoke('transfer.export', { format: 'json' }).content;
    closeCase(h);

    const target = join(dir, 'target.claimtrail');
    const t = openCase(target, { create: true });
    const api = createApi(t.db, { actor: 'tester' });
    api.invoke('claims.create', { text: 'A claim the case had before', claimant: 'someone' });
    const before = { counts: api.invoke('case.info', {}).counts, head: api.invoke('history.verify', {}) };
    closeCase(t);

    const fifo = join(dir, 'import.json');
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [join(ROOT, 'cli/bin.mjs'), '--case', target, 'import', fifo, '--format', 'json'], {
      env: { ...process.env, CLAIMTRAIL_HOME: dir },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, sig) => r(sig)));
    // Opening the pipe waits for the importer to open it; each write waits for it to read.
    const fd = openSync(fifo, 'w');
    const half = Buffer.from(text.slice(0, Math.floor(text.length * 0.6)));
    for (let i = 0; i < half.length; i += 1 << 16) writeSync(fd, half, i, Math.min(1 << 16, half.length - i));
    let locked = false;
    for (let k = 0; k < 100 && !(locked = writeLocked(target)); k++) await sleep(100);
    expect(locked).toBe(true);
    await sleep(300);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    closeSync(fd);

    const after = openCase(target);
    try {
      const a = createApi(after.db, { actor: 'tester' });
      expect(a.invoke('case.info', {}).counts).toEqual(before.counts);
      expect(a.invoke('history.verify', {})).toEqual(before.head);
      expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeCase(after);
    }
  }, 120_000);
});
