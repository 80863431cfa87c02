/**
 * The confidence of every claim an import touched, in one pass: one query for the claims, one for
 * all their evidence joined with source grade and lineage origin (in claim, evidence order — the
 * order modelForClaim reads), one for their open disputes; the model runs in memory and only claims
 * whose stored values differ are updated.
 */
import { computeConfidence, type ModelItem } from '../../core/confidence';
import { judgmentOf, sameJudgment, type StoredJudgment } from '../../core/judgment';
import type { Credibility, Reliability, Stance } from '../../core/types';
import { storedJudgment, type ClaimRow } from '../repos/claims';
import { all, list, run, sql, type Sql, type DB } from '../sql';

export interface Recomputed {
  rowid: number;
  id: string;
  before: StoredJudgment;
  after: StoredJudgment;
}

type ClaimIn = Pick<
  ClaimRow,
  'rowid' | 'id' | 'prior' | 'override_p' | 'computed_p' | 'probability' | 'band' | 'confidence' | 'evidence_count' | 'open_disputes'
>;

interface EvidenceIn {
  claim_rowid: number;
  id: string;
  source_id: string;
  origin_id: string;
  stance: Stance;
  weight: number;
  reliability: Reliability;
  credibility: Credibility;
}

/** Which claims: every claim above a rowid (those the import created), or a list of rowids. */
export type ClaimSet = { above: number } | { rowids: number[] };

const CHUNK = 500;

function chunks(set: ClaimSet): { claims: Sql; evidence: Sql; disputes: Sql }[] {
  if ('above' in set)
    return [{ claims: sql`c.rowid > ${set.above}`, evidence: sql`e.claim_rowid > ${set.above}`, disputes: sql`d.claim_rowid > ${set.above}` }];
  const out = [];
  for (let i = 0; i < set.rowids.length; i += CHUNK) {
    const ids = list(set.rowids.slice(i, i + CHUNK));
    out.push({ claims: sql`c.rowid IN ${ids}`, evidence: sql`e.claim_rowid IN ${ids}`, disputes: sql`d.claim_rowid IN ${ids}` });
  }
  return out;
}

export function recomputeClaims(db: DB, set: ClaimSet): Recomputed[] {
  const out: Recomputed[] = [];
  for (const part of chunks(set)) {
    const evidence = new Map<number, ModelItem[]>();
    for (const e of all<EvidenceIn>(
      db,
      sql`SELECT e.claim_rowid, e.id, s.id AS source_id, o.id AS origin_id, e.stance, e.weight, s.reliability, e.credibility
            FROM evidence e JOIN sources s ON s.rowid = e.source_rowid JOIN sources o ON o.rowid = s.origin
           WHERE ${part.evidence} ORDER BY e.claim_rowid, e.rowid`,
    )) {
      const item: ModelItem = {
        evidenceId: e.id,
        sourceId: e.source_id,
        originId: e.origin_id,
        stance: e.stance,
        weight: e.weight,
        reliability: e.reliability,
        credibility: e.credibility,
      };
      const items = evidence.get(e.claim_rowid);
      if (items) items.push(item);
      else evidence.set(e.claim_rowid, [item]);
    }
    const open = new Map<number, number>();
    for (const d of all<{ claim_rowid: number; n: number }>(
      db,
      sql`SELECT d.claim_rowid, count(*) AS n FROM disputes d WHERE ${part.disputes} AND d.status = 'open' GROUP BY d.claim_rowid`,
    ))
      open.set(d.claim_rowid, d.n);
    for (const c of all<ClaimIn>(
      db,
      sql`SELECT c.rowid, c.id, c.prior, c.override_p, c.computed_p, c.probability, c.band, c.confidence, c.evidence_count,
                 c.open_disputes FROM claims c WHERE ${part.claims}`,
    ))
      out.push(update(db, c, evidence.get(c.rowid) ?? [], open.get(c.rowid) ?? 0));
  }
  return out;
}

function update(db: DB, c: ClaimIn, items: ModelItem[], openDisputes: number): Recomputed {
  const before = storedJudgment(c);
  const after = judgmentOf(computeConfidence(c.prior, items), c.override_p);
  const same = sameJudgment(before, after) && c.evidence_count === items.length && c.open_disputes === openDisputes;
  if (!same)
    run(
      db,
      sql`UPDATE claims SET evidence_count = ${items.length}, open_disputes = ${openDisputes}, computed_p = ${after.computed},
            probability = ${after.probability}, band = ${after.band}, confidence = ${after.confidence} WHERE rowid = ${c.rowid}`,
    );
  return { rowid: c.rowid, id: c.id, before, after };
}
