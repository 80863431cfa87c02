/**
 * Full-fidelity inserts for imports: ids, timestamps, verdicts and overrides exactly as the file has them;
 * the clock is read only for a record without its own creation time.
 */
import { computeConfidence } from '../../core/confidence';
import { bandOf } from '../../core/estimative';
import type { BundleBriefing, BundleClaim, BundleEvidence, BundleSource } from '../../core/transfer/types';
import type { DisputeFields } from '../../core/types';
import { briefingRecord, claimRecord, disputeRecord, evidenceRecord, sourceRecord } from '../../core/records/records';
import type { RowOf } from '../../core/records/define';
import { insertRow } from '../records/write';
import { all, run, sql, type DB } from '../sql';

const rowid = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid);

export function insertFullClaim(db: DB, c: BundleClaim, id: string, now: () => string): number {
  const created = c.createdAt ?? now();
  const q = c.quantity;
  const model = computeConfidence(c.prior, []);
  const p = c.override?.probability ?? model.probability;
  return insertRow(db, claimRecord, {
    id,
    text: c.text,
    claimant: c.claimant,
    claimed_at: c.claimedAt,
    context: c.context,
    status: c.status,
    status_rationale: c.statusRationale,
    outcome: c.outcome,
    outcome_at: c.outcome === null ? null : (c.outcomeAt ?? null),
    outcome_note: c.outcome === null ? null : (c.outcomeNote ?? null),
    kind: c.kind ?? 'fact',
    kind_rationale: c.kindRationale ?? null,
    prior: c.prior,
    override_p: c.override?.probability ?? null,
    override_rationale: c.override?.rationale ?? null,
    notes: c.notes,
    qty_value: q?.value ?? null,
    qty_unit: q?.unit ?? null,
    qty_scope: q?.scope ?? null,
    qty_as_of: q?.asOf ?? null,
    computed_p: model.probability,
    probability: p,
    band: bandOf(p),
    confidence: model.confidence,
    created_at: created,
    updated_at: c.updatedAt ?? created,
    deleted_at: c.deletedAt ?? null,
    review_url: c.reviewUrl ?? null,
  });
}

/** Lineage (derived_from, origin) is set afterwards, once every source of the file has a row. */
export function insertFullSource(db: DB, s: BundleSource, id: string, now: () => string): number {
  const created = s.createdAt ?? now();
  return insertRow(db, sourceRecord, {
    id,
    title: s.title,
    url: s.url,
    publisher: s.publisher,
    authors: JSON.stringify(s.authors),
    published_at: s.publishedAt,
    accessed_at: s.accessedAt,
    kind: s.kind,
    reliability: s.reliability,
    doi: s.doi,
    notes: s.notes,
    file_sha256: s.fileSha256,
    csl: s.csl ? JSON.stringify(s.csl) : null,
    speaks_for: s.speaksFor ?? null,
    created_at: created,
    updated_at: s.updatedAt ?? created,
    deleted_at: s.deletedAt ?? null,
  });
}

export function insertFullEvidence(db: DB, e: BundleEvidence, id: string, claimRowid: number, sourceRowid: number, now: () => string): number {
  const created = e.createdAt ?? now();
  return insertRow(db, evidenceRecord, {
    id,
    claim_rowid: claimRowid,
    source_rowid: sourceRowid,
    stance: e.stance,
    excerpt: e.excerpt,
    locator: e.locator,
    credibility: e.credibility,
    weight: e.weight,
    note: e.note,
    attribution: e.attribution ? 1 : 0,
    created_at: created,
    updated_at: e.updatedAt ?? created,
  });
}

export function insertBriefing(db: DB, b: BundleBriefing): void {
  insertRow(db, briefingRecord, {
    id: b.id,
    title: b.title,
    selection: b.selection,
    selection_key: b.selectionKey,
    markdown: b.markdown,
    snapshot: b.snapshot,
    created_at: b.createdAt,
  });
}

export function insertFullDispute(
  db: DB,
  d: { id: string; claimRowid: number; outcome?: RowOf<typeof disputeRecord>['outcome'] } & DisputeFields,
): number {
  return insertRow(db, disputeRecord, {
    id: d.id,
    claim_rowid: d.claimRowid,
    raised_by: d.raisedBy,
    position: d.position,
    opened_at: d.openedAt,
    status: d.status,
    resolution: d.resolution,
    resolved_at: d.resolvedAt,
    outcome: d.outcome ?? null,
  });
}

/** Tags of new claims: the case's tags are read once; names match as the tags table compares them (NOCASE folds ASCII only). */
export interface TagWriter {
  add(claimRowid: number, names: readonly string[]): void;
}

const nocase = (name: string) => name.replace(/[A-Z]+/g, (m) => m.toLowerCase());

export function tagWriter(db: DB): TagWriter {
  const known = new Map<string, number>();
  for (const t of all<{ rowid: number; name: string }>(db, sql`SELECT rowid, name FROM tags`)) known.set(nocase(t.name), t.rowid);
  return {
    add(claimRowid, names) {
      const seen = new Set<string>();
      for (const name of names) {
        const lower = name.toLowerCase();
        if (seen.has(lower)) continue;
        seen.add(lower);
        let tag = known.get(nocase(name));
        if (tag === undefined) {
          tag = rowid(run(db, sql`INSERT INTO tags (name) VALUES (${name})`));
          known.set(nocase(name), tag);
        }
        run(db, sql`INSERT INTO claim_tags (claim_rowid, tag_rowid) VALUES (${claimRowid}, ${tag})`);
      }
    },
  };
}
