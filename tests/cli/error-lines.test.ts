/** The CLI prints structured issues as one `field: message` line each on stderr (issue 14.4). */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorLines } from '../../cli/format';
import { tempDir } from '../helpers';
import { cli, cliHome } from './run';

describe('CLI error lines', () => {
  let file: string;
  beforeAll(async () => {
    cliHome();
    file = join(tempDir(), 'errors.claimtrail');
    expect((await cli('init', file)).code).toBe(0);
  });

  it('a refusal with several issues prints a head and one field: message line per issue', async () => {
    const r = await cli('--case', file, 'source', 'add', '--title', 'T', '--url', 'not a url', '--date', 'yesterday');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toEqual([
      'claimtrail source add: invalid input (2 problems)',
      '  url: must be an http(s), mailto, doi or urn address',
      '  publishedAt: must be a date like 2025-01-20 (or 2025-01, or 2025)',
    ]);
  });

  it('a message without issues prints as it is; controls in issues are shown, not obeyed', () => {
    expect(errorLines('claimtrail x', 'claim c1 was not found')).toEqual(['claimtrail x: claim c1 was not found']);
    expect(errorLines('claimtrail x', 'm', [{ path: ['tags', '0'], message: 'bad \u001b[2J' }])).toEqual(['claimtrail x: invalid input', '  tags.0: bad <U+001B>[2J']);
  });
});
