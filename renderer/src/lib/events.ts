/** Plain-words descriptions of history events for the timeline. */
import type { CaseEvent } from '../../../core/types';

const KIND_TEXT: Record<string, string> = {
  'claim.created': 'Claim created',
  'claim.imported': 'Claim imported',
  'claim.import-added': 'Added by an import',
  'import.applied': 'Import applied',
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
  'quote.lost': 'Quote no longer in the source',
  'conflict.resolved': 'Team conflict resolved',
};

export function eventTitle(kind: string): string {
  return KIND_TEXT[kind] ?? kind.replace(/[._]/g, ' ');
}

/** What the timeline knows besides the events: names of sources and evidence items by id. */
export interface EventNames {
  sourceTitle(id: string): string | undefined;
  /** The current evidence item (for an edit, whose event holds only what changed). */
  evidence(id: string): { sourceId: string; excerpt: string } | undefined;
}

const QUOTE_START = 60;
const quoteStart = (s: string) => `“${s.length > QUOTE_START ? `${s.slice(0, QUOTE_START - 1).trimEnd()}…` : s}”`;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** One history entry in words: which item changed ("Evidence added: Reuters, “The company…”") and the text it added. */
export interface EventText {
  title: string;
  /** Text the event added, in full (an answer to a dispute, a new quote, a position). */
  added: string;
}

export function describeEvent(e: Pick<CaseEvent, 'kind' | 'entityId' | 'payload'>, names: EventNames): EventText {
  const base = eventTitle(e.kind);
  const p = (e.payload ?? {}) as { before?: Snapshot; after?: Snapshot };
  const snap = p.after ?? p.before ?? {};
  const withItem = (item: string, added = ''): EventText => ({ title: item ? `${base}: ${item}` : base, added });
  if (e.kind.startsWith('evidence.') && e.kind !== 'evidence.independence') {
    const current = names.evidence(e.entityId);
    const sourceId = str(snap.sourceId) || current?.sourceId || '';
    const excerpt = str(snap.excerpt) || current?.excerpt || '';
    const source = names.sourceTitle(sourceId) ?? 'a source';
    const item = excerpt ? `${source}, ${quoteStart(excerpt)}` : source;
    return withItem(item, e.kind === 'evidence.added' && excerpt.length > QUOTE_START ? excerpt : '');
  }
  if (e.kind === 'dispute.opened') return withItem(str(snap.raisedBy), str(snap.position));
  if (e.kind === 'dispute.response') return withItem(str(snap.author), str(snap.text));
  if (e.kind === 'dispute.resolved') {
    const outcome = str(snap.outcome);
    return withItem(outcome === 'partly' ? 'partly upheld' : outcome);
  }
  return { title: base, added: '' };
}

type Snapshot = Record<string, unknown>;

const show = (v: unknown): string => (typeof v === 'number' ? (v > 0 && v < 1 ? `${Math.round(v * 100)}%` : String(v)) : typeof v === 'string' ? v : JSON.stringify(v));

/** "status: unverified → disputed; band: likely → unlikely" from a {before, after} payload. */
export function eventChanges(e: Pick<CaseEvent, 'payload'>, max = 4): string {
  const p = (e.payload ?? {}) as { before?: Snapshot; after?: Snapshot; evidenceIds?: unknown; lastFoundCapturedAt?: unknown; capturedAt?: unknown };
  if (Array.isArray(p.evidenceIds)) return importedWith(p as ImportReceipt);
  if (typeof p.lastFoundCapturedAt === 'string' && typeof p.capturedAt === 'string') return quoteLost(p.capturedAt, p.lastFoundCapturedAt);
  if (!p.before || !p.after) return '';
  const keys = Object.keys(p.after).filter((k) => k in p.before! && JSON.stringify(p.before![k]) !== JSON.stringify(p.after![k]));
  return keys
    .slice(0, max)
    .map((k) => `${k}: ${show(p.before![k])} → ${show(p.after![k])}`)
    .join('; ');
}

/** quote.lost (issue 13): "not in the capture of 2026-03-05; last found in the capture of 2026-03-01". */
function quoteLost(capturedAt: string, lastFound: string): string {
  return `not in the capture of ${capturedAt.slice(0, 10)}; last found in the capture of ${lastFound.slice(0, 10)}`;
}

interface ImportReceipt {
  evidenceIds: unknown[];
  sourceIds?: unknown[];
  disputeIds?: unknown[];
  linkIds?: unknown[];
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "with 10 evidence items from 8 sources, 1 dispute" for claim.imported / claim.import-added events. */
function importedWith(p: ImportReceipt): string {
  const parts = [
    p.evidenceIds.length ? `${count(p.evidenceIds.length, 'evidence item', 'evidence items')} from ${count(p.sourceIds?.length ?? 0, 'source', 'sources')}` : '',
    p.disputeIds?.length ? count(p.disputeIds.length, 'dispute', 'disputes') : '',
    p.linkIds?.length ? count(p.linkIds.length, 'link', 'links') : '',
  ].filter(Boolean);
  return parts.length ? `with ${parts.join(', ')}` : '';
}
