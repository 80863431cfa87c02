import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserCommand } from '../../../cli/serve/open-browser';
import { tempDir } from '../../helpers';

describe('opening the default browser (serve --open)', () => {
  it('uses the platform opener, and xdg-open only where it exists', () => {
    expect(browserCommand('darwin', '')).toEqual(['open', []]);
    expect(browserCommand('win32', '')?.[0]).toBe('cmd');
    const empty = tempDir();
    expect(browserCommand('linux', empty)).toBeNull();
    const bin = join(tempDir(), 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'xdg-open'), '#!/bin/sh\n');
    chmodSync(join(bin, 'xdg-open'), 0o755);
    expect(browserCommand('linux', [empty, bin].join(delimiter))).toEqual(['xdg-open', []]);
  });
});
