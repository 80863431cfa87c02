import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../core/transfer/types';
import { tempDir } from '../helpers';
import { cli, cliHome } from './run';

const LIAR = join(__dirname, '../../../shared/data/liar/train.tsv');
let dir: string;
beforeAll(() => {
  cliHome();
  dir = tempDir();
});

describe('claimtrail import/export/backup/restore', () => {
  it('imports LIAR rows with the documented command (dry run first), and refuses a bad line naming it', async () => {
    const file = join(dir, 'liar.claimtrail');
    expect((await cli('init', file)).code).toBe(0);
    const part = join(dir, 'part.tsv');
    writeFileSync(part, `${readFileSync(LIAR, 'utf8').split('\n').slice(0, 200).join('\n')}\n`);
    const args = ['--case', file, 'import', part, '--format', 'tsv', '--no-header', '--map', '1=ref,2=label,3=text,4=tags,5=claimant,14=context'];
    const dry = await cli(...args, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/Dry run \(tsv\): 200 records read\.\nWould add: 200 claims/);
    const real = await cli(...args, '--json');
    expect(real.code).toBe(0);
    expect(real.json<ImportReport>().counts.claims).toBe(200);
    const bad = join(dir, 'bad.tsv');
    writeFileSync(bad, `${readFileSync(part, 'utf8')}x.json\tfalse\tToo short\n`);
    const refused = await cli('--case', file, 'import', bad, '--format', 'tsv', '--no-header', '--map', '1=ref,2=label,3=text,4=tags,5=claimant,14=context');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Refused: nothing was imported; the case is unchanged\.\nerror: bad\.tsv, line 201, field row: has 3 fields, expected 14/);
    expect(refused.out).toBe('');
    const info = await cli('--case', file, 'claim', 'list', '--limit', '1', '--json');
    expect(info.json<{ total: number }>().total).toBe(200);
  });

  it('refuses a file that is not UTF-8, naming the line', async () => {
    const file = join(dir, 'enc.claimtrail');
    await cli('init', file);
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from([...Buffer.from('text\nok\ncaf'), 0xe9, 0x0a]));
    const r = await cli('--case', file, 'import', latin1);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/latin1\.csv, line 3: is not valid UTF-8/);
  });

  it('exports every format, re-imports JSON into a new case, backs up and restores to a new file only', async () => {
    const file = join(dir, 'sample.claimtrail');
    await cli('init', file, '--sample');
    for (const format of ['json', 'csv', 'csl-json', 'claimreview', 'md']) {
      const out = join(dir, `out.${format}`);
      const r = await cli('--case', file, 'export', '--format', format, '--out', out);
      expect(r.code).toBe(0);
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(10);
    }
    expect((await cli('--case', file, 'export', '--format', 'json', '--out', join(dir, 'out.json'))).code).toBe(2);
    const copy = join(dir, 'copy.claimtrail');
    await cli('init', copy);
    const imp = await cli('--case', copy, 'import', join(dir, 'out.json'), '--json');
    expect(imp.code).toBe(0);
    const backup = join(dir, 'backup.claimtrail');
    expect((await cli('--case', file, 'backup', '--out', backup)).code).toBe(0);
    const restored = join(dir, 'restored.claimtrail');
    expect((await cli('restore', backup, '--to', restored)).code).toBe(0);
    expect(existsSync(restored)).toBe(true);
    const again = await cli('restore', backup, '--to', restored);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
    const a = (await cli('--case', restored, 'claim', 'list', '--json')).json<{ total: number }>().total;
    const b = (await cli('--case', file, 'claim', 'list', '--json')).json<{ total: number }>().total;
    expect(a).toBe(b);
  });
});
