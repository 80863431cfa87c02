/** `source attach|captures|open-capture` (issue 13) on a real case file with real files. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaptureOutcome } from '../../core/contract/captures';
import type { Capture, Source } from '../../core/types';
import { tempDir } from '../helpers';
import { cli, cliHome } from './run';

let dir: string;
let file: string;
let sourceId: string;
beforeAll(async () => {
  cliHome();
  dir = tempDir();
  file = join(dir, 'docs.claimtrail');
  expect((await cli('init', file)).code).toBe(0);
  sourceId = (await cli('--case', file, 'source', 'add', '--title', 'Harbour notes', '--json')).json<Source>().id;
});

describe('claimtrail source attach / captures / open-capture', () => {
  it('attaches a file, lists it, and writes back the exact bytes', async () => {
    const notes = join(dir, 'notes.md');
    writeFileSync(notes, '# Notes\n\nThe ship left at dawn \u2014 "before the fog lifted".\n');
    const attached = await cli('--case', file, 'source', 'attach', sourceId, notes, '--accessed', '2026-03-12');
    expect(attached.code).toBe(0);
    const sha = createHash('sha256').update(readFileSync(notes)).digest('hex');
    expect(attached.out).toMatch(new RegExp(`Captured into source ${sourceId} as \\S+\\n  sha256 ${sha} \\(\\d+ bytes, text/markdown\\)\\n  1 page, \\d+ characters of text\\n  filled from the document: accessedAt`));

    const again = await cli('--case', file, 'source', 'attach', sourceId, notes);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^Already captured: .*nothing new was stored/);

    const list = await cli('--case', file, 'source', 'captures', sourceId, '--json');
    const captures = list.json<Capture[]>();
    expect(captures).toHaveLength(1);
    expect(captures[0]).toMatchObject({ sha256: sha, fileName: 'notes.md', accessedAt: '2026-03-12' });
    const text = await cli('--case', file, 'source', 'captures', sourceId);
    expect(text.out).toContain(`sha256 ${sha}  notes.md`);

    const out = join(dir, 'back.md');
    const opened = await cli('--case', file, 'source', 'open-capture', captures[0]!.id, '--out', out);
    expect(opened.code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(notes))).toBe(true);
    const refused = await cli('--case', file, 'source', 'open-capture', captures[0]!.id, '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/back\.md already exists; pass --force/);
    const folder = await cli('--case', file, 'source', 'open-capture', captures[0]!.id, '--out', dir, '--force');
    expect(folder.code).toBe(2);
    expect(folder.err).toMatch(/is a folder/);
    writeFileSync(out, 'something else');
    expect((await cli('--case', file, 'source', 'open-capture', captures[0]!.id, '--out', out, '--force')).code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(notes))).toBe(true);
  });

  it('prints the outcome as JSON with --json', async () => {
    const note = join(dir, 'second.txt');
    writeFileSync(note, 'A second reading, a day later.');
    const r = await cli('--case', file, 'source', 'attach', sourceId, note, '--json');
    expect(r.code).toBe(0);
    const o = r.json<CaptureOutcome>();
    expect(o).toMatchObject({ created: true, filled: [], capture: { fileName: 'second.txt', mediaType: 'text/plain' } });
  });

  it('refuses a missing file, an unreadable document and an unknown source on stderr, changing nothing', async () => {
    const before = (await cli('--case', file, 'source', 'captures', sourceId, '--json')).json<Capture[]>().length;
    const missing = await cli('--case', file, 'source', 'attach', sourceId, join(dir, 'nope.pdf'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no file at .*nope\.pdf/);
    const binary = join(dir, 'odd.bin');
    writeFileSync(binary, Buffer.from([0, 1, 2, 0xff, 0]));
    const odd = await cli('--case', file, 'source', 'attach', sourceId, binary);
    expect(odd.code).toBe(1);
    expect(odd.out).toBe('');
    expect(odd.err).toMatch(/^claimtrail source attach: "odd\.bin" cannot be captured: .+Nothing was stored\./);
    const unknown = await cli('--case', file, 'source', 'attach', '0190f5c2-0000-7000-8000-000000000000', join(dir, 'notes.md'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/source 0190f5c2-0000-7000-8000-000000000000 was not found/);
    const noCapture = await cli('--case', file, 'source', 'open-capture', '0190f5c2-0000-7000-8000-000000000000', '--out', join(dir, 'x'));
    expect(noCapture.code).toBe(1);
    expect(noCapture.err).toMatch(/capture 0190f5c2-0000-7000-8000-000000000000 was not found/);
    expect((await cli('--case', file, 'source', 'captures', sourceId, '--json')).json<Capture[]>()).toHaveLength(before);
  });
});
