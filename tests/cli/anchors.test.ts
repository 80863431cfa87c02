/** Anchored quotes in `claim show` (text and --json) after `source attach` and a re-capture (issue 13). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimDetail, Evidence, Source } from '../../core/types';
import { tempDir } from '../helpers';
import { cli, cliHome } from './run';

describe('claim show with anchored quotes', () => {
  it('shows exact, then not found with "no longer in the source" after a re-capture without the paragraph', async () => {
    cliHome();
    const dir = tempDir();
    const file = join(dir, 'anchors.claimtrail');
    expect((await cli('init', file)).code).toBe(0);
    const source = (await cli('--case', file, 'source', 'add', '--title', 'Harbour notes', '--json')).json<Source>();
    const claim = (await cli('--case', file, 'claim', 'add', '--text', 'The ship left before the fog lifted', '--json')).json<{ id: string }>();
    const quote = 'The harbour master said the ship left at dawn, “before the fog lifted”.';
    const ev = (
      await cli('--case', file, 'evidence', 'add', claim.id, '--source', source.id, '--stance', 'supports', '--excerpt', quote, '--json')
    ).json<Evidence>();
    const v1 = join(dir, 'notes-v1.txt');
    writeFileSync(v1, `Field notes, 12 March.\n\nThe harbour master said the ship left\nat dawn, "before the fog lifted".\n\nTwo witnesses disagree about the flag.\n`);
    expect((await cli('--case', file, 'source', 'attach', source.id, v1)).code).toBe(0);
    const shown = await cli('--case', file, 'claim', 'show', claim.id, '--json');
    const anchor = shown.json<ClaimDetail>().evidence.find((e) => e.id === ev.id)!.anchor!;
    expect(anchor).toMatchObject({ status: 'exact', score: 1, lostSince: null });
    expect(anchor.selectors!.exact).toBe('The harbour master said the ship left\nat dawn, "before the fog lifted".');
    expect((await cli('--case', file, 'claim', 'show', claim.id)).out).toMatch(
      new RegExp(`quote: exact — captured \\d{4}-\\d{2}-\\d{2}, SHA-256 ${anchor.sha256!.slice(0, 12)}\\n`),
    );

    const v2 = join(dir, 'notes-v2.txt');
    writeFileSync(v2, `Field notes, 12 March.\n\nTwo witnesses disagree about the flag.\n`);
    expect((await cli('--case', file, 'source', 'attach', source.id, v2)).code).toBe(0);
    const after = (await cli('--case', file, 'claim', 'show', claim.id, '--json')).json<ClaimDetail>();
    expect(after.evidence[0]!.anchor).toMatchObject({ status: 'not-found', selectors: null });
    expect(after.evidence[0]!.anchor!.lostSince).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const text = (await cli('--case', file, 'claim', 'show', claim.id)).out;
    expect(text).toMatch(/quote: not found — captured \d{4}-\d{2}-\d{2}, SHA-256 [0-9a-f]{12} {2}! no longer in the source \(captured \d{4}-\d{2}-\d{2}\)/);
    expect((await cli('--case', file, 'history', claim.id)).out).toContain('quote.lost');
  });
});
