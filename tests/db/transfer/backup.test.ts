import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../db/api';
import { CaseFileError } from '../../../db/errors';
import { closeCase, openCase } from '../../../db/open';
import { backupCase, restoreCase } from '../../../db/transfer/backup';
import { tempCase, tempDir } from '../../helpers';

const CHILD = join(__dirname, 'writer-child.mjs');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function startChild(file: string, mode: 'loop' | 'hold'): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CHILD, file, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
}

const counts = (path: string) => {
  const h = openCase(path, { readonly: true });
  try {
    return createApi(h.db).invoke('case.info', {}).counts;
  } finally {
    closeCase(h);
  }
};

describe('backup and restore', () => {
  it('a backup taken while another process keeps writing opens and passes integrity_check; restore gives the same counts', async () => {
    const t = tempCase({ sample: true });
    const child = await startChild(t.path, 'loop');
    const out = join(tempDir(), 'during-writes.claimtrail');
    await backupCase(t.handle.db, out);
    child.kill('SIGKILL');
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare("SELECT count(*) AS n FROM meta WHERE key LIKE 'child.%'").get() as { n: number }).n % 20).toBe(0);
    copy.close();
    const restored = join(tempDir(), 'restored.claimtrail');
    await restoreCase(out, restored);
    const { events: _e, ...c } = counts(restored);
    const { events: _f, ...orig } = t.api.invoke('case.info', {}).counts;
    expect(c).toEqual(orig);
    // The chain verifies; the raw writer's rows bypassed the history, which the state check reports.
    const check = createApi(openCase(restored).db);
    expect(check.invoke('history.verify', { state: false }).ok).toBe(true);
    expect(check.invoke('history.verify', {}).state?.firstDifference).toMatchObject({ entity: 'setting' });
  });

  it('restore refuses to overwrite an existing file and leaves it untouched; backup refuses too', async () => {
    const t = tempCase({ sample: true });
    const b = join(tempDir(), 'b.claimtrail');
    await backupCase(t.handle.db, b);
    const existing = join(tempDir(), 'existing.claimtrail');
    writeFileSync(existing, 'precious');
    await expect(restoreCase(b, existing)).rejects.toThrow(/already exists/);
    expect(readFileSync(existing, 'utf8')).toBe('precious');
    await expect(backupCase(t.handle.db, existing)).rejects.toThrow(CaseFileError);
  });

});
