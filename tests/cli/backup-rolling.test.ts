import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RollingResult } from '../../db/transfer/rolling';
import { caseBackupDir } from '../../db/transfer/rolling';
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { tempDir } from '../helpers';
import { cli, cliHome } from './run';

let home: string;
beforeAll(() => {
  home = cliHome();
});

describe('claimtrail backup --rolling', () => {
  it('backs up into the user data backups folder each time it is asked, keeping the last N', async () => {
    const file = join(tempDir(), 'rolling.claimtrail');
    expect((await cli('init', file, '--sample')).code).toBe(0);
    expect((await cli('--case', file, 'claim', 'add', '--text', 'Only in the later backups')).code).toBe(0);
    const h = openCase(file);
    createApi(h.db).invoke('settings.update', { backupsToKeep: 2 });
    closeCase(h);
    const runs: RollingResult[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await cli('--case', file, 'backup', '--rolling', '--json');
      expect(r.code, r.err).toBe(0);
      runs.push(r.json<RollingResult>());
    }
    const dir = caseBackupDir(join(home, 'backups'), file);
    expect(runs.every((r) => r.file?.startsWith(dir))).toBe(true);
    const left = readdirSync(dir).map((f) => join(dir, f));
    expect(left.sort()).toEqual([runs[2]!.file, runs[3]!.file].sort());
    expect(runs.flatMap((r) => r.removed)).toEqual([runs[0]!.file, runs[1]!.file]);
    for (const f of left) {
      const db = new Database(f, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) AS n FROM claims WHERE text = ?').get('Only in the later backups')).toEqual({ n: 1 });
      db.close();
    }
  });

  it('refuses --rolling together with --out, and asks for one of them', async () => {
    const file = join(tempDir(), 'r.claimtrail');
    await cli('init', file);
    const both = await cli('--case', file, 'backup', '--rolling', '--out', join(tempDir(), 'x.claimtrail'));
    expect(both.code).not.toBe(0);
    expect(both.err).toMatch(/either --out FILE or --rolling/);
    const none = await cli('--case', file, 'backup');
    expect(none.err).toMatch(/--out FILE \(or --rolling\) is required/);
  });
});
