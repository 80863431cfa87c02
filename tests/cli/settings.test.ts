import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../core/types';
import { tempDir } from '../helpers';
import { cli, cliHome } from './run';

let file: string;
beforeAll(async () => {
  cliHome();
  file = join(tempDir(), 'settings.claimtrail');
  expect((await cli('init', file)).code).toBe(0);
});

describe('claimtrail settings', () => {
  it('shows the defaults, changes what is given and keeps the rest', async () => {
    const shown = await cli('--case', file, 'settings', '--json');
    expect(shown.json<Settings>()).toEqual({ analystName: 'analyst', caveat: '', backupsToKeep: 10, reviewBaseUrl: '' });
    const changed = await cli('--case', file, 'settings', '--analyst', 'J. Doe', '--backups-to-keep', '0', '--review-base-url', 'https://checks.example.org/claims/', '--json');
    expect(changed.json<Settings>()).toEqual({ analystName: 'J. Doe', caveat: '', backupsToKeep: 0, reviewBaseUrl: 'https://checks.example.org/claims/' });
    const text = await cli('--case', file, 'settings');
    expect(text.out).toMatch(/Analyst name: +J\. Doe/);
    expect(text.out).toMatch(/Backups to keep: +0 \(rolling backups off\)/);
    // The change is in the hash chain like every other: one more event, still verified.
    const verified = await cli('--case', file, 'verify', '--json');
    expect(verified.json<{ ok: boolean; events: number }>()).toMatchObject({ ok: true, events: 1 });
  });

  it('refuses a bad number on stderr and changes nothing', async () => {
    const bad = await cli('--case', file, 'settings', '--backups-to-keep=-3');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/backupsToKeep/);
    expect((await cli('--case', file, 'settings', '--review-base-url', 'ftp://x')).err).toMatch(/reviewBaseUrl: must be an http or https URL/);
    expect((await cli('--case', file, 'settings', '--json')).json<Settings>().backupsToKeep).toBe(0);
  });
});
