/** ach, assumption and indicator commands end to end, with --json and as text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AchBoard, Assumption, Indicator } from '../../core/contract/analysis';
import type { ClaimSummary, Page } from '../../core/types';
import { tempDir } from '../helpers';
import { cli, cliHome } from './run';

const file = join(tempDir(), 'cli.claimtrail');
const json = async <T>(...argv: string[]): Promise<T> => {
  const r = await cli('--case', file, '--json', ...argv);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return r.json<T>();
};

let a: ClaimSummary;
let b: ClaimSummary;
beforeAll(async () => {
  cliHome();
  expect((await cli('init', file)).code).toBe(0);
  await json('claim', 'add', '--text', 'Only H800 chips were used.');
  await json('claim', 'add', '--text', 'Smuggled chips were used too.');
  const claims = await json<Page<ClaimSummary>>('claim', 'list');
  [a, b] = claims.items.sort((x, y) => x.text.localeCompare(y.text)) as [ClaimSummary, ClaimSummary];
  const s = await json<{ id: string }>('source', 'add', '--title', 'Report', '--reliability', 'B');
  await json('evidence', 'add', a.id, '--source', s.id, '--stance', 'supports', '--credibility', '2', '--excerpt', '2,048 H800 GPUs');
});

describe('claimtrail ach', () => {
  it('creates, rates and shows a board', async () => {
    const board = await json<AchBoard>('ach', 'create', '--title', 'Chips', '--claim', a.id, '--claim', b.id);
    expect(board.rows).toHaveLength(1);
    const e = board.rows[0]!.evidenceId;
    await json('ach', 'rate', board.id, '--evidence', e, '--claim', a.id, '--rating', 'c');
    const rated = await json<AchBoard>('ach', 'rate', board.id, '--evidence', e, '--claim', b.id, '--rating', 'II');
    expect(rated.scores.leader).toBe(a.id);
    expect(rated.scores.hypotheses.map((h) => h.score)).toEqual([0, -1.28]); // B2: 0.8 · 0.8 · (−2)
    const text = await cli('--case', file, 'ach', 'show', board.id);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Weighted inconsistency');
    expect(text.out).toMatch(/E1 2,048 H800 GPUs \[critical\]\s+B2\s+0\.64\s+3\.0\s+C\s+II/);
    expect(text.out).toContain('H1 is the least contradicted');
    const out = join(tempDir(), 'b.md');
    expect((await cli('--case', file, 'brief', '--claim', a.id, '--board', board.id, '--format', 'md', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('| Weighted inconsistency |   |   |   | 0.00 | -1.28 |');
    const list = await json<{ id: string }[]>('ach', 'list');
    expect(list.map((x) => x.id)).toEqual([board.id]);
    const bad = await cli('--case', file, 'ach', 'rate', board.id, '--evidence', e, '--claim', b.id, '--rating', 'X');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/rating: must be a rating/);
  });

  it('registers an assumption and fails it; claims then carry a review warning', async () => {
    const added = await json<Assumption>('assumption', 'add', '--text', 'The count is complete.', '--likelihood', 'medium', '--impact', 'high', '--claim', a.id, '--owner', 'RA');
    const failed = await json<Assumption>('assumption', 'fail', added.id, '--why', 'A second cluster surfaced.');
    expect(failed.state).toBe('failed');
    expect((await json<Assumption[]>('assumption', 'list')).map((x) => x.id)).toEqual([added.id]);
    const shown = await json<{ warnings: string[] }>('claim', 'show', a.id);
    expect(shown.warnings).toContainEqual(expect.stringContaining('Review: the assumption “The count is complete.”'));
    const missing = await cli('--case', file, 'assumption', 'add', '--text', 'x', '--impact', 'high', '--claim', a.id);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/likelihood: must be/);
  });

  it('adds an indicator and observes it, pointing to evidence add', async () => {
    const i = await json<Indicator>('indicator', 'add', '--text', 'A customs seizure', '--claim', b.id, '--direction', 'supports');
    const seen = await cli('--case', file, 'indicator', 'observe', i.id, '--date', '2025-03-04');
    expect(seen.code).toBe(0);
    expect(seen.out).toContain('[observed 2025-03-04]');
    expect(seen.out).toContain(`claimtrail evidence add ${b.id}`);
    expect((await json<Indicator[]>('indicator', 'list', '--claim', b.id))[0]!.state).toBe('observed');
  });
});
