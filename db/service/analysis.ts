/** Handlers of the structured analytic techniques (issue 18): ACH boards, key assumptions, indicators. */
import { readingOf, scoreBoard } from '../../core/analysis/ach';
import type { ApiHandlers } from '../../core/api';
import type { AchBoard, AchBoardSummary } from '../../core/contract/analysis';
import { newId } from '../../core/ids';
import { invalid } from '../errors';
import {
  assumptionById,
  assumptionClaims,
  assumptionRowById,
  boardHypotheses,
  boardRatings,
  boardRowById,
  boardRowsJoined,
  evidenceOfClaim,
  failAssumptionRow,
  indicatorById,
  insertAssumption,
  insertBoard,
  insertBoardRow,
  insertHypothesis,
  insertIndicator,
  listAssumptions,
  listBoardRows,
  listIndicators,
  ratingOf,
  setIndicatorState,
  setRating,
  touchBoard,
  type BoardRow,
} from '../repos/analysis';
import { claimRowById, type ClaimRow } from '../repos/claims';
import { evidenceRowById } from '../repos/evidence';
import type { DB } from '../sql';
import { record, type Ctx } from './context';

type H = Pick<
  ApiHandlers,
  | 'ach.create'
  | 'ach.list'
  | 'ach.get'
  | 'ach.add'
  | 'ach.rate'
  | 'assumptions.add'
  | 'assumptions.list'
  | 'assumptions.fail'
  | 'indicators.add'
  | 'indicators.list'
  | 'indicators.observe'
>;

/** A claim that may take part: it exists and is not in the trash. */
function liveClaim(db: DB, id: string, field: string): ClaimRow {
  const c = claimRowById(db, id);
  if (c.deleted_at) throw invalid(`${field}: claim ${id} is in the trash; restore it first`);
  return c;
}

/** A board with its matrix scored. */
export function boardView(db: DB, b: BoardRow): AchBoard {
  const hypotheses = boardHypotheses(db, b.rowid).map((h) => ({ claimId: h.claim_id, label: h.label, text: h.text }));
  const rows = boardRowsJoined(db, b.rowid).map(({ rowid: _r, ...r }) => r);
  const ratings = boardRatings(db, b.rowid);
  const scores = scoreBoard({
    hypotheses: hypotheses.map((h) => h.claimId),
    rows: rows.map((r) => ({ id: r.evidenceId, reliability: r.reliability, credibility: r.credibility, relevance: r.relevance })),
    ratings: ratings.map((r) => ({ rowId: r.evidenceId, hypothesisId: r.claimId, analyst: r.analyst, rating: r.rating })),
  });
  const hLabel = new Map(hypotheses.map((h) => [h.claimId, h.label]));
  const rLabel = new Map(rows.map((r) => [r.evidenceId, r.label]));
  return {
    id: b.id,
    title: b.title,
    question: b.question,
    createdAt: b.created_at,
    updatedAt: b.updated_at,
    hypotheses,
    rows,
    ratings,
    scores,
    reading: readingOf(scores, (id) => hLabel.get(id) ?? id, (id) => rLabel.get(id) ?? id),
  };
}

export const boardById = (db: DB, id: string): AchBoard => boardView(db, boardRowById(db, id));

/** Adds a claim as the next hypothesis (and, when asked, its evidence as rows); returns the ids of the rows added. */
function addHypothesis(db: DB, board: BoardRow, claim: ClaimRow, pull: boolean): string[] {
  const existing = boardHypotheses(db, board.rowid);
  if (existing.some((h) => h.claim_rowid === claim.rowid)) throw invalid(`claimId: claim ${claim.id} is already a hypothesis of this board`);
  insertHypothesis(db, board.rowid, claim.rowid, `H${existing.length + 1}`);
  return pull ? evidenceOfClaim(db, claim.rowid).filter((e) => insertBoardRow(db, board.rowid, e.rowid, 'hypothesis')).map((e) => e.id) : [];
}

export function analysisHandlers(ctx: Ctx): H {
  const db = ctx.db;
  return {
    'ach.create': (input) => {
      const claims = input.claimIds.map((c, i) => liveClaim(db, c, `claimIds.${i}`));
      if (new Set(claims.map((c) => c.rowid)).size !== claims.length) throw invalid('claimIds: name each competing claim once');
      const id = newId();
      insertBoard(db, { id, title: input.title, question: input.question, at: ctx.now() });
      const board = boardRowById(db, id);
      for (const c of claims) addHypothesis(db, board, c, input.pullEvidence);
      const view = boardView(db, board);
      record(ctx, {
        kind: 'ach.created',
        entityType: 'ach-board',
        entityId: id,
        payload: { after: { title: view.title, question: view.question, hypotheses: view.hypotheses.map((h) => h.claimId), rows: view.rows.map((r) => r.evidenceId) } },
      });
      return view;
    },

    'ach.list': () =>
      listBoardRows(db).map((b): AchBoardSummary => {
        const v = boardView(db, b);
        return { id: v.id, title: v.title, question: v.question, hypotheses: v.hypotheses.length, rows: v.rows.length, leader: v.scores.leader, updatedAt: v.updatedAt };
      }),

    'ach.get': (input) => boardById(db, input.id),

    'ach.add': (input) => {
      const board = boardRowById(db, input.id);
      if (input.claimId) {
        const added = addHypothesis(db, board, liveClaim(db, input.claimId, 'claimId'), input.pullEvidence);
        touchBoard(db, board.rowid, ctx.now());
        record(ctx, { kind: 'ach.hypothesis-added', entityType: 'ach-board', entityId: board.id, payload: { after: { claimId: input.claimId, rows: added } } });
        return boardById(db, board.id);
      }
      const e = evidenceRowById(db, input.evidenceId!);
      if (!insertBoardRow(db, board.rowid, e.rowid, 'hand', input.note)) throw invalid(`evidenceId: evidence ${input.evidenceId} is already a row of this board`);
      touchBoard(db, board.rowid, ctx.now());
      record(ctx, { kind: 'ach.evidence-added', entityType: 'ach-board', entityId: board.id, payload: { after: { evidenceId: input.evidenceId, note: input.note } } });
      return boardById(db, board.id);
    },

    'ach.rate': (input) => {
      const board = boardRowById(db, input.id);
      const row = boardRowsJoined(db, board.rowid).find((r) => r.evidenceId === input.evidenceId);
      if (!row) throw invalid(`evidenceId: evidence ${input.evidenceId} is not a row of this board`);
      const h = boardHypotheses(db, board.rowid).find((x) => x.claim_id === input.claimId);
      if (!h) throw invalid(`claimId: claim ${input.claimId} is not a hypothesis of this board`);
      const analyst = input.analyst ?? ctx.actor();
      const before = ratingOf(db, row.rowid, h.rowid, analyst);
      if (before === input.rating) return boardView(db, board);
      setRating(db, { rowRowid: row.rowid, hypothesisRowid: h.rowid, analyst, rating: input.rating, at: ctx.now() });
      touchBoard(db, board.rowid, ctx.now());
      record(ctx, {
        kind: 'ach.rated',
        entityType: 'ach-board',
        entityId: board.id,
        payload: { evidenceId: input.evidenceId, claimId: input.claimId, analyst, before: { rating: before }, after: { rating: input.rating } },
      });
      return boardById(db, board.id);
    },

    'assumptions.add': (input) => {
      const claims = input.claimIds.map((c, i) => liveClaim(db, c, `claimIds.${i}`));
      const id = newId();
      insertAssumption(db, { id, text: input.text, owner: input.owner, likelihood: input.likelihood, impact: input.impact, at: ctx.now(), claimRowids: claims.map((c) => c.rowid) });
      const a = assumptionById(db, id);
      record(ctx, { kind: 'assumption.added', entityType: 'assumption', entityId: id, payload: { after: a } });
      return a;
    },

    'assumptions.list': (input) => listAssumptions(db, input.claimId ? claimRowById(db, input.claimId).rowid : null),

    'assumptions.fail': (input) => {
      const row = assumptionRowById(db, input.id);
      if (row.state === 'failed') throw invalid(`id: assumption ${input.id} has already failed`);
      failAssumptionRow(db, row.rowid, input.why, ctx.now());
      const claims = assumptionClaims(db, row.rowid);
      record(ctx, {
        kind: 'assumption.failed',
        entityType: 'assumption',
        entityId: row.id,
        payload: { before: { state: 'held' }, after: { state: 'failed' }, claimIds: claims.map((c) => c.id) },
        rationale: input.why,
      });
      // Each dependent claim's own history says it was flagged for review.
      for (const c of claims)
        record(ctx, { kind: 'claim.review-flagged', entityType: 'claim', entityId: c.id, claimId: c.id, payload: { assumptionId: row.id }, rationale: input.why });
      return assumptionById(db, row.id);
    },

    'indicators.add': (input) => {
      const claim = liveClaim(db, input.claimId, 'claimId');
      const id = newId();
      insertIndicator(db, { id, text: input.text, claimRowid: claim.rowid, direction: input.direction, at: ctx.now() });
      const i = indicatorById(db, id);
      const { rowid: _r, ...out } = i;
      record(ctx, { kind: 'indicator.added', entityType: 'indicator', entityId: id, claimId: claim.id, payload: { after: out } });
      return out;
    },

    'indicators.list': (input) => listIndicators(db, input.claimId ? claimRowById(db, input.claimId).rowid : null),

    'indicators.observe': (input) => {
      const { rowid, ...before } = indicatorById(db, input.id);
      const on = input.state === 'not-observed' ? null : (input.on ?? ctx.now().slice(0, 10));
      setIndicatorState(db, rowid, { state: input.state, on, note: input.note ?? before.note, at: ctx.now() });
      const { rowid: _r, ...after } = indicatorById(db, input.id);
      record(ctx, {
        kind: 'indicator.observed',
        entityType: 'indicator',
        entityId: after.id,
        claimId: after.claimId,
        payload: { before: { state: before.state, observedOn: before.observedOn }, after: { state: after.state, observedOn: after.observedOn } },
      });
      return after;
    },
  };
}
