/**
 * readBriefingData: everything a briefing needs, read from the case in one pass (the claims of a
 * selection with their evidence, disputes, model and history; the cited sources; the previous saved
 * snapshot). Composition (core/briefing) then runs on this data alone, so reading and composing can
 * be timed apart.
 */
import { historyHead } from '../repos/events';
import type { BriefingClaimData, BriefingData, BriefingSelection, Provenance } from '../../core/briefing/types';
import { normalizeSelection, selectionKey } from '../../core/briefing/selection';
import type { Source } from '../../core/types';
import { invalid, notFound } from '../errors';
import { claimRowidsByIds, findClaimRow, liveClaimRowsByProbability, type ClaimRow } from '../repos/claims';
import { eventsForClaim } from '../repos/events';
import { latestBriefing, storedBriefingOrNull, type BriefingRow } from '../repos/briefings';
import { sourceRowById, toSource } from '../repos/sources';
import { claimRowidsWithTag } from '../repos/tags';
import { search } from '../search';
import type { DB } from '../sql';
import { boardById } from './analysis';
import { failedAssumptionsOfClaim } from '../repos/analysis';
import { claimDetail } from './claims';
import { createCtx, type Ctx } from './context';

/** The most claims one briefing may cover. */
export const MAX_BRIEFING_CLAIMS = 5_000;

function queryRowids(db: DB, q: string): number[] {
  const r = search(db, q, 500, ['claims']);
  if (!r.groups.claims.length && r.notices.length) throw invalid('selection.query', r.notices.join(' '));
  const ids = r.groups.claims.map((h) => h.id);
  return claimRowidsByIds(db, ids);
}

/** Query AND tag, plus hand-picked claims; live claims only; strongest probability first. */
export function selectClaims(db: DB, selection: BriefingSelection): ClaimRow[] {
  const s = normalizeSelection(selection);
  let filtered: Set<number> | null = null;
  if (s.query) filtered = new Set(queryRowids(db, s.query));
  if (s.tag) {
    const tagged = claimRowidsWithTag(db, s.tag);
    filtered = filtered ? new Set(tagged.filter((r) => filtered!.has(r))) : new Set(tagged);
  }
  const rowids = new Set(filtered ?? []);
  for (const id of s.claimIds ?? []) {
    const row = findClaimRow(db, id);
    if (!row) throw notFound('selection.claimIds: claim', id);
    if (row.deleted_at) throw invalid('selection.claimIds', `claim ${id} is in the trash; restore it first`);
    rowids.add(row.rowid);
  }
  if (rowids.size > MAX_BRIEFING_CLAIMS)
    throw invalid('selection', `${rowids.size} claims match; a briefing covers at most ${MAX_BRIEFING_CLAIMS}. Narrow the query or tag.`);
  return liveClaimRowsByProbability(db, [...rowids]);
}

function claimData(ctx: Ctx, row: ClaimRow): BriefingClaimData {
  const d = claimDetail(ctx, row.id);
  const failedAssumptions = failedAssumptionsOfClaim(ctx.db, row.rowid);
  return {
    claim: d.claim,
    evidence: d.evidence,
    disputes: d.disputes,
    model: d.model,
    events: eventsForClaim(ctx.db, row.id),
    ...(failedAssumptions.length ? { failedAssumptions } : {}),
  };
}

function citedSources(db: DB, claims: readonly BriefingClaimData[]): Source[] {
  const byId = new Map<string, Source>();
  const want = [...new Set(claims.flatMap((c) => c.evidence.map((e) => e.sourceId)))];
  while (want.length) {
    const id = want.shift()!;
    if (byId.has(id)) continue;
    const s = toSource(sourceRowById(db, id));
    byId.set(id, s);
    if (s.derivedFromId && !byId.has(s.derivedFromId)) want.push(s.derivedFromId);
  }
  return [...byId.values()];
}

/** The case's history head: the newest event's hash and the number of events, and its signed statement when asked and a signer is set. */
export function historyProvenance(ctx: Ctx, signed: boolean): Provenance {
  const head = historyHead(ctx.db);
  return { headHash: head?.hash ?? null, events: head?.events ?? 0, statement: (signed && ctx.signedHead(ctx.now())) || null };
}

/** The previous saved version to compare with; a damaged one is skipped (it is refused where it is opened). */
function previousOf(row: BriefingRow | null): BriefingData['previous'] {
  const b = row ? storedBriefingOrNull(row) : null;
  return row && b ? { id: row.id, createdAt: row.created_at, snapshot: b.snapshot } : null;
}

export function readBriefingDataCtx(ctx: Ctx, selection: BriefingSelection, opts: { signed?: boolean } = {}): BriefingData {
  const rows = selectClaims(ctx.db, selection);
  const claims = rows.map((r) => claimData(ctx, r));
  const key = selectionKey(selection);
  const prev = latestBriefing(ctx.db, key);
  const settings = ctx.settings();
  const boards = (normalizeSelection(selection).boardIds ?? []).map((id) => boardById(ctx.db, id));
  return {
    selection: normalizeSelection(selection),
    selectionKey: key,
    generatedAt: ctx.now(),
    author: settings.analystName,
    caveat: settings.caveat,
    claims,
    ...(boards.length ? { boards } : {}),
    sources: citedSources(ctx.db, claims),
    previous: previousOf(prev),
    provenance: historyProvenance(ctx, opts.signed === true),
  };
}

/** For benches and tools: read a selection's briefing data straight from an open case. */
export function readBriefingData(api: { db: DB }, selection: BriefingSelection, opts: { now?: () => string } = {}): BriefingData {
  return readBriefingDataCtx(createCtx(api.db, opts), selection);
}

