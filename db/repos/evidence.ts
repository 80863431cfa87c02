import type { Credibility, Evidence, EvidenceView, Reliability, Stance } from '../../core/types';
import { columnsOf, type RowOf } from '../../core/records/define';
import { evidenceRecord } from '../../core/records/records';
import { insertRow, updateRow } from '../records/write';
import { gradeCode } from '../../core/grades';
import { notFound } from '../errors';
import { deleteBoardRowsOfEvidence } from './analysis';
import { anchorsOfClaim } from './anchors';
import { all, get, run, sql, type DB } from '../sql';

/** The stored row, derived from its declaration (core/records/records.ts). */
export type EvidenceRow = RowOf<typeof evidenceRecord>;

interface EvidenceJoined extends EvidenceRow {
  claim_id: string;
  source_id: string;
  source_title: string;
  source_publisher: string | null;
  source_reliability: Reliability;
  source_url: string | null;
  origin_id: string;
}


const SELECT_JOINED = sql`SELECT e.*, c.id AS claim_id, s.id AS source_id, s.title AS source_title,
    s.publisher AS source_publisher, s.reliability AS source_reliability, s.url AS source_url, o.id AS origin_id
  FROM evidence e JOIN claims c ON c.rowid = e.claim_rowid JOIN sources s ON s.rowid = e.source_rowid
  JOIN sources o ON o.rowid = s.origin`;

function toEvidence(r: EvidenceJoined): Evidence {
  return {
    id: r.id,
    claimId: r.claim_id,
    sourceId: r.source_id,
    stance: r.stance,
    excerpt: r.excerpt,
    locator: r.locator,
    credibility: r.credibility,
    weight: r.weight,
    note: r.note,
    attribution: r.attribution === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function evidenceRowById(db: DB, id: string): EvidenceRow {
  const row = get<EvidenceRow>(db, sql`SELECT * FROM evidence WHERE id = ${id}`);
  if (!row) throw notFound('evidence', id);
  return row;
}

export function evidenceById(db: DB, id: string): Evidence {
  const row = get<EvidenceJoined>(db, sql`${SELECT_JOINED} WHERE e.id = ${id}`);
  if (!row) throw notFound('evidence', id);
  return toEvidence(row);
}

export interface EvidenceForModel extends EvidenceView {
  originId: string;
}

export function evidenceForClaim(db: DB, claimRowid: number): EvidenceForModel[] {
  const anchors = anchorsOfClaim(db, claimRowid);
  return all<EvidenceJoined>(db, sql`${SELECT_JOINED} WHERE e.claim_rowid = ${claimRowid} ORDER BY e.rowid`).map(
    (r) => ({
      ...toEvidence(r),
      source: {
        id: r.source_id,
        title: r.source_title,
        publisher: r.source_publisher,
        reliability: r.source_reliability,
        url: r.source_url,
      },
      grade: gradeCode(r.source_reliability, r.credibility),
      ...(anchors.has(r.rowid) ? { anchor: anchors.get(r.rowid) } : {}),
      originId: r.origin_id,
    }),
  );
}

export interface EvidenceInsert {
  id: string;
  claimRowid: number;
  sourceRowid: number;
  stance: Stance;
  excerpt: string;
  locator: string | null;
  credibility: Credibility;
  weight: number;
  note: string;
  attribution: boolean;
  at: string;
}

export function insertEvidence(db: DB, e: EvidenceInsert): number {
  return insertRow(db, evidenceRecord, {
    id: e.id,
    claim_rowid: e.claimRowid,
    source_rowid: e.sourceRowid,
    stance: e.stance,
    excerpt: e.excerpt,
    locator: e.locator,
    credibility: e.credibility,
    weight: e.weight,
    note: e.note,
    attribution: e.attribution ? 1 : 0,
    created_at: e.at,
    updated_at: e.at,
  });
}

/** The columns an edit of evidence rewrites (derived: all declared fields but the key, its claim and source, and the stamps). */
export const EVIDENCE_NOT_EDITED = ['rowid', 'id', 'claim_rowid', 'source_rowid', 'created_at', 'updated_at'] as const;
const EDITED = columnsOf(evidenceRecord).filter((c) => !(EVIDENCE_NOT_EDITED as readonly string[]).includes(c)) as (keyof EvidenceRow)[];

export function updateEvidenceRow(db: DB, r: EvidenceRow, at: string): void {
  const patch: Partial<Record<keyof EvidenceRow, unknown>> = { updated_at: at };
  for (const c of EDITED) patch[c] = r[c];
  updateRow(db, evidenceRecord, r.rowid, patch as Partial<EvidenceRow>);
}

export function deleteEvidenceRow(db: DB, rowid: number): void {
  deleteBoardRowsOfEvidence(db, rowid);
  run(db, sql`DELETE FROM dispute_evidence WHERE evidence_rowid = ${rowid}`);
  run(db, sql`DELETE FROM evidence_independent WHERE a_rowid = ${rowid} OR b_rowid = ${rowid}`);
  run(db, sql`DELETE FROM evidence WHERE rowid = ${rowid}`);
}

/** How many evidence items cite a source. */
export function countCitations(db: DB, sourceRowid: number): number {
  return get<{ n: number }>(db, sql`SELECT count(*) AS n FROM evidence WHERE source_rowid = ${sourceRowid}`)!.n;
}

/** Whether the analyst declared two items (rowids, lo < hi) independent despite similar wording. */
export function isIndependentPair(db: DB, lo: number, hi: number): boolean {
  return get<{ n: number }>(db, sql`SELECT count(*) AS n FROM evidence_independent WHERE a_rowid = ${lo} AND b_rowid = ${hi}`)!.n > 0;
}

export function setIndependentPair(db: DB, lo: number, hi: number, independent: boolean, at: string): void {
  if (independent) run(db, sql`INSERT INTO evidence_independent (a_rowid, b_rowid, created_at) VALUES (${lo}, ${hi}, ${at})`);
  else run(db, sql`DELETE FROM evidence_independent WHERE a_rowid = ${lo} AND b_rowid = ${hi}`);
}

/** Claims whose evidence cites any of these sources (for recomputation after a grade or lineage change). */
export function claimsCitingSources(db: DB, sourceRowids: readonly number[]): number[] {
  const out = new Set<number>();
  for (const s of sourceRowids)
    for (const r of all<{ claim_rowid: number }>(db, sql`SELECT DISTINCT claim_rowid FROM evidence WHERE source_rowid = ${s}`))
      out.add(r.claim_rowid);
  return [...out];
}

export function citationsOfSource(
  db: DB,
  sourceRowid: number,
): { claimId: string; claimText: string; stance: Stance; evidenceId: string }[] {
  return all<{ claimId: string; claimText: string; stance: Stance; evidenceId: string }>(
    db,
    sql`SELECT c.id AS claimId, c.text AS claimText, e.stance, e.id AS evidenceId
        FROM evidence e JOIN claims c ON c.rowid = e.claim_rowid
        WHERE e.source_rowid = ${sourceRowid} AND c.deleted_at IS NULL ORDER BY c.rowid, e.rowid`,
  );
}
