/**
 * The duplicate review queue as plain SQL functions (docs/duplicates.md): merges and reviewed pairs
 * (tables of the duplicate-review migration), and the row moves a merge makes in the tables of the
 * case (evidence, disputes, links, tags, lineage, captures), each returning or taking exactly the
 * values an un-merge needs to put the rows back.
 */
import type { DuplicateEntity, DuplicateVerdict, MergeMoved } from '../../core/contract/duplicates';
import type { CaseEvent } from '../../core/types';
import { notFound } from '../errors';
import type { AnchorRow } from './anchors';
import { toEvent, type EventRow } from './events';
import { all, get, list, run, sql, type DB } from '../sql';

// ---- merges ---------------------------------------------------------------------------------------

/** A claim's or source's two timestamps a merge changes. */
export interface RowTimes {
  updated_at: string;
  deleted_at: string | null;
}

export interface LinkRowFull {
  rowid: number;
  id: string;
  from_rowid: number;
  to_rowid: number;
  kind: string;
  note: string;
  created_at: string;
}

export interface LineageRow {
  rowid: number;
  derived_from: number | null;
  origin: number | null;
}

/** What a claim merge changed, with the values before it. */
export interface ClaimMoves {
  kind: 'claim';
  evidence: number[];
  disputes: number[];
  /** Links re-pointed from the merged claim to the survivor, as they were. */
  links: LinkRowFull[];
  /** Links deleted: between the two claims, or the same link the survivor already had. */
  droppedLinks: LinkRowFull[];
  /** The duplicate-of link the merge added (merged → survivor). */
  duplicateLink: number;
  /** Tags the survivor gained. */
  tags: number[];
  survivor: RowTimes;
  merged: RowTimes;
}

/** What a source merge changed, with the values before it. */
export interface SourceMoves {
  kind: 'source';
  evidence: number[];
  captures: number[];
  /** Captures left on the merged source: the survivor already has the same bytes. */
  capturesKept: number[];
  /** Every source whose parent or lineage root the merge changed, as it was. */
  lineage: LineageRow[];
  /** Sources whose parent was the merged source. */
  derived: number[];
  /** The quote anchors of both sources' evidence before the merge (re-anchoring changes them). */
  anchors: AnchorRow[];
  /** Evidence of both sources that had no anchor before the merge. */
  unanchored: number[];
  survivor: RowTimes;
  merged: RowTimes;
}

export type Moves = ClaimMoves | SourceMoves;

interface MergeTableRow {
  rowid: number;
  id: string;
  entity: DuplicateEntity;
  survivor_rowid: number;
  merged_rowid: number;
  reason: string;
  score: number | null;
  moved: string;
  created_at: string;
  undone_at: string | null;
}

/** A merge with both sides named (text id and claim text or source title). */
export interface MergeRow extends MergeTableRow {
  survivor_id: string;
  survivor_title: string;
  merged_id: string;
  merged_title: string;
}

/** The text id and the text (claim) or title (source) of a row; rowids never leave this layer. */
function refOf(db: DB, entity: DuplicateEntity, rowid: number): { id: string; title: string } {
  const ref =
    entity === 'claim'
      ? get<{ id: string; title: string }>(db, sql`SELECT id, text AS title FROM claims WHERE rowid = ${rowid}`)
      : get<{ id: string; title: string }>(db, sql`SELECT id, title FROM sources WHERE rowid = ${rowid}`);
  return ref ?? { id: '', title: '' };
}

/** The rowid of the claim or source with this text id. */
function rowidOf(db: DB, entity: DuplicateEntity, id: string): number | undefined {
  const row =
    entity === 'claim'
      ? get<{ rowid: number }>(db, sql`SELECT rowid FROM claims WHERE id = ${id}`)
      : get<{ rowid: number }>(db, sql`SELECT rowid FROM sources WHERE id = ${id}`);
  return row?.rowid;
}

function named(db: DB, m: MergeTableRow): MergeRow {
  const s = refOf(db, m.entity, m.survivor_rowid);
  const g = refOf(db, m.entity, m.merged_rowid);
  return { ...m, survivor_id: s.id, survivor_title: s.title, merged_id: g.id, merged_title: g.title };
}

export function insertMerge(
  db: DB,
  m: { id: string; entity: DuplicateEntity; survivorRowid: number; mergedRowid: number; reason: string; score: number | null; moves: Moves; at: string },
): void {
  run(
    db,
    sql`INSERT INTO merges (id, entity, survivor_rowid, merged_rowid, reason, score, moved, created_at)
        VALUES (${m.id}, ${m.entity}, ${m.survivorRowid}, ${m.mergedRowid}, ${m.reason}, ${m.score}, ${JSON.stringify(m.moves)}, ${m.at})`,
  );
}

export function mergeRowById(db: DB, id: string): MergeRow {
  const row = get<MergeTableRow>(db, sql`SELECT * FROM merges WHERE id = ${id}`);
  if (!row) throw notFound('merge', id);
  return named(db, row);
}

/** The live merge of a claim or source into another, if it was merged. */
export function liveMergeOf(db: DB, entity: DuplicateEntity, mergedRowid: number): MergeRow | undefined {
  const row = get<MergeTableRow>(db, sql`SELECT * FROM merges WHERE entity = ${entity} AND merged_rowid = ${mergedRowid} AND undone_at IS NULL`);
  return row && named(db, row);
}

/** The live merge of the claim or source with this text id, if any. */
export function liveMergeOfId(db: DB, id: string): MergeRow | undefined {
  for (const entity of ['claim', 'source'] as const) {
    const rowid = rowidOf(db, entity, id);
    const m = rowid === undefined ? undefined : liveMergeOf(db, entity, rowid);
    if (m) return m;
  }
  return undefined;
}

export function listMerges(db: DB): MergeRow[] {
  return all<MergeTableRow>(db, sql`SELECT * FROM merges ORDER BY undone_at IS NOT NULL, rowid DESC`).map((m) => named(db, m));
}

export function setMergeUndone(db: DB, rowid: number, at: string): void {
  run(db, sql`UPDATE merges SET undone_at = ${at} WHERE rowid = ${rowid}`);
}

export function movesOf(row: Pick<MergeRow, 'moved'>): Moves {
  return JSON.parse(row.moved) as Moves;
}

export function movedCounts(m: Moves): MergeMoved {
  const none = { evidence: 0, disputes: 0, links: 0, tags: 0, derived: 0, captures: 0, capturesKept: 0 };
  if (m.kind === 'claim')
    return { ...none, evidence: m.evidence.length, disputes: m.disputes.length, links: m.links.length, tags: m.tags.length };
  return { ...none, evidence: m.evidence.length, derived: m.derived.length, captures: m.captures.length, capturesKept: m.capturesKept.length };
}

/** The claim and every claim merged into it (through live merges, at any depth): its history is theirs too. */
export function claimAndMergedIds(db: DB, claimId: string): string[] {
  return all<{ id: string }>(
    db,
    sql`WITH RECURSIVE m(rowid) AS (SELECT rowid FROM claims WHERE id = ${claimId}
          UNION SELECT g.merged_rowid FROM merges g JOIN m ON g.survivor_rowid = m.rowid WHERE g.entity = 'claim' AND g.undone_at IS NULL)
        SELECT c.id FROM m JOIN claims c ON c.rowid = m.rowid`,
  ).map((r) => r.id);
}

/** The events of several claims, in chain order (a survivor's history with its merged claims'). */
export function eventsOfClaims(db: DB, claimIds: readonly string[]): CaseEvent[] {
  return all<EventRow>(db, sql`SELECT * FROM events WHERE claim_id IN ${list(claimIds)} ORDER BY seq`).map(toEvent);
}

// ---- reviewed pairs ---------------------------------------------------------------------------------

interface VerdictTableRow {
  entity: DuplicateEntity;
  a_rowid: number;
  b_rowid: number;
  verdict: DuplicateVerdict;
  rationale: string | null;
  created_at: string;
}

export interface VerdictRow extends VerdictTableRow {
  a_id: string;
  a_title: string;
  b_id: string;
  b_title: string;
}

function namedVerdict(db: DB, v: VerdictTableRow): VerdictRow {
  const a = refOf(db, v.entity, v.a_rowid);
  const b = refOf(db, v.entity, v.b_rowid);
  return { ...v, a_id: a.id, a_title: a.title, b_id: b.id, b_title: b.title };
}

/** Orders a pair of rowids as the table keeps it. */
export const orderedPair = (x: number, y: number): [number, number] => (x < y ? [x, y] : [y, x]);

export function verdictOf(db: DB, entity: DuplicateEntity, x: number, y: number): VerdictRow | undefined {
  const [a, b] = orderedPair(x, y);
  const row = get<VerdictTableRow>(db, sql`SELECT * FROM duplicate_verdicts WHERE entity = ${entity} AND a_rowid = ${a} AND b_rowid = ${b}`);
  return row && namedVerdict(db, row);
}

export function insertVerdict(
  db: DB,
  v: { entity: DuplicateEntity; x: number; y: number; verdict: DuplicateVerdict; rationale: string | null; at: string },
): void {
  const [a, b] = orderedPair(v.x, v.y);
  run(
    db,
    sql`INSERT INTO duplicate_verdicts (entity, a_rowid, b_rowid, verdict, rationale, created_at)
        VALUES (${v.entity}, ${a}, ${b}, ${v.verdict}, ${v.rationale}, ${v.at})`,
  );
}

export function listVerdicts(db: DB): VerdictRow[] {
  return all<VerdictTableRow>(db, sql`SELECT * FROM duplicate_verdicts ORDER BY created_at DESC, entity, a_rowid, b_rowid`).map((v) => namedVerdict(db, v));
}

/** The reviewed pairs of one kind, as "a:b" rowid keys (a < b). */
export function verdictKeys(db: DB, entity: DuplicateEntity): Set<string> {
  return new Set(
    all<{ a_rowid: number; b_rowid: number }>(db, sql`SELECT a_rowid, b_rowid FROM duplicate_verdicts WHERE entity = ${entity}`).map(
      (r) => `${r.a_rowid}:${r.b_rowid}`,
    ),
  );
}

// ---- what the queue compares and shows ------------------------------------------------------------------

export interface ClaimForQueue {
  rowid: number;
  id: string;
  text: string;
  claimant: string | null;
  claimed_at: string | null;
  status: string;
  kind: string;
  probability: number;
  band: string;
  evidence_count: number;
  open_disputes: number;
}

export function liveClaimsForQueue(db: DB): ClaimForQueue[] {
  return all<ClaimForQueue>(
    db,
    sql`SELECT rowid, id, text, claimant, claimed_at, status, kind, probability, band, evidence_count, open_disputes
        FROM claims WHERE deleted_at IS NULL ORDER BY rowid`,
  );
}

export interface SourceForQueue {
  rowid: number;
  id: string;
  title: string;
  url: string | null;
  doi: string | null;
  publisher: string | null;
  published_at: string | null;
  reliability: string;
  citations: number;
  captures: number;
}

export function liveSourcesForQueue(db: DB): SourceForQueue[] {
  return all<SourceForQueue>(
    db,
    sql`SELECT s.rowid, s.id, s.title, s.url, s.doi, s.publisher, s.published_at, s.reliability,
          (SELECT count(*) FROM evidence e WHERE e.source_rowid = s.rowid) AS citations,
          (SELECT count(*) FROM captures c WHERE c.source_rowid = s.rowid) AS captures
        FROM sources s WHERE s.deleted_at IS NULL AND (s.url IS NOT NULL OR s.doi IS NOT NULL) ORDER BY s.rowid`,
  );
}

// ---- claim merge moves ---------------------------------------------------------------------------------

export function claimTimes(db: DB, rowid: number): RowTimes {
  return get<RowTimes>(db, sql`SELECT updated_at, deleted_at FROM claims WHERE rowid = ${rowid}`)!;
}

export function setClaimTimes(db: DB, rowid: number, t: RowTimes): void {
  run(db, sql`UPDATE claims SET updated_at = ${t.updated_at}, deleted_at = ${t.deleted_at} WHERE rowid = ${rowid}`);
}

const rowids = (rows: { rowid: number }[]) => rows.map((r) => r.rowid);

export function evidenceOfClaim(db: DB, claimRowid: number): number[] {
  return rowids(all(db, sql`SELECT rowid FROM evidence WHERE claim_rowid = ${claimRowid} ORDER BY rowid`));
}

export function disputesOfClaim(db: DB, claimRowid: number): number[] {
  return rowids(all(db, sql`SELECT rowid FROM disputes WHERE claim_rowid = ${claimRowid} ORDER BY rowid`));
}

/** Moves evidence items to another claim (only those still on `fromClaimRowid`); returns those moved. */
export function moveEvidenceToClaim(db: DB, evidence: readonly number[], fromClaimRowid: number, toClaimRowid: number): number[] {
  const moved = evidence.filter((e) => get(db, sql`SELECT 1 FROM evidence WHERE rowid = ${e} AND claim_rowid = ${fromClaimRowid}`));
  if (moved.length) run(db, sql`UPDATE evidence SET claim_rowid = ${toClaimRowid} WHERE rowid IN ${list(moved)}`);
  return moved;
}

export function moveDisputesToClaim(db: DB, disputes: readonly number[], fromClaimRowid: number, toClaimRowid: number): number[] {
  const moved = disputes.filter((d) => get(db, sql`SELECT 1 FROM disputes WHERE rowid = ${d} AND claim_rowid = ${fromClaimRowid}`));
  if (moved.length) run(db, sql`UPDATE disputes SET claim_rowid = ${toClaimRowid} WHERE rowid IN ${list(moved)}`);
  return moved;
}

export function linksTouching(db: DB, claimRowid: number): LinkRowFull[] {
  return all<LinkRowFull>(
    db,
    sql`SELECT rowid, id, from_rowid, to_rowid, kind, note, created_at FROM claim_links
        WHERE from_rowid = ${claimRowid} OR to_rowid = ${claimRowid} ORDER BY rowid`,
  );
}

export function linkExists(db: DB, from: number, to: number, kind: string): boolean {
  return get(db, sql`SELECT 1 FROM claim_links WHERE from_rowid = ${from} AND to_rowid = ${to} AND kind = ${kind}`) !== undefined;
}

export function linkRowExists(db: DB, rowid: number): boolean {
  return get(db, sql`SELECT 1 FROM claim_links WHERE rowid = ${rowid}`) !== undefined;
}

export function evidenceRowExists(db: DB, rowid: number): boolean {
  return get(db, sql`SELECT 1 FROM evidence WHERE rowid = ${rowid}`) !== undefined;
}

export function setLinkEnds(db: DB, rowid: number, from: number, to: number): void {
  run(db, sql`UPDATE claim_links SET from_rowid = ${from}, to_rowid = ${to} WHERE rowid = ${rowid}`);
}

export function deleteLinkRow(db: DB, rowid: number): void {
  run(db, sql`DELETE FROM claim_links WHERE rowid = ${rowid}`);
}

/** Puts a link back exactly as it was (same rowid, id and time). */
export function reinsertLink(db: DB, l: LinkRowFull): void {
  run(
    db,
    sql`INSERT INTO claim_links (rowid, id, from_rowid, to_rowid, kind, note, created_at)
        VALUES (${l.rowid}, ${l.id}, ${l.from_rowid}, ${l.to_rowid}, ${l.kind}, ${l.note}, ${l.created_at})`,
  );
}

export function insertDuplicateLink(db: DB, l: { id: string; from: number; to: number; note: string; at: string }): number {
  return Number(
    run(
      db,
      sql`INSERT INTO claim_links (id, from_rowid, to_rowid, kind, note, created_at)
          VALUES (${l.id}, ${l.from}, ${l.to}, 'duplicate-of', ${l.note}, ${l.at})`,
    ).lastInsertRowid,
  );
}

/** Tags the merged claim has and the survivor lacks: given to the survivor; returns their rowids. */
export function addMissingTags(db: DB, fromClaimRowid: number, toClaimRowid: number): number[] {
  const missing = rowids(
    all(
      db,
      sql`SELECT tag_rowid AS rowid FROM claim_tags WHERE claim_rowid = ${fromClaimRowid}
          AND tag_rowid NOT IN (SELECT tag_rowid FROM claim_tags WHERE claim_rowid = ${toClaimRowid}) ORDER BY tag_rowid`,
    ),
  );
  for (const t of missing) run(db, sql`INSERT INTO claim_tags (claim_rowid, tag_rowid) VALUES (${toClaimRowid}, ${t})`);
  return missing;
}

export function removeTags(db: DB, claimRowid: number, tags: readonly number[]): void {
  if (tags.length) run(db, sql`DELETE FROM claim_tags WHERE claim_rowid = ${claimRowid} AND tag_rowid IN ${list(tags)}`);
}

// ---- source merge moves ----------------------------------------------------------------------------------

export function sourceTimes(db: DB, rowid: number): RowTimes {
  return get<RowTimes>(db, sql`SELECT updated_at, deleted_at FROM sources WHERE rowid = ${rowid}`)!;
}

export function setSourceTimes(db: DB, rowid: number, t: RowTimes): void {
  run(db, sql`UPDATE sources SET updated_at = ${t.updated_at}, deleted_at = ${t.deleted_at} WHERE rowid = ${rowid}`);
}

export function evidenceOfSources(db: DB, sourceRowids: readonly number[]): number[] {
  return rowids(all(db, sql`SELECT rowid FROM evidence WHERE source_rowid IN ${list(sourceRowids)} ORDER BY rowid`));
}

export function moveEvidenceToSource(db: DB, evidence: readonly number[], fromSourceRowid: number, toSourceRowid: number): number[] {
  const moved = evidence.filter((e) => get(db, sql`SELECT 1 FROM evidence WHERE rowid = ${e} AND source_rowid = ${fromSourceRowid}`));
  if (moved.length) run(db, sql`UPDATE evidence SET source_rowid = ${toSourceRowid} WHERE rowid IN ${list(moved)}`);
  return moved;
}

/** The captures of a source, with whether `other` already holds the same bytes (they cannot move: one capture per bytes and source). */
export function capturesToMove(db: DB, sourceRowid: number, otherRowid: number): { movable: number[]; kept: number[] } {
  const rows = all<{ rowid: number; taken: number }>(
    db,
    sql`SELECT c.rowid, EXISTS (SELECT 1 FROM captures o WHERE o.source_rowid = ${otherRowid} AND o.blob_rowid = c.blob_rowid) AS taken
        FROM captures c WHERE c.source_rowid = ${sourceRowid} ORDER BY c.rowid`,
  );
  return { movable: rows.filter((r) => !r.taken).map((r) => r.rowid), kept: rows.filter((r) => r.taken).map((r) => r.rowid) };
}

export function moveCaptures(db: DB, captures: readonly number[], fromSourceRowid: number, toSourceRowid: number): number[] {
  const moved = captures.filter((c) => get(db, sql`SELECT 1 FROM captures WHERE rowid = ${c} AND source_rowid = ${fromSourceRowid}`));
  if (moved.length) run(db, sql`UPDATE captures SET source_rowid = ${toSourceRowid} WHERE rowid IN ${list(moved)}`);
  return moved;
}

export function childrenOfSource(db: DB, sourceRowid: number): number[] {
  return rowids(all(db, sql`SELECT rowid FROM sources WHERE derived_from = ${sourceRowid} ORDER BY rowid`));
}

export function lineageRows(db: DB, sourceRowids: readonly number[]): LineageRow[] {
  if (sourceRowids.length === 0) return [];
  return all<LineageRow>(db, sql`SELECT rowid, derived_from, origin FROM sources WHERE rowid IN ${list(sourceRowids)} ORDER BY rowid`);
}

export function restoreLineage(db: DB, rows: readonly LineageRow[]): void {
  for (const r of rows) run(db, sql`UPDATE sources SET derived_from = ${r.derived_from}, origin = ${r.origin} WHERE rowid = ${r.rowid}`);
}
