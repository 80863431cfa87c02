/** Briefing selections: normalized, keyed (so versions of "the same briefing" find each other), described. */
import { canonicalJson } from '../canonical-json';
import type { BriefingSelection } from './types';

export function normalizeSelection(s: BriefingSelection): BriefingSelection {
  const out: BriefingSelection = {};
  const query = s.query?.replace(/\s+/g, ' ').trim();
  if (query) out.query = query;
  const tag = s.tag?.trim();
  if (tag) out.tag = tag;
  const ids = [...new Set((s.claimIds ?? []).map((i) => i.trim()).filter(Boolean))].sort();
  if (ids.length) out.claimIds = ids;
  const boards = [...new Set((s.boardIds ?? []).map((i) => i.trim()).filter(Boolean))].sort();
  if (boards.length) out.boardIds = boards;
  return out;
}

/** Same selection ⇔ same key: query spacing, tag case and the order of hand-picked ids do not matter. */
export function selectionKey(s: BriefingSelection): string {
  const n = normalizeSelection(s);
  // Boards join the key only when chosen, so keys of selections without boards stay as they were.
  return canonicalJson({ q: n.query ?? null, t: n.tag?.toLowerCase() ?? null, ids: n.claimIds ?? [], ...(n.boardIds ? { boards: n.boardIds } : {}) });
}

export function isEmptySelection(s: BriefingSelection): boolean {
  const n = normalizeSelection(s);
  return !n.query && !n.tag && !n.claimIds && !n.boardIds;
}

export function describeSelection(s: BriefingSelection): string {
  const n = normalizeSelection(s);
  const parts: string[] = [];
  if (n.query) parts.push(`claims matching “${n.query}”`);
  if (n.tag) parts.push(`${n.query ? 'tagged' : 'claims tagged'} “${n.tag}”`);
  const filter = parts.join(' and ');
  const picked = n.claimIds ? `${n.claimIds.length} hand-picked claim${n.claimIds.length === 1 ? '' : 's'}` : '';
  const boards = n.boardIds ? `${n.boardIds.length} ACH board${n.boardIds.length === 1 ? '' : 's'}` : '';
  return [filter, picked, boards].filter(Boolean).join(', plus ') || 'no claims';
}
