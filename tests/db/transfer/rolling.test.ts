import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDue, caseBackupDir, listBackups, rollingBackup, stamp, toPrune } from '../../../db/transfer/rolling';
import { tempCase, tempDir } from '../../helpers';

const day = (d: number, time = '10:00:00') => `2025-03-${String(d).padStart(2, '0')}T${time}.000Z`;

/** Opens a backup read-only: integrity_check and its claim count. */
function inspect(file: string): { check: unknown; claims: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      check: db.pragma('integrity_check', { simple: true }),
      claims: (db.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe('rolling backups: the pure parts', () => {
  it('stamps sort in time order and name the UTC second', () => {
    expect(stamp('2025-03-01T09:08:07.654Z')).toBe('20250301T090807Z');
    expect(stamp('2025-03-01T10:00:00+02:00')).toBe('20250301T080000Z');
    expect(() => stamp('yesterday')).toThrow(/Not a time/);
  });

  it('a backup is due when none carries today\'s UTC date', () => {
    expect(backupDue(null, '20250301T000000Z')).toBe(true);
    expect(backupDue('20250301T000001Z', '20250301T235959Z')).toBe(false);
    expect(backupDue('20250228T235959Z', '20250301T000000Z')).toBe(true);
    // After the clock was set back, a backup "from the future" still counts as today's.
    expect(backupDue('20250305T100000Z', '20250301T100000Z')).toBe(false);
  });

  it('prunes the oldest beyond N, and nothing when there are N or fewer', () => {
    const e = (s: string, seq = 1) => ({ file: s, stamp: s, seq });
    const list = [e('1'), e('2'), e('3'), e('4')];
    expect(toPrune(list, 2).map((x) => x.file)).toEqual(['1', '2']);
    expect(toPrune(list, 4)).toEqual([]);
    expect(toPrune(list, 9)).toEqual([]);
  });

  it('same-named cases in different folders get different backup folders; the folder is stable per path', () => {
    const root = '/r';
    expect(caseBackupDir(root, '/a/case.claimtrail')).not.toBe(caseBackupDir(root, '/b/case.claimtrail'));
    expect(caseBackupDir(root, '/a/case.claimtrail')).toBe(caseBackupDir(root, '/a/./x/../case.claimtrail'));
    expect(basename(caseBackupDir(root, '/a/case.claimtrail'))).toMatch(/^case\.claimtrail-[0-9a-f]{8}$/);
  });

  it('lists only this case\'s finished backups, in time order (a same-second -2 after its first)', () => {
    const dir = tempDir();
    for (const f of ['c-20250302T100000Z-2.claimtrail', 'c-20250302T100000Z.claimtrail', 'c-20250301T100000Z.claimtrail', 'other-20250101T000000Z.claimtrail', '.c-20250303T100000Z.claimtrail.1.partial', 'c-notes.txt'])
      writeFileSync(join(dir, f), '');
    expect(listBackups(dir, '/x/c.claimtrail').map((e) => basename(e.file))).toEqual([
      'c-20250301T100000Z.claimtrail',
      'c-20250302T100000Z.claimtrail',
      'c-20250302T100000Z-2.claimtrail',
    ]);
    expect(listBackups(join(dir, 'missing'), '/x/c.claimtrail')).toEqual([]);
  });
});

describe('rolling backups of a real case', () => {
  it('opening twice on one day makes one backup; the next day makes another', async () => {
    const t = tempCase({ sample: true, name: 'deepseek.claimtrail' });
    const root = tempDir();
    const first = await rollingBackup(t.handle.db, t.path, { root, now: day(1, '08:00:00') });
    expect(first.file).toBe(join(caseBackupDir(root, t.path), 'deepseek-20250301T080000Z.claimtrail'));
    expect(await rollingBackup(t.handle.db, t.path, { root, now: day(1, '23:59:59') })).toEqual({ file: null, removed: [], skipped: 'today' });
    expect(readdirSync(caseBackupDir(root, t.path))).toEqual(['deepseek-20250301T080000Z.claimtrail']);
    expect((await rollingBackup(t.handle.db, t.path, { root, now: day(2, '00:00:00') })).file).toMatch(/deepseek-20250302T000000Z\.claimtrail$/);
  });

  it('N+2 backups leave the newest N; each opens, passes integrity_check and holds the case', async () => {
    const t = tempCase({ sample: true });
    const claims = t.api.invoke('case.info', {}).counts.claims;
    const keep = 3;
    t.api.invoke('settings.update', { backupsToKeep: keep });
    const root = tempDir();
    const made: string[] = [];
    const removed: string[] = [];
    for (let d = 1; d <= keep + 2; d++) {
      const r = await rollingBackup(t.handle.db, t.path, { root, now: day(d) });
      made.push(r.file!);
      removed.push(...r.removed);
    }
    const dir = caseBackupDir(root, t.path);
    expect(readdirSync(dir).sort()).toEqual(made.slice(2).map((f) => basename(f)));
    expect(removed).toEqual(made.slice(0, 2));
    for (const f of made.slice(2)) expect(inspect(f)).toEqual({ check: 'ok', claims });
    expect(readdirSync(dir).some((f) => f.includes('partial') || f.endsWith('-wal'))).toBe(false);
  });

  it('force takes another on the same day (same second: -2); backupsToKeep 0 turns them off', async () => {
    const t = tempCase({ sample: true });
    const root = tempDir();
    const a = await rollingBackup(t.handle.db, t.path, { root, now: day(1), force: true });
    const b = await rollingBackup(t.handle.db, t.path, { root, now: day(1), force: true });
    expect(basename(b.file!)).toBe(basename(a.file!).replace('.claimtrail', '-2.claimtrail'));
    t.api.invoke('settings.update', { backupsToKeep: 0 });
    expect(await rollingBackup(t.handle.db, t.path, { root, now: day(9), force: true })).toEqual({ file: null, removed: [], skipped: 'off' });
    expect(readdirSync(caseBackupDir(root, t.path))).toHaveLength(2);
  });

  it('many in the same second with N kept: the newest stay (a freed lower -N is never reused)', async () => {
    const t = tempCase({ sample: true, name: 's.claimtrail' });
    t.api.invoke('settings.update', { backupsToKeep: 2 });
    const root = tempDir();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await rollingBackup(t.handle.db, t.path, { root, now: day(1), force: true })).file!);
    expect(made.map((f) => basename(f))).toEqual(['', '-2', '-3', '-4', '-5'].map((n) => `s-20250301T100000Z${n}.claimtrail`));
    expect(readdirSync(caseBackupDir(root, t.path)).sort()).toEqual(['s-20250301T100000Z-4.claimtrail', 's-20250301T100000Z-5.claimtrail']);
  });

  it('a failed backup leaves no file that would count as one (and no .partial)', async () => {
    const t = tempCase({ sample: true });
    const root = tempDir();
    // A plain file where the case's backup folder should be: the copy cannot be written.
    writeFileSync(caseBackupDir(root, t.path), 'in the way');
    await expect(rollingBackup(t.handle.db, t.path, { root, now: day(1) })).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(readdirSync(root)).toEqual([basename(caseBackupDir(root, t.path))]);
  });

  it('an unchecked copy left by an interrupted backup never counts, and the next backup clears it away', async () => {
    const t = tempCase({ sample: true, name: 'p.claimtrail' });
    const root = tempDir();
    const dir = caseBackupDir(root, t.path);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.p-20250301T100000Z.claimtrail.partial'), 'half a copy');
    expect(listBackups(dir, t.path)).toEqual([]);
    const r = await rollingBackup(t.handle.db, t.path, { root, now: day(1) });
    expect(readdirSync(dir)).toEqual([basename(r.file!)]);
  });

  it('the check can run elsewhere (the worker passes a helper thread); a failed check keeps nothing', async () => {
    const t = tempCase({ sample: true });
    const root = tempDir();
    const checked: string[] = [];
    const ok = await rollingBackup(t.handle.db, t.path, { root, now: day(1), verify: (f) => void checked.push(f) });
    expect(checked).toHaveLength(1);
    expect(checked[0]!.endsWith('.partial')).toBe(true);
    expect(existsSync(ok.file!)).toBe(true);
    const refuse = () => Promise.reject(new Error('integrity_check said no'));
    await expect(rollingBackup(t.handle.db, t.path, { root, now: day(2), verify: refuse })).rejects.toThrow(/said no/);
    expect(readdirSync(caseBackupDir(root, t.path))).toEqual([basename(ok.file!)]);
  });

  it('closing the case while its backup starts abandons it: nothing is left behind', async () => {
    const t = tempCase({ sample: true });
    const root = tempDir();
    const pending = rollingBackup(t.handle.db, t.path, { root, now: day(1) });
    t.close();
    await expect(pending).rejects.toThrow();
    expect(readdirSync(caseBackupDir(root, t.path))).toEqual([]);
  });
});
