/** dispute open|respond|resolve, claim status/override, history, calibration and verify, end to end with --json. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { timeWeightedBrier, type CalibrationReport } from '../../core/calibration';
import type { CaseEvent, Claim, ClaimDetail, ClaimSummary, Dispute, Page } from '../../core/types';
import { tempDir } from '../helpers';

const dir = tempDir();
const file = join(dir, 'cli.claimtrail');
const savedHome = process.env.CLAIMTRAIL_HOME;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--case', file, ...argv], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function json<T>(...argv: string[]): Promise<T> {
  const r = await cli('--json', ...argv);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as T;
}

beforeAll(async () => {
  process.env.CLAIMTRAIL_HOME = join(dir, 'home');
  expect((await runCli(['init', file, '--sample'], { out: () => {}, err: () => {} }))).toBe(0);
});
afterAll(() => {
  if (savedHome === undefined) delete process.env.CLAIMTRAIL_HOME;
  else process.env.CLAIMTRAIL_HOME = savedHome;
});

describe('claimtrail judgment commands', () => {
  it('opens, answers and resolves a dispute; the history and the counters show it', async () => {
    const claims = await json<Page<ClaimSummary>>('claim', 'list', '--limit', '100');
    const claim = claims.items.find((c) => c.text.includes('USD6mn'))!;
    const detail = await json<ClaimDetail>('claim', 'show', claim.id);
    const evidenceId = detail.evidence[0]!.id;

    const opened = await json<Dispute>('dispute', 'open', claim.id, '--by', 'Analyst B', '--position', 'Excludes prior research runs.', '--evidence', evidenceId, '--date', '2025-02-03');
    expect(opened).toMatchObject({ claimId: claim.id, raisedBy: 'Analyst B', status: 'open', evidenceIds: [evidenceId], openedAt: '2025-02-03' });
    expect((await json<ClaimDetail>('claim', 'show', claim.id)).claim.openDisputes).toBe(2);

    const answered = await json<Dispute>('dispute', 'respond', opened.id, '--by', 'DeepSeek', '--text', 'Final run only, as stated.');
    expect(answered.responses.map((r) => r.author)).toEqual(['DeepSeek']);
    const resolved = await json<Dispute>('dispute', 'resolve', opened.id, '--resolution', 'Scope noted on the claim.', '--outcome', 'partly');
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'Scope noted on the claim.', outcome: 'partly' });
    expect((await json<ClaimDetail>('claim', 'show', claim.id)).claim.openDisputes).toBe(1);

    const history = await json<{ events: CaseEvent[] }>('history', claim.id);
    expect(history.events.filter((e) => e.kind.startsWith('dispute.')).map((e) => e.kind)).toEqual([
      'dispute.opened',
      'dispute.opened',
      'dispute.response',
      'dispute.resolved',
    ]);
    const text = await cli('dispute', 'respond', opened.id, '--by', 'X', '--text', 'late');
    expect(text.code).toBe(1);
    expect(text.err).toMatch(/dispute .* is resolved/);
  });

  it('refuses missing options with usage errors (exit 2) and unknown ids with exit 1', async () => {
    const noBy = await cli('dispute', 'open', 'some-id', '--position', 'p');
    expect(noBy.code).toBe(2);
    expect(noBy.err).toMatch(/--by is required/);
    const noResolution = await cli('dispute', 'resolve', 'some-id');
    expect(noResolution.code).toBe(2);
    expect(noResolution.err).toMatch(/--resolution is required/);
    const badOutcome = await cli('dispute', 'resolve', 'some-id', '--resolution', 'x', '--outcome', 'won');
    expect(badOutcome.code).toBe(2);
    expect(badOutcome.err).toMatch(/--outcome must be upheld, rejected or partly/);
    const unknown = await cli('dispute', 'resolve', 'no-such-dispute', '--resolution', 'x');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/dispute/);
    const noWhy = await cli('claim', 'override', 'some-id', '--probability', '0.3');
    expect(noWhy.code).toBe(2);
  });

  it('settles a claim, overrides another, and reports calibration', async () => {
    const empty = await cli('calibration');
    expect(empty.code).toBe(0);
    expect(empty.out).toMatch(/No settled claims of your own yet/);
    const claims = await json<Page<ClaimSummary>>('claim', 'list', '--limit', '100');
    const chips = claims.items.find((c) => c.text.includes('H800 and H20'))!;
    const cost = claims.items.find((c) => c.text.includes('USD6mn'))!;

    const overridden = await json<Claim>('claim', 'override', cost.id, '--probability', '0.3', '--why', 'Compute-only figure.');
    expect(overridden).toMatchObject({ probability: 0.3, overridden: true, override: { probability: 0.3, rationale: 'Compute-only figure.' } });
    expect(overridden.computedProbability).toBeCloseTo(0.418, 3); // re-graded: DeepSeek's own figure counts 0

    const noWhy = await cli('claim', 'status', chips.id, 'refuted');
    expect(noWhy.code).toBe(1);
    expect(noWhy.err).toMatch(/rationale/);
    const settled = await json<Claim>('claim', 'status', chips.id, 'refuted', '--why', 'Customs records show A100 use.', '--outcome', 'false');
    expect(settled).toMatchObject({ status: 'refuted', outcome: 'false' });

    const report = await json<CalibrationReport>('calibration');
    expect(report.overall.claims).toBe(1);
    expect(report.claims).toEqual([{ id: chips.id, text: chips.text, outcome: 'false', status: 'refuted', final: expect.any(Number), brier: expect.any(Number) }]);
    expect(report.overall.verdict).toBeNull(); // one claim is no track record
    // The score is the time-weighted squared error over the series the history shows, up to settlement.
    const h = await json<{ events: CaseEvent[]; series: { at: string; probability: number }[] }>('history', chips.id);
    // Settled when the outcome was recorded (kept apart from the verdict, issue 11).
    const settledAt = (await json<{ claim: Claim }>('claim', 'show', chips.id)).claim.outcomeAt!;
    expect(settledAt).toBeTruthy();
    expect(report.claims[0]!.brier).toBe(timeWeightedBrier(h.series, 'false', chips.createdAt, settledAt));
    expect(report.claims[0]!.brier).toBeLessThan(0.25); // re-graded: it carried 38–50% for a claim that was false
    expect(report.byTag.map((t) => t.tag)).toEqual(['chips', 'export-controls', 'sanctions']);
    const text = await cli('calibration');
    expect(text.out).toMatch(/^Brier score 0\.\d{3} over 1 settled claim/);
    expect(text.out).toMatch(/no verdict: fewer than 25 settled claims/);

    const verify = await cli('verify');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/History intact/);
  });
});
