/** The CLI flags of issue 11: claim kinds, speaks-for, attribution, independence marks, outcomes. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CalibrationReport } from '../../core/calibration';
import type { Claim, ClaimDetail, ClaimSummary, Evidence, Source, SourceDetail } from '../../core/types';
import { tempDir } from '../helpers';
import { cli, cliHome } from './run';

let file: string;
beforeAll(() => {
  cliHome();
  file = join(tempDir(), 'model.claimtrail');
});

const QUOTE = 'DeepSeek said the final training run of V3 cost about six million dollars in rented GPU hours.';

async function json<T>(...argv: string[]): Promise<T> {
  const r = await cli('--case', file, '--json', ...argv);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return r.json<T>();
}

describe('claimtrail CLI: kinds, attribution, copies, outcomes', () => {
  it('claim add|edit --kind with --why; claim show --json has kind; not-checkable has no probability', async () => {
    expect((await cli('init', file, '--json')).code).toBe(0);
    const refused = await cli('--case', file, 'claim', 'add', '--text', 'AI leadership is a duty', '--kind', 'not-checkable');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/kindRationale: a not-checkable claim needs a reason/);
    const c = await json<ClaimSummary>('claim', 'add', '--text', 'AI leadership is a duty', '--kind', 'not-checkable', '--why', 'a value judgment');
    expect(c).toMatchObject({ kind: 'not-checkable', probability: null, assessment: 'not-checkable' });
    const shown = await json<ClaimDetail>('claim', 'show', c.id);
    expect(shown.claim).toMatchObject({ kind: 'not-checkable', kindRationale: 'a value judgment' });
    const text = await cli('--case', file, 'claim', 'show', c.id);
    expect(text.out).toMatch(/kind: not-checkable — a value judgment/);
    expect(text.out).toMatch(/probability: none \(not checkable\)/);
    const f = await json<Claim>('claim', 'edit', c.id, '--kind', 'forecast', '--why', '');
    expect(f).toMatchObject({ kind: 'forecast', kindRationale: null, assessment: 'not-assessed', probability: 0.5 });
    expect((await cli('--case', file, 'claim', 'list')).out).toMatch(/not assessed/);
    const bad = await cli('--case', file, 'claim', 'edit', c.id, '--kind', 'opinion');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/kind: must be one of: fact, forecast, not-checkable/);
  });

  it('source add|edit --speaks-for, evidence add|edit --attribution, and the breakdown says why it counts 0', async () => {
    const c = await json<ClaimSummary>('claim', 'add', '--text', 'V3 cost USD6mn to train', '--claimant', 'DeepSeek');
    const own = await json<Source>('source', 'add', '--title', 'DeepSeek report', '--reliability', 'B', '--speaks-for', 'DeepSeek');
    expect(own.speaksFor).toBe('DeepSeek');
    await json<Evidence>('evidence', 'add', c.id, '--source', own.id, '--stance', 'supports', '--credibility', '2', '--excerpt', QUOTE);
    let d = await json<ClaimDetail>('claim', 'show', c.id);
    expect(d.claim.probability).toBe(0.5);
    expect(d.warnings.join(' ')).toMatch(/No independent corroboration/);
    const text = await cli('--case', file, 'claim', 'show', c.id);
    expect(text.out).toMatch(/counts 0: the source speaks for the claimant/);
    expect((await json<Source>('source', 'edit', own.id, '--speaks-for', '')).speaksFor).toBeNull();
    d = await json<ClaimDetail>('claim', 'show', c.id);
    expect(d.claim.probability).toBeGreaterThan(0.5);
    const e = d.evidence[0]!;
    expect((await json<Evidence>('evidence', 'edit', e.id, '--attribution')).attribution).toBe(true);
    expect((await json<ClaimDetail>('claim', 'show', c.id)).claim.probability).toBe(0.5);
    expect((await json<Evidence>('evidence', 'edit', e.id, '--not-attribution')).attribution).toBe(false);
    const both = await cli('--case', file, 'evidence', 'edit', e.id, '--attribution', '--not-attribution');
    expect(both.code).not.toBe(0);
    expect(both.err).toMatch(/exclude each other/);
  });

  it('evidence independent ID1 ID2 lifts a copy suspicion; source show names the copy', async () => {
    const c = await json<ClaimSummary>('claim', 'add', '--text', 'The run cost six million');
    const a = await json<Source>('source', 'add', '--title', 'Outlet A', '--reliability', 'B');
    const b = await json<Source>('source', 'add', '--title', 'Outlet B', '--reliability', 'B');
    const ea = await json<Evidence>('evidence', 'add', c.id, '--source', a.id, '--stance', 'supports', '--credibility', '2', '--excerpt', QUOTE);
    const eb = await json<Evidence>('evidence', 'add', c.id, '--source', b.id, '--stance', 'supports', '--credibility', '2', '--excerpt', QUOTE);
    const d = await json<ClaimDetail>('claim', 'show', c.id);
    expect(d.possibleCopies.map((p) => p.evidenceId)).toEqual([eb.id]);
    expect((await json<SourceDetail>('source', 'show', b.id)).possibleCopies).toHaveLength(1);
    expect((await cli('--case', file, 'source', 'show', b.id)).out).toMatch(/possible copy of “Outlet A”/);
    expect((await cli('--case', file, 'source', 'show', a.id)).out).toMatch(/possibly copied by “Outlet B”/);
    await json('evidence', 'independent', ea.id, eb.id, '--why', 'separate interviews');
    expect((await json<ClaimDetail>('claim', 'show', c.id)).possibleCopies).toEqual([]);
    await json('evidence', 'independent', ea.id, eb.id, '--undo');
    expect((await json<ClaimDetail>('claim', 'show', c.id)).possibleCopies).toHaveLength(1);
  });

  it('claim outcome ID true|false [--date] [--note] apart from the verdict; claim status --outcome still works', async () => {
    const c = await json<ClaimSummary>('claim', 'add', '--text', 'The ban will hold through 2025', '--kind', 'forecast');
    await json('claim', 'status', c.id, 'supported', '--why', 'Wire report.');
    const o = await json<Claim>('claim', 'outcome', c.id, 'false', '--date', '2025-06-01', '--note', 'Smuggling case.');
    expect(o).toMatchObject({ status: 'supported', outcome: 'false', outcomeAt: '2025-06-01', outcomeNote: 'Smuggling case.' });
    expect((await cli('--case', file, 'claim', 'outcome', c.id, 'maybe')).err).toMatch(/true, false or clear/);
    const legacy = await json<ClaimSummary>('claim', 'add', '--text', 'Another settled one');
    expect(await json<Claim>('claim', 'status', legacy.id, 'refuted', '--why', 'Records.', '--outcome', 'false')).toMatchObject({ outcome: 'false' });
    const r = await json<CalibrationReport>('calibration');
    expect(r.overall.claims).toBe(2);
    expect(r.overall.verdict).toBeNull();
    expect(r.reliability).toHaveLength(7);
    expect(r.claims.find((x) => x.id === c.id)).toMatchObject({ status: 'supported', outcome: 'false' });
    const text = await cli('--case', file, 'calibration');
    expect(text.out).toMatch(/supported\s+→ false/);
    expect(text.out).toMatch(/reliability \(band: claims, predicted → observed, 95% interval\):/);
    expect((await json<Claim>('claim', 'outcome', c.id, 'clear')).outcome).toBeNull();
  });
});
