/**
 * Full-fidelity inserts for imports: ids, timestamps, verdicts and overrides exactly as the file has them;
 * the clock is read only for a record without its own creation time.
 */
import { computeConfidence } from '../../core/confidence';
import { bandOf } from '../../core/estimative';
import type { BundleBriefing, BundleClaim, BundleEvidence, BundleSource } from '../../core/transfer/types';
import { all, run, sql, type DB } from '../sql';

const rowid = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid);

export function insertFullClaim(db: DB, c: BundleClaim, id: string, now: () => string): number {
  const created = c.createdAt ?? now();
  const q = c.quantity;
  const model = computeConfidence(c.prior, []);
  const p = c.override?.probability ?? model.probability;
  return rowid(
    run(
      db,
      sql`INSERT INTO claims (id, text, claimant, claimed_at, context, status, status_rationale, outcome, outcome_at,
            outcome_note, kind, kind_rationale, prior,
            override_p, override_rationale, notes, qty_value, qty_unit, qty_scope, qty_as_of,
            computed_p, probability, band, confidence, created_at, updated_at, deleted_at, review_url)
          VALUES (${id}, ${c.text}, ${c.claimant}, ${c.claimedAt}, ${c.context}, ${c.status}, ${c.statusRationale},
            ${c.outcome}, ${c.outcome === null ? null : (c.outcomeAt ?? null)}, ${c.outcome === null ? null : (c.outcomeNote ?? null)},
            ${c.kind ?? 'fact'}, ${c.kindRationale ?? null}, ${c.prior}, ${c.override?.probability ?? null}, ${c.override?.rationale ?? null}, ${c.notes},
            ${q?.value ?? null}, ${q?.unit ?? null}, ${q?.scope ?? null}, ${q?.asOf ?? null},
            ${model.probability}, ${p}, ${bandOf(p)}, ${model.confidence},
            ${created}, ${c.updatedAt ?? created}, ${c.deletedAt ?? null}, ${c.reviewUrl ?? null})`,
    ),
  );
}

/** Lineage (derived_from, origin) is set afterwards, once every source of the file has a row. */
export function insertFullSource(db: DB, s: BundleSource, id: string, now: () => string): number {
  const created = s.createdAt ?? now();
  return rowid(
    run(
      db,
      sql`INSERT INTO sources (id, title, url, publisher, authors, published_at, accessed_at, kind, reliability,
            doi, notes, file_sha256, csl, speaks_for, created_at, updated_at, deleted_at)
          VALUES (${id}, ${s.title}, ${s.url}, ${s.publisher}, ${JSON.stringify(s.authors)}, ${s.publishedAt},
            ${s.accessedAt}, ${s.kind}, ${s.reliability}, ${s.doi}, ${s.notes}, ${s.fileSha256},
            ${s.csl ? JSON.stringify(s.csl) : null}, ${s.speaksFor ?? null}, ${created}, ${s.updatedAt ?? created}, ${s.deletedAt ?? null})`,
    ),
  );
}

export function insertFullEvidence(db: DB, e: BundleEvidence, id: string, claimRowid: number, sourceRowid: number, now: () => string): number {
  const created = e.createdAt ?? now();
  return rowid(
    run(
      db,
      sql`INSERT INTO evidence (id, claim_rowid, source_rowid, stance, excerpt, locator, credibility, weight, note,
            attribution, created_at, updated_at)
          VALUES (${id}, ${claimRowid}, ${sourceRowid}, ${e.stance}, ${e.excerpt}, ${e.locator}, ${e.credibility},
            ${e.weight}, ${e.note}, ${e.attribution ? 1 : 0}, ${created}, ${e.updatedAt ?? created})`,
    ),
  );
}

export function insertBriefing(db: DB, b: BundleBriefing): void {
  run(
    db,
    sql`INSERT INTO briefings (id, title, selection, selection_key, markdown, snapshot, created_at)
        VALUES (${b.id}, ${b.title}, ${b.selection}, ${b.selectionKey}, ${b.markdown}, ${b.snapshot}, ${b.createdAt})`,
  );
}

export function insertFullDispute(
  db: DB,
  d: {
    id: string;
    claimRowid: number;
    raisedBy: string;
    position: string;
    openedAt: string;
    status: string;
    resolution: string | null;
    resolvedAt: string | null;
    outcome?: string | null;
  },
): number {
  return rowid(
    run(
      db,
      sql`INSERT INTO disputes (id, claim_rowid, raised_by, position, opened_at, status, resolution, resolved_at, outcome)
          VALUES (${d.id}, ${d.claimRowid}, ${d.raisedBy}, ${d.position}, ${d.openedAt}, ${d.status}, ${d.resolution}, ${d.resolvedAt}, ${d.outcome ?? null})`,
    ),
  );
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
