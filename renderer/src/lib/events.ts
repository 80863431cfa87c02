/** Plain-words descriptions of history events for the timeline. */
import type { CaseEvent } from '../../../core/types';

const KIND_TEXT: Record<string, string> = {
  'claim.created': 'Claim created',
  'claim.updated': 'Claim edited',
  'claim.deleted': 'Claim moved to trash',
  'claim.restored': 'Claim restored from trash',
  'claim.status': 'Status changed',
  'claim.override': 'Probability override changed',
  'confidence.changed': 'Confidence changed',
  'evidence.added': 'Evidence added',
  'evidence.updated': 'Evidence edited',
  'evidence.removed': 'Evidence removed',
  'dispute.opened': 'Dispute opened',
  'dispute.response': 'Dispute answered',
  'dispute.resolved': 'Dispute resolved',
  'link.created': 'Link added',
  'link.deleted': 'Link removed',
};

export function eventTitle(kind: string): string {
  return KIND_TEXT[kind] ?? kind.replace(/[._]/g, ' ');
}

type Snapshot = Record<string, unknown>;

const show = (v: unknown): string => (typeof v === 'number' ? (v > 0 && v < 1 ? `${Math.round(v * 100)}%` : String(v)) : typeof v === 'string' ? v : JSON.stringify(v));

/** "status: unverified → disputed; band: likely → unlikely" from a {before, after} payload. */
export function eventChanges(e: Pick<CaseEvent, 'payload'>, max = 4): string {
  const p = (e.payload ?? {}) as { before?: Snapshot; after?: Snapshot };
  if (!p.before || !p.after) return '';
  const keys = Object.keys(p.after).filter((k) => k in p.before! && JSON.stringify(p.before![k]) !== JSON.stringify(p.after![k]));
  return keys
    .slice(0, max)
    .map((k) => `${k}: ${show(p.before![k])} → ${show(p.after![k])}`)
    .join('; ');
}
