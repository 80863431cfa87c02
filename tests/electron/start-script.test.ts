import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without type declarations
import { electronBinary, NO_ELECTRON } from '../../scripts/electron-binary.mjs';

const missing = (electronBinary as () => string | null)() === null;

describe('npm start without the Electron binary', () => {
  it.skipIf(!missing)('says so in one line, points to npm run web, and exits non-zero', () => {
    const r = spawnSync(process.execPath, ['scripts/start.mjs'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([NO_ELECTRON]);
    expect(NO_ELECTRON).toContain('npm run web');
  });
});
