/** Reads a whole case into the JSON snapshot that every export format is written from. */
import { JSON_FORMAT, type CaseSnapshot, type SnapshotDispute } from '../../core/transfer/snapshot';
import { toClaim, type ClaimRow } from '../repos/claims';
import { getMeta, getSettings } from '../repos/meta';
import { toSource, type SourceRowWithRefs } from '../repos/sources';
import { all, sql, type DB } from '../sql';

function claims(db: DB): CaseSnapshot['claims'] {
  return all<ClaimRow>(db, sql`SELECT * FROM claims ORDER BY rowid`).map((r) => {
    const c = toClaim(db, r);
    return {
      id: c.id,
      text: c.text,
      claimant: c.claimant,
      claimedAt: c.claimedAt,
      context: c.context,
      status: c.status,
      statusRationale: c.statusRationale,
      outcome: c.outcome,
      outcomeAt: c.outcomeAt,
      outcomeNote: c.outcomeNote,
      reviewUrl: c.reviewUrl,
      kind: c.kind,
      kindRationale: c.kindRationale,
      prior: c.prior,
      override: c.override,
      notes: c.notes,
      quantity: c.quantity,
      tags: c.tags,
      probability: c.probability,
      band: c.band,
      confidence: c.confidence,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      deletedAt: c.deletedAt,
    };
  });
}

function sources(db: DB): CaseSnapshot['sources'] {
  return all<SourceRowWithRefs>(
    db,
    sql`SELECT s.*, p.id AS derived_from_id, o.id AS origin_id FROM sources s
        LEFT JOIN sources p ON p.rowid = s.derived_from LEFT JOIN sources o ON o.rowid = s.origin ORDER BY s.rowid`,
  ).map((r) => {
    const { originId: _o, ...s } = toSource(r);
    return s;
  });
}

function evidence(db: DB): CaseSnapshot['evidence'] {
  const independent = new Map<string, string[]>();
  for (const p of all<{ a: string; b: string }>(
    db,
    sql`SELECT a.id AS a, b.id AS b FROM evidence_independent x JOIN evidence a ON a.rowid = x.a_rowid
          JOIN evidence b ON b.rowid = x.b_rowid ORDER BY x.a_rowid, x.b_rowid`,
  ))
    independent.set(p.a, [...(independent.get(p.a) ?? []), p.b]);
  return all<Omit<CaseSnapshot['evidence'][number], 'attribution' | 'independentOf'> & { attribution: number }>(
    db,
    sql`SELECT e.id, c.id AS claimId, s.id AS sourceId, e.stance, e.excerpt, e.locator, e.credibility, e.weight, e.note,
          e.attribution, e.created_at AS createdAt, e.updated_at AS updatedAt
        FROM evidence e JOIN claims c ON c.rowid = e.claim_rowid JOIN sources s ON s.rowid = e.source_rowid ORDER BY e.rowid`,
  ).map((e) => ({ ...e, attribution: e.attribution === 1, independentOf: independent.get(e.id) ?? [] }));
}

function disputes(db: DB): SnapshotDispute[] {
  const rows = all<Omit<SnapshotDispute, 'evidenceIds' | 'responses'> & { rowid: number }>(
    db,
    sql`SELECT d.rowid, d.id, c.id AS claimId, d.raised_by AS raisedBy, d.position, d.opened_at AS openedAt, d.status,
          d.resolution, d.resolved_at AS resolvedAt, d.outcome
        FROM disputes d JOIN claims c ON c.rowid = d.claim_rowid ORDER BY d.rowid`,
  );
  return rows.map(({ rowid, ...d }) => ({
    ...d,
    evidenceIds: all<{ id: string }>(
      db,
      sql`SELECT e.id FROM dispute_evidence de JOIN evidence e ON e.rowid = de.evidence_rowid WHERE de.dispute_rowid = ${rowid} ORDER BY e.rowid`,
    ).map((x) => x.id),
    responses: all<SnapshotDispute['responses'][number]>(
      db,
      sql`SELECT id, author, text, created_at AS createdAt FROM dispute_responses WHERE dispute_rowid = ${rowid} ORDER BY rowid`,
    ),
  }));
}

export function readSnapshot(db: DB, exportedAt: string): CaseSnapshot {
  return db.transaction((): CaseSnapshot => ({
    format: JSON_FORMAT,
    // Version 1 unless captured documents are added (db/transfer/captures.ts withCaptures).
    version: 1,
    exportedAt,
    case: { title: getMeta(db, 'title') ?? null, settings: getSettings(db) },
    claims: claims(db),
    sources: sources(db),
    evidence: evidence(db),
    disputes: disputes(db),
    links: all<CaseSnapshot['links'][number]>(
      db,
      sql`SELECT l.id, f.id AS fromId, t.id AS toId, l.kind, l.note, l.created_at AS createdAt
          FROM claim_links l JOIN claims f ON f.rowid = l.from_rowid JOIN claims t ON t.rowid = l.to_rowid ORDER BY l.rowid`,
    ),
    briefings: all<CaseSnapshot['briefings'][number]>(
      db,
      sql`SELECT id, title, selection, selection_key AS selectionKey, markdown, snapshot, created_at AS createdAt
          FROM briefings ORDER BY rowid`,
    ),
  }))();
}

