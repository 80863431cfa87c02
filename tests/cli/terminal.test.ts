/**
 * Terminal escapes (issue 12.7): ids, import errors, claim text and error messages that carry ESC/CSI
 * sequences, CR, C1 controls or bidi controls never reach the terminal raw; --json output stays exact.
 * Import validation (issue 12.8): a JSON import with NUL in the case title or settings is refused like
 * the API refuses it, naming where and what, and the case is unchanged.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { terminalText } from '../../cli/format';
import type { ImportReport } from '../../core/transfer/types';
import { tempCase, tempDir } from '../helpers';
import { cli, cliHome } from './run';

/** Erases the line, returns the cursor and prints a fake success in green: the demo from the attack. */
const FAKE = '\u001b[2K\r\u001b[32mAdded: 1 claims\u001b[0m';
// Any C0 control but \n and \t, DEL, any C1 control, or a bidi/invisible control, printed raw.
const LIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\ufeff]/;

let dir: string;
let file: string;
beforeAll(async () => {
  cliHome();
  dir = tempDir();
  file = join(dir, 'case.claimtrail');
  expect((await cli('init', file)).code).toBe(0);
});

const doc = (extra: Record<string, unknown>) =>
  JSON.stringify({ format: 'claimtrail-case', version: 1, exportedAt: '2025-01-01T00:00:00Z', case: { title: 't', settings: {} }, ...extra });

describe('human CLI output is terminal-safe', () => {
  it('an import whose ids, file name and errors carry escape sequences prints none of them raw (stdout and stderr)', async () => {
    const evil = join(dir, `evil${FAKE}.json`);
    writeFileSync(evil, doc({ claims: [{ id: `c1${FAKE}`, text: `x${FAKE}`, status: 'unverified' }] }));
    const r = await cli('--case', file, 'import', evil);
    expect(r.code).toBe(1);
    // A refused import reports on stderr (issue 16), neutralized like every other line.
    expect(r.err).toContain('Refused: nothing was imported');
    // An id is refused outright (the API only makes UUIDs); the file name is echoed, neutralized.
    expect(r.err).toContain('error: evil<U+001B>[2K<U+000D><U+001B>[32mAdded: 1 claims<U+001B>[0m.json, claims[0], field id: must be an id without control');
    expect(r.out + r.err).not.toMatch(LIVE);
    const refs = join(dir, 'refs.json');
    writeFileSync(refs, doc({ evidence: [{ id: 'e1', claimId: `nope${FAKE}\u009b2J`, sourceId: `s\u202e${FAKE}`, stance: 'supports' }] }));
    const r2 = await cli('--case', file, 'import', refs);
    expect(r2.code).toBe(1);
    // References are echoed, neutralized.
    expect(r2.err).toContain('field claimId: no claim nope<U+001B>[2K<U+000D><U+001B>[32mAdded: 1 claims<U+001B>[0m<U+009B>2J');
    expect(r2.err).toContain('no source s<U+202E><U+001B>');
    expect(r2.out + r2.err).not.toMatch(LIVE);
    // The fake success line never starts a line of its own.
    expect([r.out, r.err, r2.out, r2.err].flatMap((t) => t.split('\n')).some((l) => l.startsWith('Added'))).toBe(false);
  });

  it('--json keeps the exact values (JSON escapes the controls itself)', async () => {
    const evil = join(dir, 'evil2.json');
    writeFileSync(evil, doc({ evidence: [{ id: 'e1', claimId: `nope${FAKE}`, sourceId: 's', stance: 'supports' }] }));
    const r = await cli('--case', file, '--json', 'import', evil);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(LIVE);
    expect(r.json<ImportReport>().errors.some((e) => e.message.includes(`nope${FAKE}`))).toBe(true);
  });

  it('claim text and error messages on stderr are neutralized too', async () => {
    const add = await cli('--case', file, 'claim', 'add', '--text', `Mallory\u202e said ${FAKE}\u0007`);
    expect(add.code).toBe(0);
    expect(add.out).not.toMatch(LIVE);
    expect(add.out).toContain('<U+202E> said <U+001B>[2K<U+000D>');
    const missing = await cli('--case', file, 'claim', 'show', `id${FAKE}`);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('id<U+001B>[2K');
    expect(missing.err).not.toMatch(LIVE);
  });

  it('terminalText is idempotent and keeps line feeds and tabs', () => {
    const once = terminalText(`a\tb\nc${FAKE}\u0085\u2066`);
    expect(terminalText(once)).toBe(once);
    expect(once.startsWith('a\tb\nc<U+001B>')).toBe(true);
    expect(once).not.toMatch(LIVE);
  });
});

describe('JSON import validates the case title and settings like the API', () => {
  it('refuses NUL in the title and in the settings, naming the field; the case is unchanged', async () => {
    const before = (await cli('--case', file, '--json', 'claim', 'list')).out;
    const nul = join(dir, 'nul.json');
    writeFileSync(nul, doc({ case: { title: 'Case\u0000title', settings: { caveat: 'SECRET\u0000', analystName: 'x'.repeat(201) } }, claims: [{ id: 'c1', text: 'x' }] }));
    const r = await cli('--case', file, 'import', nul);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error: nul.json, case, field title: contains a NUL character');
    expect(r.err).toContain('error: nul.json, case, field settings.caveat: contains a NUL character');
    expect(r.err).toContain('error: nul.json, case, field settings.analystName: must be at most 200 characters');
    expect((await cli('--case', file, '--json', 'claim', 'list')).out).toBe(before);
    // The API refuses the same value with the same message.
    const t = tempCase();
    const api = t.api.call('settings.update', { caveat: 'SECRET\u0000' });
    t.close();
    expect(api.ok).toBe(false);
    expect(!api.ok && api.error.message).toMatch(/caveat: contains a NUL character/);
  });

  it('refuses an id with NUL or controls and a saved briefing with NUL, which the API could never have stored', async () => {
    const before = (await cli('--case', file, '--json', 'claim', 'list')).out;
    const bad = join(dir, 'bad-ids.json');
    writeFileSync(
      bad,
      doc({
        claims: [{ id: 'c\u0000x', text: 'x' }],
        briefings: [{ id: 'b1', title: 'B', selection: '{}', selectionKey: 'k', markdown: '# x\u0000', snapshot: '{}', createdAt: '2025-01-01T00:00:00.000Z' }],
      }),
    );
    const r = await cli('--case', file, 'import', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('claims[0], field id: must be an id without control, bidi or invisible format characters');
    expect(r.err).toContain('briefings[0], field markdown: contains a NUL character');
    expect((await cli('--case', file, '--json', 'claim', 'list')).out).toBe(before);
  });

  it('a valid title and settings still import into an empty case', async () => {
    const fresh = join(dir, 'fresh.claimtrail');
    await cli('init', fresh);
    const ok = join(dir, 'ok.json');
    writeFileSync(ok, doc({ case: { title: 'Chips', settings: { caveat: 'For internal use' } }, claims: [{ id: 'c1', text: 'x' }] }));
    const r = await cli('--case', fresh, '--json', 'import', ok);
    expect(r.json<ImportReport>().ok).toBe(true);
    const info = await cli('--case', fresh, 'export', '--format', 'json', '--out', join(dir, 'fresh-out.json'));
    expect(info.code).toBe(0);
  });
});
