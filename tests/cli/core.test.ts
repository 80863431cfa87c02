import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDetail, ClaimSummary, Page, SearchResult, Source } from '../../core/types';
import { tempDir } from '../helpers';
import { cli, cliHome } from './run';

let file: string;
beforeAll(() => {
  cliHome();
  file = join(tempDir(), 'cli.claimtrail');
});

describe('claimtrail CLI', () => {
  it('init --sample, then search and list through the real case file', async () => {
    const init = await cli('init', file, '--sample', '--json');
    expect(init.code).toBe(0);
    expect(init.json<{ counts: { claims: number } }>().counts.claims).toBeGreaterThanOrEqual(12);
    const s = await cli('--case', file, 'search', 'H800', '--json');
    expect(s.code).toBe(0);
    const hit = s.json<SearchResult>().groups.claims.find((h) => /H800 and H20/.test(h.title));
    expect(hit?.snippet).toContainEqual({ text: 'H800', match: true });
    const list = await cli('--case', file, 'claim', 'list', '--json');
    const page = list.json<Page<ClaimSummary>>();
    expect(page.total).toBeGreaterThanOrEqual(12);
    expect(page.items.length).toBe(page.total);
  });

  it('remembers the last case so --case can be left out', async () => {
    const r = await cli('claim', 'list', '--limit', '2', '--json');
    expect(r.code).toBe(0);
    expect(r.json<Page<ClaimSummary>>().items).toHaveLength(2);
  });

  it('adds a claim, a source and evidence, then shows the moved probability', async () => {
    const c = (await cli('--case', file, 'claim', 'add', '--text', 'DeepSeek trained R1 for under USD10mn', '--claimant', 'Blog', '--tag', 'cost', '--tag', 'r1', '--date', '2025-01-22', '--json')).json<ClaimSummary>();
    expect(c).toMatchObject({ claimant: 'Blog', tags: ['cost', 'r1'], claimedAt: '2025-01-22', probability: 0.5 });
    const s = (await cli('--case', file, 'source', 'add', '--title', 'Company filing', '--reliability', 'b', '--url', 'https://example.org/filing', '--json')).json<Source>();
    expect(s.reliability).toBe('B');
    const e = await cli('--case', file, 'evidence', 'add', c.id, '--source', s.id, '--stance', 'refutes', '--credibility', '2', '--excerpt', 'R&D spend was far higher', '--locator', 'p. 12', '--json');
    expect(e.code).toBe(0);
    const shown = (await cli('--case', file, 'claim', 'show', c.id, '--json')).json<ClaimDetail>();
    expect(shown.claim.probability).toBeLessThan(0.5);
    expect(shown.evidence[0]).toMatchObject({ grade: 'B2', excerpt: 'R&D spend was far higher' });
    const text = await cli('--case', file, 'claim', 'show', c.id);
    expect(text.out).toMatch(/\[B2\] refutes -0\.887/);
    const hist = await cli('--case', file, 'history', c.id);
    expect(hist.out).toMatch(/confidence.changed → 29% unlikely/);
    expect(hist.out).toMatch(/probability over time: 50% → 29%/);
    const review = await cli('--case', file, 'claim', 'status', c.id, 'under-review', '--json');
    expect(review.json<ClaimSummary>().status).toBe('under review');
    expect((await cli('--case', file, 'claim', 'list', '--status', 'under_review', '--json')).json<Page<ClaimSummary>>().items.map((x) => x.id)).toEqual([c.id]);
    const noted = (await cli('--case', file, 'claim', 'add', '--text', 'Noted claim', '--notes', 'line one\nline two', '--json')).json<ClaimSummary>();
    expect((await cli('--case', file, 'claim', 'show', noted.id)).out).toMatch(/notes: line one\n\s+line two/);
    expect((await cli('--case', file, 'verify')).code).toBe(0);
  });

  it('moves a claim to the trash and back, and shows a source with its citations', async () => {
    const c = (await cli('--case', file, 'claim', 'add', '--text', 'Temporary claim', '--json')).json<ClaimSummary>();
    expect((await cli('--case', file, 'claim', 'delete', c.id, '--why', 'duplicate')).out).toMatch(/Moved to trash/);
    expect((await cli('--case', file, 'claim', 'list', '--trash', '--json')).json<Page<ClaimSummary>>().items.map((x) => x.id)).toContain(c.id);
    expect((await cli('--case', file, 'claim', 'restore', c.id)).out).toMatch(/Restored/);
    const src = (await cli('--case', file, 'source', 'list', '--json')).json<Page<Source & { citations: number }>>().items.find((s) => s.citations > 0)!;
    const shown = await cli('--case', file, 'source', 'show', src.id);
    expect(shown.out).toMatch(/lineage: /);
    expect(shown.out).toMatch(/cited \((supports|refutes|context)\) by /);
  });

  it('reports errors on stderr with a non-zero exit and writes nothing', async () => {
    const before = (await cli('--case', file, 'claim', 'list', '--json')).json<Page<ClaimSummary>>().total;
    const cases: [string[], number, RegExp][] = [
      [['claim', 'add'], 2, /--text is required/],
      [['claim', 'add', '--text', 'x', '--prior', 'lots'], 2, /--prior must be a number/],
      [['claim', 'add', '--text', 'x', '--date', 'yesterday'], 1, /claimedAt: must be a date/],
      [['claim', 'add', '--text', 'x', '--bogus'], 2, /Unknown option '--bogus'/],
      [['claim', 'show'], 2, /missing arguments/],
      [['claim', 'show', 'nope'], 1, /claim nope was not found/],
      [['evidence', 'add', 'nope', '--source', 'x', '--stance', 'supports'], 1, /not found/],
      [['frobnicate'], 2, /unknown command "frobnicate"/],
    ];
    for (const [argv, code, msg] of cases) {
      const r = await cli('--case', file, ...argv);
      expect(r.code, argv.join(' ')).toBe(code);
      expect(r.err).toMatch(msg);
      expect(r.out).toBe('');
    }
    expect((await cli('--case', file, 'claim', 'list', '--json')).json<Page<ClaimSummary>>().total).toBe(before);
    const nul = await cli('--case', file, 'export', '--format', 'json', '--out', 'a\u0000b');
    expect(nul.code).toBe(2);
    expect(nul.err).toMatch(/invalid argument: .*null bytes/);
    const missing = await cli('--case', join(tempDir(), 'none.claimtrail'), 'claim', 'list');
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toMatch(/no case file at/);
    // The command was right; the file is in the way: exit 1 (2 is kept for usage errors), file untouched.
    const again = await cli('init', file);
    expect(again).toMatchObject({ code: 1 });
    expect(again.err).toMatch(/already exists/);
  });

  it('prints help', async () => {
    const r = await cli('--help');
    expect(r.out).toMatch(/claim add/);
    expect((await cli('claim', 'add', '--help')).out).toMatch(/Usage: claimtrail claim add --text T/);
  });

  it('runs as a real command through cli/bin.mjs', () => {
    const env = { ...process.env, CLAIMTRAIL_HOME: tempDir() };
    const out = execFileSync(process.execPath, ['cli/bin.mjs', '--case', file, 'search', 'H800', '--json'], { env, encoding: 'utf8' });
    expect(JSON.parse(out).groups.claims.length).toBeGreaterThan(0);
    const bad = spawnSync(process.execPath, ['cli/bin.mjs', '--case', file, 'claim', 'show', 'nope'], { env, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/claim nope was not found/);
  });
});
