/** dispute open|respond|resolve, claim outcome, evidence independent and calibration: challenging, settling and scoring claims. */
import type { CalibrationReport } from '../../core/calibration';
import { DISPUTE_OUTCOME_LABEL, DISPUTE_OUTCOMES, type Dispute, type DisputeOutcome } from '../../core/types';
import { str, strs, UsageError, type Command, type Values } from '../command';
import { safe } from '../format';

function disputeText(d: Dispute): string {
  const lines = [
    `${d.id}  [${d.status}] on claim ${d.claimId}, opened ${d.openedAt} by ${safe(d.raisedBy)}`,
    `  position: ${safe(d.position)}`,
  ];
  if (d.evidenceIds.length) lines.push(`  evidence: ${d.evidenceIds.join(', ')}`);
  for (const r of d.responses) lines.push(`  response by ${safe(r.author)} (${r.createdAt}): ${safe(r.text)}`);
  if (d.resolution) lines.push(`  resolved ${d.resolvedAt ?? ''}${d.outcome ? `, ${DISPUTE_OUTCOME_LABEL[d.outcome]}` : ''}: ${safe(d.resolution)}`);
  return lines.join('\n');
}

const brier = (b: number | null) => (b === null ? '—' : b.toFixed(3));

const pct = (p: number) => `${Math.round(p * 100)}%`;

function claimRows(rows: CalibrationReport['claims']): string[] {
  return rows.map((c) => `  ${brier(c.brier)}  ${(c.status ?? '—').padEnd(12)} → ${c.outcome.padEnd(5)}  held ${pct(c.final).padStart(4)}  ${c.id}  ${safe(c.text).slice(0, 70)}`);
}

function calibrationText(r: CalibrationReport): string {
  const imported = r.imported.claims.length
    ? [`not your judgments (verdict or outcome from an imported label, scored apart: ${brier(r.imported.brier)}):`, ...claimRows(r.imported.claims)]
    : [];
  if (!r.overall.claims)
    return ['No settled claims of your own yet. Record what happened with `claimtrail claim outcome ID true|false [--date D] [--note N]`.', ...imported].join('\n');
  const o = r.overall;
  const n = `${o.claims} settled claim${o.claims === 1 ? '' : 's'}`;
  return [
    `Brier score ${brier(o.brier)}${o.interval ? ` (95% interval ${brier(o.interval[0])}–${brier(o.interval[1])})` : ''} over ${n} (0 is perfect, 0.25 is a constant 50%)`,
    o.verdict ? `verdict: ${o.verdict}` : `no verdict: fewer than ${o.minimumSample} settled claims`,
    'reliability (band: claims, predicted → observed, 95% interval):',
    ...r.reliability
      .filter((b) => b.claims > 0)
      .map((b) => `  ${b.band}: ${b.claims}, ${pct(b.predicted!)} → ${pct(b.observed!)} (${pct(b.interval![0])}–${pct(b.interval![1])})`),
    ...(r.byTag.length ? ['by tag:', ...r.byTag.map((t) => `  ${brier(t.brier)}  ${safe(t.tag)} (${t.claims})`)] : []),
    'claims (score, verdict → what happened):',
    ...claimRows(r.claims),
    ...imported,
  ].join('\n');
}

function required(values: Values, name: string, what: string): string {
  const v = str(values, name);
  if (!v) throw new UsageError(`--${name} is required: ${what}`);
  return v;
}

const disputeOpen: Command = {
  name: 'dispute open',
  usage: 'dispute open CLAIM_ID --by WHO --position TEXT [--evidence EVIDENCE_ID]... [--date YYYY-MM-DD]',
  summary: 'Challenge a claim: who disputes it, their position, and the evidence they point to.',
  options: { by: { type: 'string' }, position: { type: 'string' }, evidence: { type: 'string', multiple: true }, date: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const raisedBy = required(ctx.values, 'by', 'who raises the dispute');
    const position = required(ctx.values, 'position', 'what the disputant holds');
    const d = await ctx.withCase((api) =>
      api.invoke('disputes.open', {
        claimId: ctx.args[0]!,
        raisedBy,
        position,
        evidenceIds: strs(ctx.values, 'evidence'),
        openedAt: str(ctx.values, 'date'),
      }),
    );
    ctx.print(d, () => disputeText(d));
  },
};

const disputeRespond: Command = {
  name: 'dispute respond',
  usage: 'dispute respond DISPUTE_ID --by WHO --text TEXT',
  summary: 'Record a response to an open dispute.',
  options: { by: { type: 'string' }, text: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const author = required(ctx.values, 'by', 'who responds');
    const text = required(ctx.values, 'text', 'the response');
    const d = await ctx.withCase((api) => api.invoke('disputes.respond', { id: ctx.args[0]!, author, text }));
    ctx.print(d, () => disputeText(d));
  },
};

const disputeResolve: Command = {
  name: 'dispute resolve',
  usage: 'dispute resolve DISPUTE_ID --resolution TEXT [--outcome upheld|rejected|partly]',
  summary: 'Close a dispute with its resolution and outcome (the challenge upheld, rejected or partly upheld).',
  options: { resolution: { type: 'string' }, outcome: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const resolution = required(ctx.values, 'resolution', 'how the dispute was settled');
    const outcome = str(ctx.values, 'outcome');
    if (outcome !== undefined && !(DISPUTE_OUTCOMES as readonly string[]).includes(outcome))
      throw new UsageError(`--outcome must be upheld, rejected or partly (partly upheld), not "${outcome}"`);
    const d = await ctx.withCase((api) =>
      api.invoke('disputes.resolve', { id: ctx.args[0]!, resolution, ...(outcome ? { outcome: outcome as DisputeOutcome } : {}) }),
    );
    ctx.print(d, () => disputeText(d));
  },
};

const calibration: Command = {
  name: 'calibration',
  usage: 'calibration',
  summary: 'Brier score of the probabilities carried by settled claims, overall and per tag.',
  async run(ctx) {
    const r = await ctx.withCase((api) => api.invoke('calibration.report', {}));
    ctx.print(r, () => calibrationText(r));
  },
};

const claimOutcome: Command = {
  name: 'claim outcome',
  usage: 'claim outcome ID true|false|clear [--date YYYY-MM-DD] [--note TEXT]',
  summary: 'Record what actually happened, apart from your verdict (a claim judged supported may turn out false).',
  options: { date: { type: 'string' }, note: { type: 'string' } },
  minArgs: 2,
  async run(ctx) {
    const [id, word] = ctx.args as [string, string];
    const w = word.trim().toLowerCase();
    if (!['true', 'false', 'clear'].includes(w)) throw new UsageError(`outcome must be true, false or clear, not "${word}"`);
    const c = await ctx.withCase((api) =>
      api.invoke('claims.setOutcome', {
        id,
        outcome: w === 'clear' ? null : (w as 'true' | 'false'),
        at: str(ctx.values, 'date') ?? null,
        note: str(ctx.values, 'note') ?? null,
      }),
    );
    ctx.print(c, () =>
      c.outcome
        ? `${c.id}  judged ${c.status}, turned out ${c.outcome} (${c.outcomeAt})${c.outcomeNote ? ` — ${safe(c.outcomeNote)}` : ''}`
        : `${c.id}  outcome cleared (verdict: ${c.status})`,
    );
  },
};

const evidenceIndependent: Command = {
  name: 'evidence independent',
  usage: 'evidence independent EVIDENCE_ID OTHER_ID [--undo] [--why TEXT]',
  summary: 'Declare two items with near-identical quotes independent (both count as origins); --undo withdraws it.',
  options: { undo: { type: 'boolean' }, why: { type: 'string' } },
  minArgs: 2,
  async run(ctx) {
    const [a, b] = ctx.args as [string, string];
    const r = await ctx.withCase((api) =>
      api.invoke('evidence.setIndependent', { a, b, independent: ctx.values.undo !== true, rationale: str(ctx.values, 'why') ?? null }),
    );
    ctx.print(r, () => (r.independent ? `${a} and ${b} are declared independent` : `${a} and ${b} are no longer declared independent`));
  },
};

export const judgmentCommands: Command[] = [disputeOpen, disputeRespond, disputeResolve, claimOutcome, evidenceIndependent, calibration];
