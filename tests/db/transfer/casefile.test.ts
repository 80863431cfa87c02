import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, openSync, readFileSync, statSync, truncateSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../db/api';
import { closeCase, openCase } from '../../../db/open';
import { tempCase, tempDir } from '../../helpers';

const CHILD = join(__dirname, 'writer-child.mjs');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** A closed, checkpointed sample case in a fresh folder. */
function closedSample(name: string): string {
  const t = tempCase({ sample: true });
  t.close();
  const path = join(tempDir(), name);
  copyFileSync(t.path, path);
  return path;
}

describe('case files', () => {
  it('a truncated case file is refused with a clear message and left untouched', () => {
    const path = closedSample('truncated.claimtrail');
    truncateSync(path, Math.floor(statSync(path).size / 2));
    const before = sha(path);
    expect(() => openCase(path)).toThrow(/truncated|damaged/);
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('a case whose schema page is overwritten is refused with a clear message and left untouched', () => {
    const path = closedSample('corrupt.claimtrail');
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(3000, 0x5a), 0, 3000, 100);
    closeSync(fd);
    const before = sha(path);
    expect(() => openCase(path)).toThrow(/damaged|malformed/);
    expect(sha(path)).toBe(before);
  });

  it('after an unclean shutdown (a writer killed with its -wal file left behind) quick_check runs, committed data is there, uncommitted is not', async () => {
    const t = tempCase({ sample: true });
    const claims = t.api.invoke('case.info', {}).counts.claims;
    t.close();
    const child = spawn(process.execPath, [CHILD, t.path, 'hold'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(statSync(`${t.path}-wal`).size).toBeGreaterThan(0);
    const h = openCase(t.path);
    expect(h.recovered).toBe(true);
    const api = createApi(h.db);
    expect(api.invoke('case.info', {}).counts.claims).toBe(claims);
    const meta = h.db.prepare("SELECT key FROM meta WHERE key LIKE 'committed.%' OR key LIKE 'uncommitted.%'").all() as { key: string }[];
    expect(meta.filter((m) => m.key.startsWith('committed.'))).toHaveLength(50);
    expect(meta.filter((m) => m.key.startsWith('uncommitted.'))).toHaveLength(0);
    // The chain is intact; the state check sees the raw writer's rows, which bypassed the history.
    expect(api.invoke('history.verify', { state: false }).ok).toBe(true);
    expect(api.invoke('history.verify', {}).state?.firstDifference).toMatchObject({ entity: 'setting', id: 'committed.0' });
    closeCase(h);
  });

  it('a newer-version case is refused and stays byte-identical, also when its newest header is still in the -wal file', () => {
    const t = tempCase({ sample: true });
    t.close();
    const raw = new Database(t.path);
    raw.pragma('wal_autocheckpoint = 0');
    raw.pragma('user_version = 999');
    // Leave the WAL in place, as a crash would: copy the pair while the connection is still open.
    const dir = tempDir();
    const path = join(dir, 'future.claimtrail');
    copyFileSync(t.path, path);
    copyFileSync(`${t.path}-wal`, `${path}-wal`);
    raw.close();
    const before = [sha(path), sha(`${path}-wal`)];
    expect(() => openCase(path)).toThrow(/newer ClaimTrail \(case format v999/);
    expect([sha(path), existsSync(`${path}-wal`) ? sha(`${path}-wal`) : 'gone']).toEqual(before);
  });
});
