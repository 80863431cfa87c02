/** dispute open|respond|resolve and calibration: challenging claims and scoring settled ones. */
import type { CalibrationReport } from '../../core/calibration';
import type { Dispute } from '../../core/types';
import { str, strs, UsageError, type Command, type Values } from '../command';
import { safe } from '../format';

function disputeText(d: Dispute): string {
  const lines = [
    `${d.id}  [${d.status}] on claim ${d.claimId}, opened ${d.openedAt} by ${safe(d.raisedBy)}`,
    `  position: ${safe(d.position)}`,
  ];
  if (d.evidenceIds.length) lines.push(`  evidence: ${d.evidenceIds.join(', ')}`);
  for (const r of d.responses) lines.push(`  response by ${safe(r.author)} (${r.createdAt}): ${safe(r.text)}`);
  if (d.resolution) lines.push(`  resolved ${d.resolvedAt ?? ''}: ${safe(d.resolution)}`);
  return lines.join('\n');
}

const brier = (b: number | null) => (b === null ? '—' : b.toFixed(3));

function calibrationText(r: CalibrationReport): string {
  if (!r.overall.claims)
    return 'No settled claims yet. Settle one with `claimtrail claim status ID supported|refuted --why TEXT --outcome true|false`.';
  return [
    `Brier score ${brier(r.overall.brier)} over ${r.overall.claims} settled claim${r.overall.claims === 1 ? '' : 's'} (0 is perfect, 0.25 is a constant 50%)`,
    ...(r.byTag.length ? ['by tag:', ...r.byTag.map((t) => `  ${brier(t.brier)}  ${safe(t.tag)} (${t.claims})`)] : []),
    'claims:',
    ...r.claims.map((c) => `  ${brier(c.brier)}  ${c.outcome.padEnd(5)}  ${c.id}  ${safe(c.text).slice(0, 80)}`),
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
  usage: 'dispute resolve DISPUTE_ID --resolution TEXT',
  summary: 'Close a dispute with its resolution.',
  options: { resolution: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const resolution = required(ctx.values, 'resolution', 'how the dispute was settled');
    const d = await ctx.withCase((api) => api.invoke('disputes.resolve', { id: ctx.args[0]!, resolution }));
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

export const judgmentCommands: Command[] = [disputeOpen, disputeRespond, disputeResolve, calibration];
