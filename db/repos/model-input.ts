/**
 * What the confidence model reads for a set of claims, in one pass: every evidence item with its
 * source grade, lineage origin, attribution (claimant vs. the speakers along the source's lineage,
 * or the analyst's mark), the quote, and the pairs the analyst declared independent. Single edits
 * (db/service/recompute.ts) and imports (db/transfer/recompute.ts) both read it, so they agree.
 */
import { attributionOf } from '../../core/attribution';
import type { ModelItem, ModelOptions } from '../../core/confidence';
import { pairKey } from '../../core/similarity';
import type { Credibility, Reliability, Stance } from '../../core/types';
import { all, sql, type DB, type Sql } from '../sql';

export interface ClaimModelInput {
  items: ModelItem[];
  options: Required<ModelOptions>;
}

interface Row {
  claim_rowid: number;
  id: string;
  source_rowid: number;
  source_id: string;
  origin_id: string;
  origin_title: string;
  stance: Stance;
  weight: number;
  reliability: Reliability;
  credibility: Credibility;
  excerpt: string;
  attribution: number;
  speaks_for: string | null;
  claimant: string | null;
}

/** `where` is a condition on the evidence table aliased `e` (e.g. sql`e.claim_rowid = ${rowid}`). */
export function modelInputs(db: DB, where: Sql): Map<number, ClaimModelInput> {
  const rows = all<Row>(
    db,
    sql`SELECT e.claim_rowid, e.id, s.rowid AS source_rowid, s.id AS source_id, o.id AS origin_id, o.title AS origin_title,
          e.stance, e.weight, s.reliability, e.credibility, e.excerpt, e.attribution, s.speaks_for, c.claimant
        FROM evidence e JOIN sources s ON s.rowid = e.source_rowid JOIN sources o ON o.rowid = s.origin
        JOIN claims c ON c.rowid = e.claim_rowid
        WHERE ${where} ORDER BY e.claim_rowid, e.rowid`,
  );
  const ancestors = new Map<number, (string | null)[]>();
  for (const a of all<{ start: number; speaks_for: string }>(
    db,
    sql`WITH RECURSIVE up(start, rowid, depth) AS (
          SELECT s.rowid, s.derived_from, 1 FROM sources s
           WHERE s.derived_from IS NOT NULL AND s.rowid IN (SELECT e.source_rowid FROM evidence e WHERE ${where})
          UNION ALL SELECT up.start, s.derived_from, up.depth + 1 FROM sources s JOIN up ON s.rowid = up.rowid
           WHERE s.derived_from IS NOT NULL)
        SELECT up.start, s.speaks_for FROM up JOIN sources s ON s.rowid = up.rowid
         WHERE s.speaks_for IS NOT NULL ORDER BY up.start, up.depth`,
  ))
    ancestors.set(a.start, [...(ancestors.get(a.start) ?? []), a.speaks_for]);
  const out = new Map<number, ClaimModelInput>();
  const byEvidence = new Map<string, number>();
  for (const r of rows) {
    let input = out.get(r.claim_rowid);
    if (!input) out.set(r.claim_rowid, (input = { items: [], options: { independent: new Set(), originTitles: new Map() } }));
    byEvidence.set(r.id, r.claim_rowid);
    (input.options.originTitles as Map<string, string>).set(r.origin_id, r.origin_title);
    input.items.push({
      evidenceId: r.id,
      sourceId: r.source_id,
      originId: r.origin_id,
      stance: r.stance,
      weight: r.weight,
      reliability: r.reliability,
      credibility: r.credibility,
      excerpt: r.excerpt,
      attribution: attributionOf(r.claimant, r.speaks_for, ancestors.get(r.source_rowid) ?? [], r.attribution === 1),
    });
  }
  for (const p of all<{ a: string; b: string }>(
    db,
    sql`SELECT a.id AS a, b.id AS b FROM evidence_independent x JOIN evidence a ON a.rowid = x.a_rowid
          JOIN evidence b ON b.rowid = x.b_rowid
        WHERE x.a_rowid IN (SELECT e.rowid FROM evidence e WHERE ${where})`,
  )) {
    const claim = byEvidence.get(p.a);
    if (claim !== undefined) (out.get(claim)!.options.independent as Set<string>).add(pairKey(p.a, p.b));
  }
  return out;
}

export const EMPTY_INPUT = (): ClaimModelInput => ({ items: [], options: { independent: new Set(), originTitles: new Map() } });

/** One claim's model input (empty when it has no evidence). */
export function modelInputOf(db: DB, claimRowid: number): ClaimModelInput {
  return modelInputs(db, sql`e.claim_rowid = ${claimRowid}`).get(claimRowid) ?? EMPTY_INPUT();
}
