import type { Dispute, DisputeOutcome } from '../../core/types';
import type { RowOf } from '../../core/records/define';
import { disputeRecord, disputeResponseRecord } from '../../core/records/records';
import { insertRow, updateRow } from '../records/write';
import { notFound } from '../errors';
import { all, get, run, sql, type DB } from '../sql';

/** The stored row, derived from its declaration (core/records/records.ts). */
export type DisputeRow = Omit<RowOf<typeof disputeRecord>, 'outcome'> & {
  /** Schema v8; absent in rows written without it (the bench generator). */
  outcome?: RowOf<typeof disputeRecord>['outcome'];
};

export function disputeRowById(db: DB, id: string): DisputeRow {
  const row = get<DisputeRow>(db, sql`SELECT * FROM disputes WHERE id = ${id}`);
  if (!row) throw notFound('dispute', id);
  return row;
}

function toDispute(db: DB, r: DisputeRow & { claim_id: string }): Dispute {
  return {
    id: r.id,
    claimId: r.claim_id,
    raisedBy: r.raised_by,
    position: r.position,
    openedAt: r.opened_at,
    status: r.status,
    resolution: r.resolution,
    resolvedAt: r.resolved_at,
    outcome: r.outcome ?? null,
    evidenceIds: all<{ id: string }>(
      db,
      sql`SELECT e.id FROM dispute_evidence de JOIN evidence e ON e.rowid = de.evidence_rowid
          WHERE de.dispute_rowid = ${r.rowid} ORDER BY e.rowid`,
    ).map((x) => x.id),
    responses: all<{ id: string; author: string; text: string; createdAt: string }>(
      db,
      sql`SELECT id, author, text, created_at AS createdAt FROM dispute_responses
          WHERE dispute_rowid = ${r.rowid} ORDER BY rowid`,
    ),
  };
}

export function disputeById(db: DB, id: string): Dispute {
  const row = get<DisputeRow & { claim_id: string }>(
    db,
    sql`SELECT d.*, c.id AS claim_id FROM disputes d JOIN claims c ON c.rowid = d.claim_rowid WHERE d.id = ${id}`,
  );
  if (!row) throw notFound('dispute', id);
  return toDispute(db, row);
}

export function disputesForClaim(db: DB, claimRowid: number): Dispute[] {
  return all<DisputeRow & { claim_id: string }>(
    db,
    sql`SELECT d.*, c.id AS claim_id FROM disputes d JOIN claims c ON c.rowid = d.claim_rowid
        WHERE d.claim_rowid = ${claimRowid} ORDER BY d.rowid`,
  ).map((r) => toDispute(db, r));
}

export function insertDispute(
  db: DB,
  d: { id: string; claimRowid: number; raisedBy: string; position: string; at: string; evidenceRowids: number[] },
): number {
  const rowid = insertRow(db, disputeRecord, { id: d.id, claim_rowid: d.claimRowid, raised_by: d.raisedBy, position: d.position, opened_at: d.at });
  for (const e of new Set(d.evidenceRowids))
    run(db, sql`INSERT INTO dispute_evidence (dispute_rowid, evidence_rowid) VALUES (${rowid}, ${e})`);
  return rowid;
}

export function insertResponse(db: DB, r: { id: string; disputeRowid: number; author: string; text: string; at: string }): void {
  insertRow(db, disputeResponseRecord, { id: r.id, dispute_rowid: r.disputeRowid, author: r.author, text: r.text, created_at: r.at });
}

export function resolveDisputeRow(db: DB, rowid: number, resolution: string, at: string, outcome: DisputeOutcome | null = null): void {
  updateRow(db, disputeRecord, rowid, { status: 'resolved', resolution, outcome, resolved_at: at });
}
