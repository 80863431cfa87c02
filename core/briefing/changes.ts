/**
 * "Changes since the previous briefing": the net difference between the claim states of two saved
 * snapshots, one line per claim and aspect (probability and band, confidence, status, evidence
 * added/removed, disputes opened/resolved), each item once. Version 1 snapshots (counts only) are
 * still compared, by counts.
 */
import { formatPercent } from '../estimative';
import type { BriefingSnapshot, ClaimState, Judgment } from './types';
import { count } from './wording';

export function snapshotOf(judgments: readonly Judgment[]): BriefingSnapshot {
  return {
    version: 2,
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
      evidenceIds: j.evidence.flatMap((e) => (e.evidenceId ? [e.evidenceId] : [])),
      openDisputeIds: j.disputes.flatMap((d) => (d.status === 'open' && d.id ? [d.id] : [])),
      resolvedDisputeIds: j.disputes.flatMap((d) => (d.status === 'resolved' && d.id ? [d.id] : [])),
    })),
  };
}

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
const minus = (a: readonly string[], b: readonly string[]) => {
  const drop = new Set(b);
  return a.filter((x) => !drop.has(x));
};

/** Evidence added and removed: by id when both snapshots carry ids, else by count. */
function evidenceMoves(before: ClaimState, after: ClaimState): { added: number; removed: number } {
  if (before.evidenceIds && after.evidenceIds)
    return { added: minus(after.evidenceIds, before.evidenceIds).length, removed: minus(before.evidenceIds, after.evidenceIds).length };
  const d = after.evidence - before.evidence;
  return { added: Math.max(d, 0), removed: Math.max(-d, 0) };
}

/** Disputes opened (new since) and resolved (open before, resolved now, or opened and resolved in between). */
function disputeMoves(before: ClaimState, after: ClaimState): { opened: number; resolved: number } {
  if (before.openDisputeIds && before.resolvedDisputeIds && after.openDisputeIds && after.resolvedDisputeIds) {
    const known = [...before.openDisputeIds, ...before.resolvedDisputeIds];
    const opened = minus([...after.openDisputeIds, ...after.resolvedDisputeIds], known).length;
    return { opened, resolved: minus(after.resolvedDisputeIds, before.resolvedDisputeIds).length };
  }
  const opened = Math.max(after.disputes - before.disputes, 0);
  return { opened, resolved: Math.max(before.openDisputes + opened - after.openDisputes, 0) };
}

function claimChanges(before: ClaimState, after: ClaimState): string[] {
  const name = `“${short(after.text)}”`;
  const out: string[] = [];
  if (before.text !== after.text) out.push(`${name}: wording changed (was “${short(before.text)}”).`);
  if (formatPercent(before.probability) !== formatPercent(after.probability))
    out.push(`${name}: probability ${formatPercent(before.probability)} → ${formatPercent(after.probability)}.`);
  if (before.band !== after.band) out.push(`${name}: band ${before.band} → ${after.band}.`);
  if (before.confidence !== after.confidence) out.push(`${name}: analytic confidence ${before.confidence} → ${after.confidence}.`);
  if (before.status !== after.status) out.push(`${name}: status ${before.status} → ${after.status}.`);
  const ev = evidenceMoves(before, after);
  const evParts = [ev.added ? `${count(ev.added, 'evidence item')} added` : '', ev.removed ? `${count(ev.removed, 'evidence item')} removed` : ''];
  if (ev.added || ev.removed) out.push(`${name}: ${evParts.filter(Boolean).join(', ')}.`);
  const d = disputeMoves(before, after);
  if (d.opened) out.push(`${name}: ${count(d.opened, 'dispute')} opened.`);
  if (d.resolved) out.push(`${name}: ${count(d.resolved, 'dispute')} resolved.`);
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
