/** All SQL of the structured analytic techniques (issue 18): ACH boards, assumptions, indicators. */
import type { Rating } from '../../core/analysis/ach';
import type { AchRatingView, AchRow, Assumption, Indicator, IndicatorState, Level } from '../../core/contract/analysis';
import { gradeCode } from '../../core/grades';
import type { Credibility, Reliability, Stance } from '../../core/types';
import { notFound } from '../errors';
import { all, get, run, sql, type DB } from '../sql';

export interface BoardRow {
  rowid: number;
  id: string;
  title: string;
  question: string;
  created_at: string;
  updated_at: string;
}

export interface HypothesisRow {
  rowid: number;
  claim_rowid: number;
  claim_id: string;
  label: string;
  text: string;
}

const lastId = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid);

// ── boards ──────────────────────────────────────────────────────────────────────────────────────

export function boardRowById(db: DB, id: string): BoardRow {
  const row = get<BoardRow>(db, sql`SELECT * FROM ach_boards WHERE id = ${id}`);
  if (!row) throw notFound('ACH board', id);
  return row;
}

export function listBoardRows(db: DB): BoardRow[] {
  return all<BoardRow>(db, sql`SELECT * FROM ach_boards ORDER BY rowid`);
}

export function insertBoard(db: DB, b: { id: string; title: string; question: string; at: string }): number {
  return lastId(run(db, sql`INSERT INTO ach_boards (id, title, question, created_at, updated_at) VALUES (${b.id}, ${b.title}, ${b.question}, ${b.at}, ${b.at})`));
}

export function touchBoard(db: DB, rowid: number, at: string): void {
  run(db, sql`UPDATE ach_boards SET updated_at = ${at} WHERE rowid = ${rowid}`);
}

export function boardHypotheses(db: DB, boardRowid: number): HypothesisRow[] {
  return all<HypothesisRow>(
    db,
    sql`SELECT h.rowid, h.claim_rowid, c.id AS claim_id, h.label, c.text FROM ach_hypotheses h JOIN claims c ON c.rowid = h.claim_rowid
        WHERE h.board_rowid = ${boardRowid} ORDER BY h.rowid`,
  );
}

export function insertHypothesis(db: DB, boardRowid: number, claimRowid: number, label: string): number {
  return lastId(run(db, sql`INSERT INTO ach_hypotheses (board_rowid, claim_rowid, label) VALUES (${boardRowid}, ${claimRowid}, ${label})`));
}

interface RowJoined {
  rowid: number;
  evidence_id: string;
  claim_id: string;
  source_id: string;
  source_title: string;
  excerpt: string;
  stance: Stance;
  reliability: Reliability;
  credibility: Credibility;
  weight: number;
  added: 'hypothesis' | 'hand';
  note: string;
}

export function boardRowsJoined(db: DB, boardRowid: number): (AchRow & { rowid: number })[] {
  return all<RowJoined>(
    db,
    sql`SELECT r.rowid, e.id AS evidence_id, c.id AS claim_id, s.id AS source_id, s.title AS source_title, e.excerpt, e.stance,
               s.reliability, e.credibility, e.weight, r.added, r.note
        FROM ach_rows r JOIN evidence e ON e.rowid = r.evidence_rowid JOIN claims c ON c.rowid = e.claim_rowid
        JOIN sources s ON s.rowid = e.source_rowid
        WHERE r.board_rowid = ${boardRowid} ORDER BY r.rowid`,
  ).map((r, i) => ({
    rowid: r.rowid,
    evidenceId: r.evidence_id,
    label: `E${i + 1}`,
    claimId: r.claim_id,
    sourceId: r.source_id,
    sourceTitle: r.source_title,
    excerpt: r.excerpt,
    stance: r.stance,
    grade: gradeCode(r.reliability, r.credibility),
    reliability: r.reliability,
    credibility: r.credibility,
    relevance: r.weight,
    added: r.added,
    note: r.note,
  }));
}

/** Adds the evidence row unless the board has it; returns true when added. */
export function insertBoardRow(db: DB, boardRowid: number, evidenceRowid: number, added: 'hypothesis' | 'hand', note = ''): boolean {
  return (
    run(db, sql`INSERT INTO ach_rows (board_rowid, evidence_rowid, added, note) VALUES (${boardRowid}, ${evidenceRowid}, ${added}, ${note}) ON CONFLICT DO NOTHING`).changes > 0
  );
}

export function evidenceOfClaim(db: DB, claimRowid: number): { rowid: number; id: string }[] {
  return all<{ rowid: number; id: string }>(db, sql`SELECT rowid, id FROM evidence WHERE claim_rowid = ${claimRowid} ORDER BY rowid`);
}

export function boardRatings(db: DB, boardRowid: number): AchRatingView[] {
  return all<AchRatingView>(
    db,
    sql`SELECT e.id AS evidenceId, c.id AS claimId, x.analyst, x.rating, x.rated_at AS ratedAt
        FROM ach_ratings x JOIN ach_rows r ON r.rowid = x.row_rowid JOIN evidence e ON e.rowid = r.evidence_rowid
        JOIN ach_hypotheses h ON h.rowid = x.hypothesis_rowid JOIN claims c ON c.rowid = h.claim_rowid
        WHERE r.board_rowid = ${boardRowid} ORDER BY x.rowid`,
  );
}

export function ratingOf(db: DB, rowRowid: number, hypothesisRowid: number, analyst: string): Rating | null {
  return get<{ rating: Rating }>(db, sql`SELECT rating FROM ach_ratings WHERE row_rowid = ${rowRowid} AND hypothesis_rowid = ${hypothesisRowid} AND analyst = ${analyst}`)?.rating ?? null;
}

/** Sets one analyst's rating of a cell (the row keeps its rowid when changed), or clears it. */
export function setRating(db: DB, r: { rowRowid: number; hypothesisRowid: number; analyst: string; rating: Rating | null; at: string }): void {
  if (r.rating === null) {
    run(db, sql`DELETE FROM ach_ratings WHERE row_rowid = ${r.rowRowid} AND hypothesis_rowid = ${r.hypothesisRowid} AND analyst = ${r.analyst}`);
    return;
  }
  run(
    db,
    sql`INSERT INTO ach_ratings (row_rowid, hypothesis_rowid, analyst, rating, rated_at)
        VALUES (${r.rowRowid}, ${r.hypothesisRowid}, ${r.analyst}, ${r.rating}, ${r.at})
        ON CONFLICT (row_rowid, hypothesis_rowid, analyst) DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at`,
  );
}

/** Before an evidence item is deleted: its rows on boards and their ratings go with it. */
export function deleteBoardRowsOfEvidence(db: DB, evidenceRowid: number): void {
  run(db, sql`DELETE FROM ach_ratings WHERE row_rowid IN (SELECT rowid FROM ach_rows WHERE evidence_rowid = ${evidenceRowid})`);
  run(db, sql`DELETE FROM ach_rows WHERE evidence_rowid = ${evidenceRowid}`);
}

// ── assumptions ─────────────────────────────────────────────────────────────────────────────────

interface AssumptionRow {
  rowid: number;
  id: string;
  text: string;
  owner: string;
  likelihood: Level;
  impact: Level;
  state: 'held' | 'failed';
  failed_at: string | null;
  failed_why: string | null;
  created_at: string;
}

export function assumptionRowById(db: DB, id: string): AssumptionRow {
  const row = get<AssumptionRow>(db, sql`SELECT * FROM assumptions WHERE id = ${id}`);
  if (!row) throw notFound('assumption', id);
  return row;
}

export function assumptionClaims(db: DB, assumptionRowid: number): { rowid: number; id: string; text: string }[] {
  return all(
    db,
    sql`SELECT c.rowid, c.id, c.text FROM assumption_claims l JOIN claims c ON c.rowid = l.claim_rowid
        WHERE l.assumption_rowid = ${assumptionRowid} ORDER BY l.rowid`,
  );
}

function toAssumption(db: DB, r: AssumptionRow): Assumption {
  return {
    id: r.id,
    text: r.text,
    owner: r.owner,
    likelihood: r.likelihood,
    impact: r.impact,
    state: r.state,
    failedAt: r.failed_at,
    failedWhy: r.failed_why,
    createdAt: r.created_at,
    claims: assumptionClaims(db, r.rowid).map(({ id, text }) => ({ id, text })),
  };
}

export function assumptionById(db: DB, id: string): Assumption {
  return toAssumption(db, assumptionRowById(db, id));
}

export function listAssumptions(db: DB, claimRowid: number | null): Assumption[] {
  const rows =
    claimRowid === null
      ? all<AssumptionRow>(db, sql`SELECT * FROM assumptions ORDER BY rowid`)
      : all<AssumptionRow>(
          db,
          sql`SELECT a.* FROM assumptions a WHERE a.rowid IN (SELECT assumption_rowid FROM assumption_claims WHERE claim_rowid = ${claimRowid}) ORDER BY a.rowid`,
        );
  return rows.map((r) => toAssumption(db, r));
}

export function insertAssumption(
  db: DB,
  a: { id: string; text: string; owner: string; likelihood: Level; impact: Level; at: string; claimRowids: readonly number[] },
): void {
  const rowid = lastId(
    run(
      db,
      sql`INSERT INTO assumptions (id, text, owner, likelihood, impact, created_at)
          VALUES (${a.id}, ${a.text}, ${a.owner}, ${a.likelihood}, ${a.impact}, ${a.at})`,
    ),
  );
  for (const c of new Set(a.claimRowids)) run(db, sql`INSERT INTO assumption_claims (assumption_rowid, claim_rowid) VALUES (${rowid}, ${c})`);
}

export function failAssumptionRow(db: DB, rowid: number, why: string, at: string): void {
  run(db, sql`UPDATE assumptions SET state = 'failed', failed_at = ${at}, failed_why = ${why} WHERE rowid = ${rowid}`);
}

/** The failed assumptions a claim rests on (its review flags). */
export function failedAssumptionsOfClaim(db: DB, claimRowid: number): { text: string; failedAt: string; why: string }[] {
  return all(
    db,
    sql`SELECT a.text, a.failed_at AS failedAt, a.failed_why AS why FROM assumptions a JOIN assumption_claims l ON l.assumption_rowid = a.rowid
        WHERE l.claim_rowid = ${claimRowid} AND a.state = 'failed' ORDER BY a.failed_at, a.rowid`,
  );
}

/** Every failed assumption with the ids of its claims (to mark saved briefings stale). */
export function failedAssumptionsWithClaims(db: DB): { text: string; failedAt: string; claimIds: string[] }[] {
  return all<{ rowid: number; text: string; failedAt: string }>(
    db,
    sql`SELECT rowid, text, failed_at AS failedAt FROM assumptions WHERE state = 'failed' ORDER BY failed_at, rowid`,
  ).map((a) => ({ text: a.text, failedAt: a.failedAt, claimIds: assumptionClaims(db, a.rowid).map((c) => c.id) }));
}

// ── indicators ──────────────────────────────────────────────────────────────────────────────────

interface IndicatorJoined {
  rowid: number;
  id: string;
  text: string;
  claim_id: string;
  claim_text: string;
  direction: 'supports' | 'undercuts';
  state: IndicatorState;
  observed_on: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

const SELECT_INDICATORS = sql`SELECT i.*, c.id AS claim_id, c.text AS claim_text FROM indicators i JOIN claims c ON c.rowid = i.claim_rowid`;

function toIndicator(r: IndicatorJoined): Indicator {
  return {
    id: r.id,
    text: r.text,
    claimId: r.claim_id,
    claimText: r.claim_text,
    direction: r.direction,
    state: r.state,
    observedOn: r.observed_on,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function indicatorById(db: DB, id: string): Indicator & { rowid: number } {
  const row = get<IndicatorJoined>(db, sql`${SELECT_INDICATORS} WHERE i.id = ${id}`);
  if (!row) throw notFound('indicator', id);
  return { ...toIndicator(row), rowid: row.rowid };
}

export function listIndicators(db: DB, claimRowid: number | null): Indicator[] {
  const where = claimRowid === null ? sql`` : sql`WHERE i.claim_rowid = ${claimRowid}`;
  return all<IndicatorJoined>(db, sql`${SELECT_INDICATORS} ${where} ORDER BY i.rowid`).map(toIndicator);
}

export function insertIndicator(db: DB, i: { id: string; text: string; claimRowid: number; direction: 'supports' | 'undercuts'; at: string }): void {
  run(
    db,
    sql`INSERT INTO indicators (id, text, claim_rowid, direction, created_at, updated_at)
        VALUES (${i.id}, ${i.text}, ${i.claimRowid}, ${i.direction}, ${i.at}, ${i.at})`,
  );
}

export function setIndicatorState(db: DB, rowid: number, s: { state: IndicatorState; on: string | null; note: string; at: string }): void {
  run(db, sql`UPDATE indicators SET state = ${s.state}, observed_on = ${s.on}, note = ${s.note}, updated_at = ${s.at} WHERE rowid = ${rowid}`);
}

/** Why a saved briefing is stale: assumptions under its claims that failed after it was saved. */
export function staleBriefingReasons(db: DB, briefingId: string): string[] {
  return all<{ text: string; failedAt: string }>(
    db,
    sql`SELECT DISTINCT a.text, a.failed_at AS failedAt FROM briefings b
          JOIN json_each(CASE WHEN json_valid(b.snapshot) THEN b.snapshot ELSE '{}' END, '$.briefing.snapshot.claims') j
          JOIN claims c ON c.id = json_extract(j.value, '$.id')
          JOIN assumption_claims l ON l.claim_rowid = c.rowid
          JOIN assumptions a ON a.rowid = l.assumption_rowid
        WHERE b.id = ${briefingId} AND a.state = 'failed' AND a.failed_at > b.created_at
        ORDER BY a.failed_at, a.text`,
  ).map((a) => `The assumption “${a.text}” failed on ${a.failedAt.slice(0, 10)}, after this briefing was saved.`);
}
