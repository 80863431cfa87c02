import type { z } from 'zod';
import { apiColumns, type RowOf } from '../../core/records/define';
import { claimRecord } from '../../core/records/records';
import { insertRow, updateRow } from '../records/write';
import type { ClaimSort } from '../../core/claim-sorts';
import type { claimListInput } from '../../core/contract/claims';
import type { Claim, ClaimKind, ClaimStatus, ClaimSummary, Outcome, Page } from '../../core/types';
import { BAND_RANGE, bandOf } from '../../core/estimative';
import { assessmentOf, carriedProbability, type StoredJudgment } from '../../core/judgment';
import { notFound } from '../errors';
import { all, get, join, list, run, sql, trustedIdentifier, type DB, type Sql } from '../sql';
import { tagsOf, tagsOfMany } from './tags';

/** The stored row, derived from its declaration (core/records/records.ts). */
export type ClaimRow = Omit<RowOf<typeof claimRecord>, 'review_url'> & {
  /** Schema v6 (optional for rows built outside SQLite, e.g. the bench generator). */
  review_url?: string | null;
};

/** The judgment a claim row stores. */
export function storedJudgment(r: Pick<ClaimRow, 'probability' | 'computed_p' | 'band' | 'confidence' | 'assessed'>): StoredJudgment {
  return { probability: r.probability, computed: r.computed_p, band: r.band, confidence: r.confidence, assessed: r.assessed === 1 };
}

export function claimRowById(db: DB, id: string): ClaimRow {
  const row = get<ClaimRow>(db, sql`SELECT * FROM claims WHERE id = ${id}`);
  if (!row) throw notFound('claim', id);
  return row;
}

export function claimRowByRowid(db: DB, rowid: number): ClaimRow {
  return get<ClaimRow>(db, sql`SELECT * FROM claims WHERE rowid = ${rowid}`)!;
}

/** The columns a ClaimSummary needs: lists and search hydrate only these (a narrower row is faster). */
type SummaryRow = Pick<
  ClaimRow,
  | 'rowid' | 'id' | 'text' | 'claimant' | 'claimed_at' | 'status' | 'probability' | 'computed_p' | 'band' | 'confidence'
  | 'override_p' | 'evidence_count' | 'open_disputes' | 'created_at' | 'updated_at' | 'deleted_at' | 'kind' | 'assessed'
>;
const SUMMARY_COLUMNS = sql`c.rowid, c.id, c.text, c.claimant, c.claimed_at, c.status, c.probability, c.computed_p, c.band,
  c.confidence, c.override_p, c.evidence_count, c.open_disputes, c.created_at, c.updated_at, c.deleted_at, c.kind, c.assessed`;

function toSummary(r: SummaryRow, tags: string[]): ClaimSummary {
  return {
    id: r.id,
    text: r.text,
    claimant: r.claimant,
    claimedAt: r.claimed_at,
    status: r.status,
    tags,
    kind: r.kind,
    assessment: assessmentOf(r.kind, r.assessed === 1, r.override_p !== null),
    // The database keeps the evidence arithmetic of every claim; a not-checkable claim carries none of it.
    probability: carriedProbability(r.kind, r.probability),
    computedProbability: carriedProbability(r.kind, r.computed_p),
    band: r.kind === 'not-checkable' ? null : r.band,
    confidence: r.confidence,
    overridden: r.override_p !== null,
    evidenceCount: r.evidence_count,
    openDisputes: r.open_disputes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

export function toClaim(db: DB, r: ClaimRow): Claim {
  return {
    ...toSummary(r, tagsOf(db, r.rowid)),
    prior: r.prior,
    notes: r.notes,
    context: r.context,
    quantity:
      r.qty_value === null || r.qty_unit === null
        ? null
        : { value: r.qty_value, unit: r.qty_unit, scope: r.qty_scope, asOf: r.qty_as_of },
    override:
      r.override_p === null ? null : { probability: r.override_p, rationale: r.override_rationale ?? '' },
    statusRationale: r.status_rationale,
    kindRationale: r.kind_rationale,
    outcome: r.outcome,
    outcomeAt: r.outcome_at,
    outcomeNote: r.outcome_note,
    reviewUrl: r.review_url ?? null,
  };
}

export interface ClaimInsert {
  id: string;
  text: string;
  claimant: string | null;
  claimedAt: string | null;
  context: string | null;
  status: ClaimStatus;
  statusRationale: string | null;
  kind: ClaimKind;
  kindRationale: string | null;
  prior: number;
  notes: string;
  quantity: { value: number; unit: string; scope?: string | null; asOf?: string | null } | null;
  at: string;
}

/** A new claim has no evidence yet: its computed probability is its prior. */
export function insertClaim(db: DB, c: ClaimInsert): number {
  const q = c.quantity;
  return insertRow(db, claimRecord, {
    id: c.id,
    text: c.text,
    claimant: c.claimant,
    claimed_at: c.claimedAt,
    context: c.context,
    status: c.status,
    status_rationale: c.statusRationale,
    kind: c.kind,
    kind_rationale: c.kindRationale,
    prior: c.prior,
    notes: c.notes,
    qty_value: q?.value ?? null,
    qty_unit: q?.unit ?? null,
    qty_scope: q?.scope ?? null,
    qty_as_of: q?.asOf ?? null,
    computed_p: c.prior,
    probability: c.prior,
    band: bandOf(c.prior),
    created_at: c.at,
    updated_at: c.at,
  });
}

/**
 * The columns an update may set, by API name (`claimedAt` → claimed_at), derived from the declaration:
 * every declared field except the key, the stamps and what the model computes (a field added to the
 * declaration is updatable without a change here). Values are always bound.
 */
export const CLAIM_NOT_PATCHED = [
  'rowid', 'id', 'computed_p', 'probability', 'band', 'confidence', 'evidence_count', 'open_disputes', 'created_at', 'updated_at', 'assessed',
] as const;
export const CLAIM_UPDATABLE = apiColumns(claimRecord, CLAIM_NOT_PATCHED);
export type ClaimPatch = Partial<Record<keyof typeof CLAIM_UPDATABLE, string | number | null>>;

export function patchClaim(db: DB, rowid: number, patch: ClaimPatch, at: string): void {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    // An unknown name stays as it is, and updateRow refuses it (not an allowed identifier).
    row[(CLAIM_UPDATABLE as Record<string, string>)[key] ?? key] = value;
  }
  row.updated_at = at;
  updateRow(db, claimRecord, rowid, row as Partial<ClaimRow>);
}

/**
 * The ORDER BY of each sort and direction, ending in the rowid so pages are stable. Each text matches
 * an index of migration 011 (or v1's claims_live_updated) term for term, so a live page is read in
 * order and stops after `limit` rows (tests/db/list-plan.test.ts). Claims without a probability (not
 * checkable) come after all others when sorting by probability, in both directions.
 */
const ORDER_BY = {
  updated: { asc: 'c.updated_at ASC, c.rowid ASC', desc: 'c.updated_at DESC, c.rowid DESC' },
  created: { asc: 'c.created_at ASC, c.rowid ASC', desc: 'c.created_at DESC, c.rowid DESC' },
  probability: {
    asc: "c.kind = 'not-checkable', c.probability ASC, c.rowid ASC",
    desc: "c.kind <> 'not-checkable' DESC, c.probability DESC, c.rowid DESC",
  },
  text: { asc: 'c.text COLLATE NOCASE ASC, c.rowid ASC', desc: 'c.text COLLATE NOCASE DESC, c.rowid DESC' },
  claimant: { asc: 'c.claimant COLLATE NOCASE ASC, c.rowid ASC', desc: 'c.claimant COLLATE NOCASE DESC, c.rowid DESC' },
  status: { asc: 'c.status ASC, c.rowid ASC', desc: 'c.status DESC, c.rowid DESC' },
  claimedAt: { asc: 'c.claimed_at ASC, c.rowid ASC', desc: 'c.claimed_at DESC, c.rowid DESC' },
} as const satisfies Record<ClaimSort, Record<'asc' | 'desc', string>>;
/**
 * By probability within a band filter: every row is checkable, so the order is the probability's
 * alone, read from the same index with its leading expression held equal (`CHECKABLE`).
 */
const BY_PROBABILITY_CHECKABLE = { asc: 'c.probability ASC, c.rowid ASC', desc: 'c.probability DESC, c.rowid DESC' } as const;
const CHECKABLE = { asc: "(c.kind = 'not-checkable') = 0", desc: "(c.kind <> 'not-checkable') = 1" } as const;

/** The same order with no index matching it (unary `+`): a small set is found through its filter's index and sorted. */
const unindexed = (order: string) => order.replace(/c\./g, '+c.');
const ORDERS = [...Object.values(ORDER_BY), BY_PROBABILITY_CHECKABLE].flatMap((o) => [o.asc, o.desc, unindexed(o.asc), unindexed(o.desc)]);

/**
 * At most this many matching claims: a filtered page is read through the filter's own index and the
 * matches sorted (a sort of ≤ this many rows). More: the page is read in order from the sort's index,
 * skipping rows that fail the filter (on average fewer than live/total rows skipped per row shown).
 * Either way a page costs a bounded number of rows, whatever the filter's selectivity.
 */
export const LIST_SMALL_SET = 5000;

type ListQuery = z.output<typeof claimListInput>;

/** The tag a list is filtered by: its rowid and how many claims carry it (trash included). */
export interface ListTag {
  rowid: number;
  claims: number;
}

/**
 * FROM … WHERE of a claim list. `drive: 'filter'` lets SQLite use the filters' indexes (counts and
 * small sets): a tag's claims are read from claim_tags first (CROSS JOIN fixes that order), so the
 * cost follows the tag's size, not the case's; beside a status or band filter, a tag of more than
 * LIST_SMALL_SET claims is instead probed per claim of the status/band index range (a probe of the
 * compact claim_tags key costs about a fifth of a claim row lookup, measured at 100k). `drive:
 * 'order'` keeps the filters out of index choice (unary `+`, a correlated EXISTS for the tag) so the
 * sort's index drives the scan.
 */
function listFromWhere(q: ListQuery, tag: ListTag | null, drive: 'filter' | 'order'): Sql {
  const byOrder = drive === 'order';
  const tagFirst = tag !== null && !byOrder && !((q.status?.length || q.band?.length) && tag.claims > LIST_SMALL_SET);
  const where: Sql[] = [q.deleted ? sql`c.deleted_at IS NOT NULL` : sql`c.deleted_at IS NULL`];
  if (q.status?.length) where.push(sql`${byOrder ? sql`+c.status` : sql`c.status`} IN ${list(q.status)}`);
  if (q.band?.length) where.push(sql`${byOrder ? sql`+c.band` : sql`c.band`} IN ${list(q.band)} AND c.kind <> 'not-checkable'`);
  // A probability sort under a band filter reads only the bands' closed range of its index (core/estimative.ts
  // BAND_RANGE; the exact band test beside it keeps the half-open edges) instead of skipping the bands before it.
  if (q.band?.length && byOrder && q.sort === 'probability') {
    const lo = Math.min(...q.band.map((b) => BAND_RANGE[b][0]));
    const hi = Math.max(...q.band.map((b) => BAND_RANGE[b][1]));
    where.push(sql`${trustedIdentifier(CHECKABLE[q.direction], Object.values(CHECKABLE))} AND c.probability BETWEEN ${lo} AND ${hi}`);
  }
  if (tag !== null && !tagFirst)
    where.push(sql`EXISTS (SELECT 1 FROM claim_tags ct WHERE ct.tag_rowid = ${tag.rowid} AND ct.claim_rowid = c.rowid)`);
  if (tag !== null && tagFirst) where.unshift(sql`ct.tag_rowid = ${tag.rowid}`);
  if (q.text) where.push(sql`c.text LIKE ${`%${q.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`} ESCAPE '\\'`);
  const from = tagFirst ? sql`claim_tags ct CROSS JOIN claims c ON c.rowid = ct.claim_rowid` : sql`claims c`;
  return sql`${from} WHERE ${join(where, ' AND ')}`;
}

/** The two statements of a claim list: the count, and the page given that count (exported for the plan test). */
export function listClaimsSql(q: ListQuery, tag: ListTag | null): { count: Sql; page(total: number): Sql } {
  const filtered = Boolean(q.status?.length || q.band?.length || tag !== null);
  const tagOnly = tag !== null && !q.deleted && !q.status?.length && !q.band?.length && !q.text;
  return {
    // A tag alone: its claim_tags entries (a covering index range) less its claims in the trash (few),
    // instead of a lookup of every tagged claim's row.
    count: tagOnly
      ? sql`SELECT (SELECT count(*) FROM claim_tags WHERE tag_rowid = ${tag.rowid}) - (SELECT count(*) FROM claims c
              CROSS JOIN claim_tags ct ON ct.claim_rowid = c.rowid AND ct.tag_rowid = ${tag.rowid} WHERE c.deleted_at IS NOT NULL) AS n`
      : sql`SELECT count(*) AS n FROM ${listFromWhere(q, tag, 'filter')}`,
    page: (total) => {
      const drive = filtered && total <= LIST_SMALL_SET ? 'filter' : 'order';
      const order = (q.sort === 'probability' && q.band?.length && drive === 'order' ? BY_PROBABILITY_CHECKABLE : ORDER_BY[q.sort])[q.direction];
      return sql`SELECT ${SUMMARY_COLUMNS} FROM ${listFromWhere(q, tag, drive)}
        ORDER BY ${trustedIdentifier(drive === 'order' ? order : unindexed(order), ORDERS)} LIMIT ${q.limit} OFFSET ${q.offset}`;
    },
  };
}

/** The tag by name and its size (a covering index range); rowid -1 when there is none (a filter that matches nothing). */
function listTagOf(db: DB, name: string): ListTag {
  const t = get<{ rowid: number }>(db, sql`SELECT rowid FROM tags WHERE name = ${name}`);
  if (!t) return { rowid: -1, claims: 0 };
  return { rowid: t.rowid, claims: get<{ n: number }>(db, sql`SELECT count(*) AS n FROM claim_tags WHERE tag_rowid = ${t.rowid}`)!.n };
}

export function listClaims(db: DB, q: ListQuery): Page<ClaimSummary> {
  const statements = listClaimsSql(q, q.tag ? listTagOf(db, q.tag) : null);
  const total = get<{ n: number }>(db, statements.count)!.n;
  const rows = all<SummaryRow>(db, statements.page(total));
  const tags = tagsOfMany(
    db,
    rows.map((r) => r.rowid),
  );
  return { items: rows.map((r) => toSummary(r, tags.get(r.rowid) ?? [])), total, offset: q.offset, limit: q.limit };
}

/** Just what a search hit shows (id and text), for many claims at once. */
export function claimTitlesByRowid(db: DB, rowids: readonly number[]): Map<number, { id: string; text: string }> {
  if (rowids.length === 0) return new Map();
  const rows = all<{ rowid: number; id: string; text: string }>(db, sql`SELECT rowid, id, text FROM claims WHERE rowid IN ${list(rowids)}`);
  return new Map(rows.map((r) => [r.rowid, r]));
}

/** The other indexed columns of these claims (claimant, notes, context), by rowid: where a search hit's words may stand. */
export function claimOtherColumns(db: DB, rowids: readonly number[]): Map<number, (string | null)[]> {
  if (rowids.length === 0) return new Map();
  const rows = all<{ rowid: number; claimant: string | null; notes: string | null; context: string | null }>(
    db,
    sql`SELECT rowid, claimant, notes, context FROM claims WHERE rowid IN ${list(rowids)}`,
  );
  return new Map(rows.map((r) => [r.rowid, [r.claimant, r.notes, r.context]]));
}

export function claimIndex(db: DB): { id: string; text: string; claimant: string | null }[] {
  return all(db, sql`SELECT id, text, claimant FROM claims WHERE deleted_at IS NULL ORDER BY rowid`);
}

/** The rowids of these claims (ids that match nothing are left out). */
export function claimRowidsByIds(db: DB, ids: readonly string[]): number[] {
  return all<{ rowid: number }>(db, sql`SELECT rowid FROM claims WHERE id IN ${list(ids)}`).map((x) => x.rowid);
}

/** A claim's rowid and whether it is in the trash, or undefined when there is no such claim. */
export function findClaimRow(db: DB, id: string): { rowid: number; deleted_at: string | null } | undefined {
  return get(db, sql`SELECT rowid, deleted_at FROM claims WHERE id = ${id}`);
}

/** The live claims among these rowids, strongest probability first. */
export function liveClaimRowsByProbability(db: DB, rowids: readonly number[]): ClaimRow[] {
  return all<ClaimRow>(db, sql`SELECT * FROM claims WHERE rowid IN ${list(rowids)} AND deleted_at IS NULL ORDER BY probability DESC, rowid`);
}

/** What calibration scores of a settled claim (an outcome recorded; live and checkable). */
export interface SettledRow {
  rowid: number;
  id: string;
  text: string;
  outcome: Outcome;
  outcome_at: string | null;
  status: ClaimStatus;
  probability: number;
  created_at: string;
}

export function settledClaimRows(db: DB): SettledRow[] {
  return all<SettledRow>(
    db,
    sql`SELECT rowid, id, text, outcome, outcome_at, status, probability, created_at FROM claims
        WHERE outcome IS NOT NULL AND deleted_at IS NULL AND kind <> 'not-checkable' ORDER BY rowid`,
  );
}

/** Stores what the model computed for a claim (db/service/recompute.ts keeps it in step with its evidence). */
export function storeJudgment(db: DB, rowid: number, j: StoredJudgment): void {
  run(
    db,
    sql`UPDATE claims SET computed_p = ${j.computed}, probability = ${j.probability}, band = ${j.band},
          confidence = ${j.confidence}, assessed = ${j.assessed ? 1 : 0} WHERE rowid = ${rowid}`,
  );
}

export function refreshCounters(db: DB, rowid: number): void {
  run(
    db,
    sql`UPDATE claims SET
          evidence_count = (SELECT count(*) FROM evidence WHERE claim_rowid = ${rowid}),
          open_disputes = (SELECT count(*) FROM disputes WHERE claim_rowid = ${rowid} AND status = 'open')
        WHERE rowid = ${rowid}`,
  );
}

