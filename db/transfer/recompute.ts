/**
 * The confidence of every claim an import touched, in one pass: one query for the claims, the
 * model inputs of all their evidence (db/repos/model-input.ts, as modelForClaim reads them), one
 * for their open disputes; the model runs in memory and only claims
 * whose stored values differ are updated.
 */
import { computeConfidence } from '../../core/confidence';
import { judgmentOf, sameJudgment, type StoredJudgment } from '../../core/judgment';
import { storedJudgment, type ClaimRow } from '../repos/claims';
import { EMPTY_INPUT, modelInputs, type ClaimModelInput } from '../repos/model-input';
import { all, get, list, run, sql, type Sql, type DB } from '../sql';

export interface Recomputed {
  rowid: number;
  id: string;
  before: StoredJudgment;
  after: StoredJudgment;
}

type ClaimIn = Pick<
  ClaimRow,
  | 'rowid' | 'id' | 'prior' | 'override_p' | 'computed_p' | 'probability' | 'band' | 'confidence' | 'assessed'
  | 'evidence_count' | 'open_disputes'
>;

/** Which claims: every claim above a rowid (those the import created), or a list of rowids. */
export type ClaimSet = { above: number } | { rowids: number[] };

const CHUNK = 500;

/**
 * Claims per pass when recomputing every claim above a rowid: a pass holds the model inputs of its
 * claims' evidence (excerpts included), so one pass over 100k new claims held all 500k items at once
 * (≈ 1 GB of the JSON import's peak: docs/performance.md, "Streaming import").
 */
export const ABOVE_CHUNK = 2000;

function chunks(db: DB, set: ClaimSet): { claims: Sql; evidence: Sql; disputes: Sql }[] {
  const out = [];
  if ('above' in set) {
    const max = get<{ n: number | null }>(db, sql`SELECT max(rowid) AS n FROM claims`)!.n ?? 0;
    for (let lo = set.above; lo < max; lo += ABOVE_CHUNK) {
      const hi = lo + ABOVE_CHUNK;
      out.push({
        claims: sql`c.rowid > ${lo} AND c.rowid <= ${hi}`,
        evidence: sql`e.claim_rowid > ${lo} AND e.claim_rowid <= ${hi}`,
        disputes: sql`d.claim_rowid > ${lo} AND d.claim_rowid <= ${hi}`,
      });
    }
    return out;
  }
  for (let i = 0; i < set.rowids.length; i += CHUNK) {
    const ids = list(set.rowids.slice(i, i + CHUNK));
    out.push({ claims: sql`c.rowid IN ${ids}`, evidence: sql`e.claim_rowid IN ${ids}`, disputes: sql`d.claim_rowid IN ${ids}` });
  }
  return out;
}

export function recomputeClaims(db: DB, set: ClaimSet): Recomputed[] {
  const out: Recomputed[] = [];
  for (const part of chunks(db, set)) {
    const inputs = modelInputs(db, part.evidence);
    const open = new Map<number, number>();
    for (const d of all<{ claim_rowid: number; n: number }>(
      db,
      sql`SELECT d.claim_rowid, count(*) AS n FROM disputes d WHERE ${part.disputes} AND d.status = 'open' GROUP BY d.claim_rowid`,
    ))
      open.set(d.claim_rowid, d.n);
    for (const c of all<ClaimIn>(
      db,
      sql`SELECT c.rowid, c.id, c.prior, c.override_p, c.computed_p, c.probability, c.band, c.confidence, c.assessed,
                 c.evidence_count, c.open_disputes FROM claims c WHERE ${part.claims}`,
    ))
      out.push(update(db, c, inputs.get(c.rowid) ?? EMPTY_INPUT(), open.get(c.rowid) ?? 0));
  }
  return out;
}

function update(db: DB, c: ClaimIn, input: ClaimModelInput, openDisputes: number): Recomputed {
  const before = storedJudgment(c);
  const after = judgmentOf(computeConfidence(c.prior, input.items, input.options), c.override_p);
  const items = input.items;
  const same = sameJudgment(before, after) && c.evidence_count === items.length && c.open_disputes === openDisputes;
  if (!same)
    run(
      db,
      sql`UPDATE claims SET evidence_count = ${items.length}, open_disputes = ${openDisputes}, computed_p = ${after.computed},
            probability = ${after.probability}, band = ${after.band}, confidence = ${after.confidence},
            assessed = ${after.assessed ? 1 : 0} WHERE rowid = ${c.rowid}`,
    );
  return { rowid: c.rowid, id: c.id, before, after };
}
