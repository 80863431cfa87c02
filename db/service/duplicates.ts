/**
 * The duplicate review queue (issue 18.3, docs/duplicates.md): candidates, merges that an un-merge
 * undoes row for row, and pairs kept apart for good. Every change is one transaction with its events.
 */
import type { ApiHandlers } from '../../core/api';
import type { DuplicateCandidate, DuplicateEntity, DuplicateSide, MergeRecord, ReviewedPair } from '../../core/contract/duplicates';
import { pairScorer, sameAddressPairs, similarTextPairs, type PairFound } from '../../core/duplicates';
import { formatPercent } from '../../core/estimative';
import { newId } from '../../core/ids';
import { conflict, invalid } from '../errors';
import { anchorRow, deleteAnchor, saveAnchor } from '../repos/anchors';
import { claimRowById } from '../repos/claims';
import {
  addMissingTags,
  capturesToMove,
  childrenOfSource,
  claimTimes,
  deleteLinkRow,
  disputesOfClaim,
  evidenceRowExists,
  evidenceOfClaim,
  evidenceOfSources,
  insertDuplicateLink,
  insertMerge,
  insertVerdict,
  lineageRows,
  linkExists,
  linkRowExists,
  linksTouching,
  listMerges,
  listVerdicts,
  liveClaimsForQueue,
  liveMergeOf,
  liveMergeOfId,
  liveSourcesForQueue,
  mergeRowById,
  moveCaptures,
  moveDisputesToClaim,
  moveEvidenceToClaim,
  moveEvidenceToSource,
  movedCounts,
  movesOf,
  orderedPair,
  reinsertLink,
  removeTags,
  restoreLineage,
  setClaimTimes,
  setLinkEnds,
  setMergeUndone,
  setSourceTimes,
  sourceTimes,
  verdictKeys,
  verdictOf,
  type ClaimMoves,
  type LinkRowFull,
  type MergeRow,
  type RowTimes,
  type SourceMoves,
  type VerdictRow,
} from '../repos/duplicates';
import { claimsCitingSources } from '../repos/evidence';
import { descendants, setDerivedFrom, sourceRowById } from '../repos/sources';
import { tagsOfMany } from '../repos/tags';
import { reanchorSource } from './anchors';
import { record, type Ctx } from './context';
import { recomputeClaim } from './recompute';

type H = Pick<ApiHandlers, 'duplicates.list' | 'duplicates.merge' | 'duplicates.unmerge' | 'duplicates.dismiss'>;

const fact = (label: string, value: string | number | null | undefined) => ({ label, value: value === null || value === undefined ? '' : String(value) });

/** Candidate pairs found among `rows`, without the pairs already reviewed. */
function candidates<R extends { rowid: number }>(
  ctx: Ctx,
  entity: DuplicateEntity,
  rows: readonly R[],
  pairs: readonly PairFound[],
  side: (r: R) => DuplicateSide,
): DuplicateCandidate[] {
  const reviewed = verdictKeys(ctx.db, entity);
  return pairs
    .filter((p) => !reviewed.has(orderedPair(rows[p.a]!.rowid, rows[p.b]!.rowid).join(':')))
    .map((p) => ({ entity, reason: p.reason, explanation: p.explanation, score: p.score, a: side(rows[p.a]!), b: side(rows[p.b]!) }));
}

function claimCandidates(ctx: Ctx): DuplicateCandidate[] {
  const claims = liveClaimsForQueue(ctx.db);
  const pairs = similarTextPairs(claims.map((c) => c.text));
  const tags = tagsOfMany(ctx.db, [...new Set(pairs.flatMap((p) => [claims[p.a]!.rowid, claims[p.b]!.rowid]))]);
  return candidates(ctx, 'claim', claims, pairs, (c) => ({
    id: c.id,
    title: c.text,
    facts: [
      fact('Claimant', c.claimant),
      fact('Claimed', c.claimed_at),
      fact('Status', c.status),
      fact('Probability', c.kind === 'not-checkable' ? 'not checkable' : `${formatPercent(c.probability)} (${c.band})`),
      fact('Evidence', c.evidence_count),
      fact('Open disputes', c.open_disputes),
      fact('Tags', (tags.get(c.rowid) ?? []).join(', ')),
    ],
  }));
}

function sourceCandidates(ctx: Ctx): DuplicateCandidate[] {
  const sources = liveSourcesForQueue(ctx.db);
  return candidates(ctx, 'source', sources, sameAddressPairs(sources), (s) => ({
    id: s.id,
    title: s.title,
    facts: [
      fact('Publisher', s.publisher),
      fact('Published', s.published_at),
      fact('Address', s.url),
      fact('DOI', s.doi),
      fact('Reliability', s.reliability),
      fact('Cited by', `${s.citations} evidence item${s.citations === 1 ? '' : 's'}`),
      fact('Captures', s.captures),
    ],
  }));
}

function toMergeRecord(r: MergeRow): MergeRecord {
  return {
    id: r.id,
    entity: r.entity,
    survivorId: r.survivor_id,
    survivorTitle: r.survivor_title,
    mergedId: r.merged_id,
    mergedTitle: r.merged_title,
    reason: r.reason,
    score: r.score,
    moved: movedCounts(movesOf(r)),
    createdAt: r.created_at,
    undoneAt: r.undone_at,
  };
}

function toReviewed(r: VerdictRow): ReviewedPair {
  return { entity: r.entity, aId: r.a_id, aTitle: r.a_title, bId: r.b_id, bTitle: r.b_title, verdict: r.verdict, rationale: r.rationale, createdAt: r.created_at };
}

/** Refuses to restore from the trash a claim or source that a merge put there: only its un-merge brings it back whole. */
export function refuseRestoreOfMerged(ctx: Ctx, entity: DuplicateEntity, rowid: number, id: string): void {
  const m = liveMergeOf(ctx.db, entity, rowid);
  if (m) throw conflict(`${entity} ${id} was merged into ${entity} ${m.survivor_id}; un-merge it instead (dedupe unmerge ${m.id})`);
}

interface Pair {
  survivor: { rowid: number; id: string; title: string };
  merged: { rowid: number; id: string; title: string };
}

/** The two live rows of a merge, checked. */
function pairOf(ctx: Ctx, entity: DuplicateEntity, survivorId: string, mergedId: string): Pair {
  if (survivorId === mergedId) throw invalid(`mergedId: a ${entity} cannot be merged into itself`);
  const load = (field: string, id: string) => {
    const row = entity === 'claim' ? claimRowById(ctx.db, id) : sourceRowById(ctx.db, id);
    if (row.deleted_at) throw invalid(`${field}: ${entity} ${id} is in the trash`);
    return { rowid: row.rowid, id: row.id, title: 'text' in row ? row.text : row.title };
  };
  return { survivor: load('survivorId', survivorId), merged: load('mergedId', mergedId) };
}

/** Why the queue offers the pair now (a merge made by hand has no reason from the queue). */
function reasonOf(ctx: Ctx, entity: DuplicateEntity, p: Pair): { reason: string; score: number | null } {
  let found: PairFound | null | undefined;
  if (entity === 'claim') {
    const claims = liveClaimsForQueue(ctx.db);
    const [a, b] = [p.survivor, p.merged].map((x) => claims.findIndex((c) => c.rowid === x.rowid)).sort((x, y) => x - y) as [number, number];
    found = pairScorer(claims.map((c) => c.text)).score(a, b);
  } else {
    const sources = liveSourcesForQueue(ctx.db).filter((s) => s.rowid === p.survivor.rowid || s.rowid === p.merged.rowid);
    found = sources.length === 2 ? sameAddressPairs(sources)[0] : null;
  }
  return found ? { reason: found.explanation, score: found.score } : { reason: 'merged by the analyst', score: null };
}

/** Times set by a merge come back on un-merge only when nothing touched the row since. */
function restoreTimes(current: RowTimes, before: RowTimes, mergedAt: string, deletedByMerge: boolean): RowTimes {
  return {
    updated_at: current.updated_at === mergedAt ? before.updated_at : current.updated_at,
    deleted_at: deletedByMerge ? before.deleted_at : current.deleted_at,
  };
}

function mergeClaims(ctx: Ctx, p: Pair, at: string): ClaimMoves {
  const { survivor: s, merged: m } = p;
  const survivorTimes = claimTimes(ctx.db, s.rowid);
  const mergedTimes = claimTimes(ctx.db, m.rowid);
  const evidence = moveEvidenceToClaim(ctx.db, evidenceOfClaim(ctx.db, m.rowid), m.rowid, s.rowid);
  const disputes = moveDisputesToClaim(ctx.db, disputesOfClaim(ctx.db, m.rowid), m.rowid, s.rowid);
  const links: LinkRowFull[] = [];
  const droppedLinks: LinkRowFull[] = [];
  for (const l of linksTouching(ctx.db, m.rowid)) {
    const from = l.from_rowid === m.rowid ? s.rowid : l.from_rowid;
    const to = l.to_rowid === m.rowid ? s.rowid : l.to_rowid;
    if (from === to || linkExists(ctx.db, from, to, l.kind)) {
      deleteLinkRow(ctx.db, l.rowid);
      droppedLinks.push(l);
    } else {
      setLinkEnds(ctx.db, l.rowid, from, to);
      links.push(l);
    }
  }
  const duplicateLink = insertDuplicateLink(ctx.db, { id: newId(), from: m.rowid, to: s.rowid, note: 'merged', at });
  const tags = addMissingTags(ctx.db, m.rowid, s.rowid);
  setClaimTimes(ctx.db, s.rowid, { updated_at: at, deleted_at: survivorTimes.deleted_at });
  setClaimTimes(ctx.db, m.rowid, { updated_at: at, deleted_at: at });
  recomputeClaim(ctx, s.rowid, `claim "${m.title}" merged into this one`);
  recomputeClaim(ctx, m.rowid, `merged into claim "${s.title}"`);
  return { kind: 'claim', evidence, disputes, links, droppedLinks, duplicateLink, tags, survivor: survivorTimes, merged: mergedTimes };
}

function unmergeClaims(ctx: Ctx, r: MergeRow, mv: ClaimMoves): void {
  const s = r.survivor_rowid;
  const m = r.merged_rowid;
  removeTags(ctx.db, s, mv.tags);
  deleteLinkRow(ctx.db, mv.duplicateLink);
  for (const l of mv.links)
    if (linkRowExists(ctx.db, l.rowid)) setLinkEnds(ctx.db, l.rowid, l.from_rowid, l.to_rowid);
  for (const l of mv.droppedLinks)
    if (!linkRowExists(ctx.db, l.rowid) && !linkExists(ctx.db, l.from_rowid, l.to_rowid, l.kind)) reinsertLink(ctx.db, l);
  moveDisputesToClaim(ctx.db, mv.disputes, s, m);
  moveEvidenceToClaim(ctx.db, mv.evidence, s, m);
  setClaimTimes(ctx.db, m, restoreTimes(claimTimes(ctx.db, m), mv.merged, r.created_at, true));
  setClaimTimes(ctx.db, s, restoreTimes(claimTimes(ctx.db, s), mv.survivor, r.created_at, false));
  recomputeClaim(ctx, m, `un-merged from claim "${r.survivor_title}"`);
  recomputeClaim(ctx, s, `claim "${r.merged_title}" un-merged`);
}

const unique = (xs: readonly number[]) => [...new Set(xs)];

function recomputeCiting(ctx: Ctx, claims: readonly number[], cause: string): void {
  for (const c of unique(claims)) recomputeClaim(ctx, c, cause);
}

function mergeSources(ctx: Ctx, p: Pair, at: string): SourceMoves {
  const { survivor: s, merged: m } = p;
  const survivorTimes = sourceTimes(ctx.db, s.rowid);
  const mergedTimes = sourceTimes(ctx.db, m.rowid);
  const quoted = evidenceOfSources(ctx.db, [s.rowid, m.rowid]);
  const anchors = quoted.flatMap((e) => anchorRow(ctx.db, e) ?? []);
  const unanchored = quoted.filter((e) => !anchors.some((a) => a.evidence_rowid === e));
  const affected = unique([...descendants(ctx.db, m.rowid), ...descendants(ctx.db, s.rowid)]);
  const lineageBefore = lineageRows(ctx.db, affected);
  const citing = claimsCitingSources(ctx.db, affected);

  const evidence = moveEvidenceToSource(ctx.db, evidenceOfSources(ctx.db, [m.rowid]), m.rowid, s.rowid);
  const { movable, kept } = capturesToMove(ctx.db, m.rowid, s.rowid);
  const captures = moveCaptures(ctx.db, movable, m.rowid, s.rowid);
  // Lineage: the survivor leaves the merged source's subtree (taking its parent), or takes the merged
  // source's parent when it has none; what derived from the merged source derives from the survivor.
  const parentOf = (rowid: number) => lineageRows(ctx.db, [rowid])[0]!.derived_from;
  const mergedParent = parentOf(m.rowid);
  if (descendants(ctx.db, m.rowid).includes(s.rowid)) setDerivedFrom(ctx.db, s.rowid, mergedParent);
  else if (parentOf(s.rowid) === null && mergedParent !== null && !descendants(ctx.db, s.rowid).includes(mergedParent))
    setDerivedFrom(ctx.db, s.rowid, mergedParent);
  const derived = childrenOfSource(ctx.db, m.rowid);
  for (const c of derived) setDerivedFrom(ctx.db, c, s.rowid);
  const after = new Map(lineageRows(ctx.db, affected).map((r) => [r.rowid, r]));
  const lineage = lineageBefore.filter((b) => {
    const a = after.get(b.rowid)!;
    return a.derived_from !== b.derived_from || a.origin !== b.origin;
  });

  setSourceTimes(ctx.db, s.rowid, { updated_at: at, deleted_at: survivorTimes.deleted_at });
  setSourceTimes(ctx.db, m.rowid, { updated_at: at, deleted_at: at });
  reanchorSource(ctx, s.rowid);
  recomputeCiting(ctx, [...citing, ...claimsCitingSources(ctx.db, affected)], `source "${m.title}" merged into source "${s.title}"`);
  return { kind: 'source', evidence, captures, capturesKept: kept, lineage, derived, anchors, unanchored, survivor: survivorTimes, merged: mergedTimes };
}

function unmergeSources(ctx: Ctx, r: MergeRow, mv: SourceMoves): void {
  const s = r.survivor_rowid;
  const m = r.merged_rowid;
  const affected = unique([...descendants(ctx.db, m), ...descendants(ctx.db, s), ...mv.lineage.map((l) => l.rowid)]);
  const citing = claimsCitingSources(ctx.db, affected);
  moveEvidenceToSource(ctx.db, mv.evidence, s, m);
  moveCaptures(ctx.db, mv.captures, s, m);
  restoreLineage(ctx.db, mv.lineage);
  for (const a of mv.anchors) if (evidenceRowExists(ctx.db, a.evidence_rowid)) saveAnchor(ctx.db, a);
  for (const e of mv.unanchored) deleteAnchor(ctx.db, e);
  setSourceTimes(ctx.db, m, restoreTimes(sourceTimes(ctx.db, m), mv.merged, r.created_at, true));
  setSourceTimes(ctx.db, s, restoreTimes(sourceTimes(ctx.db, s), mv.survivor, r.created_at, false));
  recomputeCiting(ctx, [...citing, ...claimsCitingSources(ctx.db, affected)], `source "${r.merged_title}" un-merged from source "${r.survivor_title}"`);
}

export function duplicateHandlers(ctx: Ctx): H {
  return {
    'duplicates.list': (input) => ({
      claims: input.entity === 'source' ? [] : claimCandidates(ctx).slice(0, input.limit),
      sources: input.entity === 'claim' ? [] : sourceCandidates(ctx).slice(0, input.limit),
      merges: listMerges(ctx.db)
        .filter((m) => !input.entity || m.entity === input.entity)
        .map(toMergeRecord),
      reviewed: listVerdicts(ctx.db)
        .filter((v) => !input.entity || v.entity === input.entity)
        .map(toReviewed),
    }),

    'duplicates.merge': (input) => {
      const p = pairOf(ctx, input.entity, input.survivorId, input.mergedId);
      const { reason, score } = reasonOf(ctx, input.entity, p);
      const at = ctx.now();
      const moves = input.entity === 'claim' ? mergeClaims(ctx, p, at) : mergeSources(ctx, p, at);
      const id = newId();
      insertMerge(ctx.db, { id, entity: input.entity, survivorRowid: p.survivor.rowid, mergedRowid: p.merged.rowid, reason, score, moves, at });
      const merge = toMergeRecord(mergeRowById(ctx.db, id));
      const payload = { mergeId: id, survivorId: p.survivor.id, mergedId: p.merged.id, reason, score, moved: merge.moved };
      const claimOf = (claimId: string) => (input.entity === 'claim' ? claimId : null);
      record(ctx, { kind: 'duplicate.merged', entityType: input.entity, entityId: p.survivor.id, claimId: claimOf(p.survivor.id), payload, rationale: input.rationale ?? null });
      record(ctx, { kind: 'duplicate.merged-into', entityType: input.entity, entityId: p.merged.id, claimId: claimOf(p.merged.id), payload, rationale: input.rationale ?? null });
      return merge;
    },

    'duplicates.unmerge': (input) => {
      const row = liveMergeOfId(ctx.db, input.id) ?? mergeRowById(ctx.db, input.id);
      if (row.undone_at) throw conflict(`merge ${row.id} was already undone (${row.undone_at})`);
      const outer = liveMergeOf(ctx.db, row.entity, row.survivor_rowid);
      if (outer) throw conflict(`${row.entity} ${row.survivor_id} was itself merged into ${outer.survivor_id} since; un-merge that first (${outer.id})`);
      const mv = movesOf(row);
      if (mv.kind === 'claim') unmergeClaims(ctx, row, mv);
      else unmergeSources(ctx, row, mv);
      setMergeUndone(ctx.db, row.rowid, ctx.now());
      const payload = { mergeId: row.id, survivorId: row.survivor_id, mergedId: row.merged_id };
      const claimOf = (claimId: string) => (row.entity === 'claim' ? claimId : null);
      record(ctx, { kind: 'duplicate.unmerged', entityType: row.entity, entityId: row.survivor_id, claimId: claimOf(row.survivor_id), payload, rationale: input.rationale ?? null });
      record(ctx, { kind: 'duplicate.unmerged-from', entityType: row.entity, entityId: row.merged_id, claimId: claimOf(row.merged_id), payload, rationale: input.rationale ?? null });
      return toMergeRecord(mergeRowById(ctx.db, row.id));
    },

    'duplicates.dismiss': (input) => {
      if (input.aId === input.bId) throw invalid(`bId: a ${input.entity} is no duplicate of itself`);
      const load = (id: string) => (input.entity === 'claim' ? claimRowById(ctx.db, id) : sourceRowById(ctx.db, id));
      const a = load(input.aId);
      const b = load(input.bId);
      const earlier = verdictOf(ctx.db, input.entity, a.rowid, b.rowid);
      if (earlier) throw conflict(`these two ${input.entity}s were already reviewed (${earlier.verdict}, ${earlier.created_at})`);
      insertVerdict(ctx.db, { entity: input.entity, x: a.rowid, y: b.rowid, verdict: input.verdict, rationale: input.rationale ?? null, at: ctx.now() });
      record(ctx, {
        kind: 'duplicate.dismissed',
        entityType: input.entity,
        entityId: a.id,
        claimId: input.entity === 'claim' ? a.id : null,
        payload: { aId: a.id, bId: b.id, verdict: input.verdict },
        rationale: input.rationale ?? null,
      });
      return toReviewed(verdictOf(ctx.db, input.entity, a.rowid, b.rowid)!);
    },
  };
}
