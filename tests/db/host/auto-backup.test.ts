import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaseHost } from '../../../db/host/host';
import { caseBackupDir } from '../../../db/transfer/rolling';
import { tempCase, tempDir } from '../../helpers';

describe('CaseHost: the rolling backup on open', () => {
  it('opening a case twice in one day makes one backup, which opens and passes integrity_check', async () => {
    const c = tempCase({ sample: true });
    const claims = c.api.invoke('case.info', {}).counts.claims;
    c.close();
    const root = tempDir();

    const first = await CaseHost.start({ casePath: c.path, backupRoot: root });
    // Calls are answered whether or not the backup has finished.
    const info = await first.call('case.info', {});
    expect(info.ok).toBe(true);
    const made = await first.autoBackup;
    await first.close();
    expect(made).toMatchObject({ ok: true, removed: [] });
    const file = (made as { file: string }).file;
    expect(readdirSync(caseBackupDir(root, c.path))).toHaveLength(1);

    const second = await CaseHost.start({ casePath: c.path, backupRoot: root });
    const again = await second.autoBackup;
    await second.close();
    // Both opens use the real clock; only if they straddle UTC midnight may the second take one.
    const day = (f: string) => /-(\d{8})T\d{6}Z/.exec(f)![1];
    const crossedMidnight = again?.ok && again.file !== null && day(again.file) !== day(file);
    if (!crossedMidnight) {
      expect(again).toEqual({ ok: true, file: null, removed: [], skipped: 'today' });
      expect(readdirSync(caseBackupDir(root, c.path))).toHaveLength(1);
    }

    const copy = new Database(file, { readonly: true, fileMustExist: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n).toBe(claims);
    copy.close();
  });

  it('without a backup folder it takes none; a failing backup is reported, and the case stays usable', async () => {
    const c = tempCase({ sample: true });
    c.close();
    const plain = await CaseHost.start({ casePath: c.path });
    expect(await plain.autoBackup).toBeNull();
    await plain.close();

    const notAFolder = c.path; // a file, so nothing can be created beneath it
    const host = await CaseHost.start({ casePath: c.path, backupRoot: notAFolder });
    const r = await host.autoBackup;
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/automatic backup into .* failed/) });
    expect((await host.call('claims.create', { text: 'Still writable after a failed backup' })).ok).toBe(true);
    await host.close();
  });
});
