/** "Changes since the previous briefing": a diff of claim states between two saved snapshots. */
import { formatPercent } from '../estimative';
import type { BriefingSnapshot, ClaimState, Judgment } from './types';

export function snapshotOf(judgments: readonly Judgment[]): BriefingSnapshot {
  return {
    version: 1,
    claims: judgments.map((j) => ({
      id: j.claimId,
      text: j.text,
      probability: j.probability,
      band: j.band,
      confidence: j.confidence,
      status: j.status,
      evidence: j.evidence.length,
      openDisputes: j.disputes.filter((d) => d.status === 'open').length,
      disputes: j.disputes.length,
    })),
  };
}

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function claimChanges(before: ClaimState, after: ClaimState): string[] {
  const name = `“${short(after.text)}”`;
  const out: string[] = [];
  if (before.text !== after.text) out.push(`${name}: wording changed (was “${short(before.text)}”).`);
  if (formatPercent(before.probability) !== formatPercent(after.probability))
    out.push(`${name}: probability ${formatPercent(before.probability)} → ${formatPercent(after.probability)}.`);
  if (before.band !== after.band) out.push(`${name}: band ${before.band} → ${after.band}.`);
  if (before.confidence !== after.confidence) out.push(`${name}: analytic confidence ${before.confidence} → ${after.confidence}.`);
  if (before.status !== after.status) out.push(`${name}: status ${before.status} → ${after.status}.`);
  if (before.evidence !== after.evidence)
    out.push(`${name}: evidence items ${before.evidence} → ${after.evidence}.`);
  const opened = after.disputes - before.disputes;
  if (opened > 0) out.push(`${name}: ${plural(opened, 'new dispute')}.`);
  const resolved = before.openDisputes + Math.max(opened, 0) - after.openDisputes;
  if (resolved > 0) out.push(`${name}: ${plural(resolved, 'dispute')} resolved.`);
  return out;
}

/** Every difference between two snapshots, in briefing order; empty when nothing changed. */
export function diffSnapshots(previous: BriefingSnapshot, current: BriefingSnapshot): string[] {
  const prev = new Map(previous.claims.map((c) => [c.id, c]));
  const cur = new Set(current.claims.map((c) => c.id));
  const out: string[] = [];
  for (const c of current.claims) {
    const before = prev.get(c.id);
    if (!before) out.push(`New claim: “${short(c.text)}” (${c.band}, ${formatPercent(c.probability)}).`);
    else out.push(...claimChanges(before, c));
  }
  for (const c of previous.claims) if (!cur.has(c.id)) out.push(`Removed claim: “${short(c.text)}”.`);
  return out;
}
