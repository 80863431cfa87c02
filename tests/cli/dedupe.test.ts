/** claimtrail dedupe list|merge|unmerge|dismiss, in text and --json, against a real case file. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DuplicateQueue, MergeRecord, ReviewedPair } from '../../core/contract/duplicates';
import type { ClaimDetail, ClaimSummary, Page, Source } from '../../core/types';
import { tempDir } from '../helpers';
import { cli, cliHome } from './run';

let file: string;
beforeAll(async () => {
  cliHome();
  file = join(tempDir(), 'dedupe.claimtrail');
  expect((await cli('init', file, '--sample')).code).toBe(0);
});

const run = (...argv: string[]) => cli('--case', file, ...argv);

describe('claimtrail dedupe', () => {
  it('lists a reworded claim with its reason and score, merges it with its evidence, and un-merges it', async () => {
    const copy = (await run('claim', 'add', '--text', 'DeepSeek-V3 training cost about USD6mn of compute on Nvidia H800 chips.', '--json')).json<ClaimSummary>();
    const wire = (await run('source', 'add', '--title', 'Newswire', '--reliability', 'C', '--json')).json<Source>();
    expect((await run('evidence', 'add', copy.id, '--source', wire.id, '--stance', 'supports', '--credibility', '3')).code).toBe(0);

    const listed = await run('dedupe', 'list', '--json');
    expect(listed.code).toBe(0);
    const [pair] = listed.json<DuplicateQueue>().claims;
    expect(pair).toMatchObject({ entity: 'claim', reason: 'same-words' });
    const survivor = pair!.a.id === copy.id ? pair!.b : pair!.a;
    const text = await run('dedupe', 'list');
    expect(text.out).toMatch(/^claim pair, score \d+%: same telling words/);
    expect(text.out).toContain(`A ${pair!.a.id}`);
    expect(text.out).toContain('Evidence: ');

    const merged = await run('dedupe', 'merge', survivor.id, copy.id, '--why', 'Same figure.', '--json');
    expect(merged.code).toBe(0);
    const m = merged.json<MergeRecord>();
    expect(m).toMatchObject({ entity: 'claim', survivorId: survivor.id, mergedId: copy.id, moved: { evidence: 1 } });
    const shown = (await run('claim', 'show', survivor.id, '--json')).json<ClaimDetail>();
    expect(shown.evidence.map((e) => e.sourceId)).toContain(wire.id);
    expect((await run('claim', 'list', '--json')).json<Page<ClaimSummary>>().items.map((c) => c.id)).not.toContain(copy.id);
    expect((await run('dedupe', 'list')).out).toMatch(/Merges that can be undone[\s\S]*\[live\] claim merge/);

    const undone = await run('dedupe', 'unmerge', copy.id);
    expect(undone.code).toBe(0);
    expect(undone.out).toMatch(/\[undone .*\] claim merge/);
    expect((await run('claim', 'show', copy.id, '--json')).json<ClaimDetail>().evidence.map((e) => e.sourceId)).toEqual([wire.id]);
    expect((await run('verify', '--json')).json<{ ok: boolean }>().ok).toBe(true);
  });

  it('dismisses a pair for good; refusals go to stderr with exit 1 (2 for usage) and change nothing', async () => {
    const [pair] = (await run('dedupe', 'list', '--json')).json<DuplicateQueue>().claims;
    const r = await run('dedupe', 'dismiss', pair!.a.id, pair!.b.id, '--keep-both', '--why', 'Two reports, kept apart.', '--json');
    expect(r.code).toBe(0);
    expect(r.json<ReviewedPair>()).toMatchObject({ verdict: 'keep-both', rationale: 'Two reports, kept apart.' });
    expect((await run('dedupe', 'list', '--json')).json<DuplicateQueue>().claims).toEqual([]);
    expect((await run('dedupe', 'list', '--reviewed')).out).toMatch(/Pairs kept apart:\s+keep-both \(claims/);
    const again = await run('dedupe', 'dismiss', pair!.a.id, pair!.b.id);
    expect(again).toMatchObject({ code: 1 });
    expect(again.err).toMatch(/already reviewed/);
    const self = await run('dedupe', 'merge', pair!.a.id, pair!.a.id);
    expect(self.code).toBe(1);
    expect(self.err).toMatch(/mergedId/);
    expect((await run('dedupe', 'list', '--kind', 'person')).code).toBe(2);
    expect((await run('dedupe', 'merge', pair!.a.id)).code).toBe(2);
  });

  it('finds sources with the same DOI and merges them with --kind source', async () => {
    const a = (await run('source', 'add', '--title', 'Paper', '--url', 'https://doi.org/10.1000/XYZ', '--json')).json<Source>();
    const b = (await run('source', 'add', '--title', 'Paper, publisher page', '--url', 'doi:10.1000/xyz', '--json')).json<Source>();
    const q = (await run('dedupe', 'list', '--kind', 'source', '--json')).json<DuplicateQueue>();
    expect(q.claims).toEqual([]);
    expect(q.sources.map((p) => [p.reason, [p.a.id, p.b.id].sort()])).toEqual([['same-doi', [a.id, b.id].sort()]]);
    const m = (await run('dedupe', 'merge', a.id, b.id, '--kind', 'source', '--json')).json<MergeRecord>();
    expect(m).toMatchObject({ entity: 'source', survivorId: a.id, mergedId: b.id });
    expect((await run('dedupe', 'list', '--kind', 'source', '--json')).json<DuplicateQueue>().sources).toEqual([]);
  });
});
