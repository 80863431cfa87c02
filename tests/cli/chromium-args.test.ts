/** Issue 12.10: the CLI's PDF export ran Chromium without its sandbox even when not root. */
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumArgs } from '../../cli/briefing/pdf';

describe('Chromium flags of the PDF export', () => {
  it('keep the sandbox on unless running as root (where Chromium cannot start with it)', () => {
    expect(chromiumArgs(false)).not.toContain('--no-sandbox');
    expect(chromiumArgs(true)).toContain('--no-sandbox');
    expect(CHROMIUM_ARGS).toEqual(chromiumArgs(process.getuid?.() === 0));
    for (const root of [true, false]) expect(chromiumArgs(root)).toEqual(expect.arrayContaining(['--headless', '--disable-background-networking', '--disable-component-update']));
  });
});
