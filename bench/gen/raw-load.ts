/**
 * The "raw" way to fill a case: prepared INSERTs in one transaction with the FTS insert triggers
 * set aside, then one FTS rebuild per table. It is the baseline for the JSON import row and the
 * fast path that builds the scale case once per run.
 */
import type { DB } from '../../db/sql';
import type { GenClaim, GenDispute, GenEvent, GenEvidence, GenSource, Sink } from './model';

export const FTS_TABLES = ['claims_fts', 'sources_fts', 'evidence_fts', 'disputes_fts'] as const;

export interface LoadCounts {
  sources: number;
  claims: number;
  evidence: number;
  disputes: number;
  events: number;
  tags: number;
}

export interface RawLoader extends Sink {
  counts: LoadCounts;
}

/** Prepared statements bound to one database; call inside a transaction. */
export function rawSink(db: DB): RawLoader {
  const ins = {
    source: db.prepare(`INSERT INTO sources (rowid, id, title, url, publisher, authors, published_at, accessed_at, kind,
      reliability, derived_from, origin, notes, created_at, updated_at) VALUES (@rowid, @id, @title, @url, @publisher,
      @authors, @published_at, @accessed_at, @kind, @reliability, @derived_from, @origin, @notes, @created_at, @updated_at)`),
    claim: db.prepare(`INSERT INTO claims (rowid, id, text, claimant, claimed_at, context, status, status_rationale, prior, override_p,
      override_rationale, notes, computed_p, probability, band, confidence, assessed, evidence_count, open_disputes, created_at,
      updated_at, deleted_at) VALUES (@rowid, @id, @text, @claimant, @claimed_at, @context, @status, @status_rationale, @prior, @override_p,
      @override_rationale, @notes, @computed_p, @probability, @band, @confidence, @assessed, @evidence_count, @open_disputes,
      @created_at, @updated_at, @deleted_at)`),
    evidence: db.prepare(`INSERT INTO evidence (rowid, id, claim_rowid, source_rowid, stance, excerpt, locator,
      credibility, weight, note, created_at, updated_at) VALUES (@rowid, @id, @claim_rowid, @source_rowid, @stance,
      @excerpt, @locator, @credibility, @weight, @note, @created_at, @updated_at)`),
    dispute: db.prepare(`INSERT INTO disputes (rowid, id, claim_rowid, raised_by, position, opened_at, status, resolution,
      resolved_at) VALUES (@rowid, @id, @claim_rowid, @raised_by, @position, @opened_at, @status, @resolution, @resolved_at)`),
    event: db.prepare(`INSERT INTO events (seq, id, at, actor, kind, entity_type, entity_id, claim_id, payload, rationale,
      prev_hash, hash) VALUES (@seq, @id, @at, @actor, @kind, @entity_type, @entity_id, @claim_id, @payload, @rationale,
      @prev_hash, @hash)`),
    tag: db.prepare('INSERT INTO tags (rowid, name) VALUES (?, ?)'),
    claimTag: db.prepare('INSERT OR IGNORE INTO claim_tags (claim_rowid, tag_rowid) VALUES (?, ?)'),
  };
  const tags = new Map<string, number>();
  const counts: LoadCounts = { sources: 0, claims: 0, evidence: 0, disputes: 0, events: 0, tags: 0 };
  return {
    counts,
    source(s: GenSource) {
      ins.source.run(s);
      counts.sources++;
    },
    claim(c: GenClaim, evidence: GenEvidence[], d: GenDispute | null) {
      const { tags: names, ...row } = c;
      ins.claim.run(row);
      counts.claims++;
      for (const name of names) {
        const key = name.toLowerCase();
        let t = tags.get(key);
        if (t === undefined) {
          t = tags.size + 1;
          tags.set(key, t);
          ins.tag.run(t, name);
          counts.tags++;
        }
        ins.claimTag.run(c.rowid, t);
      }
      for (const e of evidence) ins.evidence.run(e);
      counts.evidence += evidence.length;
      if (d) {
        ins.dispute.run(d);
        counts.disputes++;
      }
    },
    event(e: GenEvent) {
      ins.event.run(e);
      counts.events++;
    },
  };
}

/** Runs `fill` in one transaction with the FTS insert triggers removed, then rebuilds every index. */
export function rawBulkLoad<T>(db: DB, fill: () => T): T {
  return db.transaction(() => {
    const triggers = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fts\\_ai' ESCAPE '\\'")
      .all() as { name: string; sql: string }[];
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name.replace(/"/g, '')}"`);
    const out = fill();
    for (const t of triggers) db.exec(t.sql);
    for (const fts of FTS_TABLES) db.prepare(`INSERT INTO ${fts}(${fts}) VALUES ('rebuild')`).run();
    return out;
  })();
}
