/** Schema v1: the case file of DESIGN §2. Integer rowids stay internal; text ids go outside. */
export const initialSchema = /* sql */ `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE claims (
  rowid         INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  text          TEXT NOT NULL CHECK (length(text) > 0),
  claimant      TEXT,
  claimed_at    TEXT,
  context       TEXT,
  status        TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN
                  ('unverified','under review','supported','disputed','refuted','mixed','unresolvable')),
  status_rationale TEXT,
  outcome       TEXT CHECK (outcome IN ('true','false')),
  prior         REAL NOT NULL DEFAULT 0.5 CHECK (prior > 0 AND prior < 1),
  override_p    REAL CHECK (override_p > 0 AND override_p < 1),
  override_rationale TEXT,
  notes         TEXT NOT NULL DEFAULT '',
  qty_value     REAL,
  qty_unit      TEXT,
  qty_scope     TEXT,
  qty_as_of     TEXT,
  computed_p    REAL NOT NULL DEFAULT 0.5,
  probability   REAL NOT NULL DEFAULT 0.5,
  band          TEXT NOT NULL DEFAULT 'roughly even chance',
  confidence    TEXT NOT NULL DEFAULT 'low',
  evidence_count INTEGER NOT NULL DEFAULT 0,
  open_disputes INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
) STRICT;
CREATE INDEX claims_live_updated ON claims (deleted_at, updated_at);
CREATE INDEX claims_probability ON claims (probability);
CREATE INDEX claims_status ON claims (status);
CREATE INDEX claims_claimant ON claims (claimant COLLATE NOCASE);

CREATE TABLE tags (
  rowid INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE COLLATE NOCASE
) STRICT;

CREATE TABLE claim_tags (
  claim_rowid INTEGER NOT NULL REFERENCES claims (rowid) ON DELETE CASCADE,
  tag_rowid   INTEGER NOT NULL REFERENCES tags (rowid) ON DELETE CASCADE,
  PRIMARY KEY (claim_rowid, tag_rowid)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_tags_tag ON claim_tags (tag_rowid, claim_rowid);

CREATE TABLE sources (
  rowid        INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  title        TEXT NOT NULL CHECK (length(title) > 0),
  url          TEXT,
  publisher    TEXT,
  authors      TEXT NOT NULL DEFAULT '[]',
  published_at TEXT,
  accessed_at  TEXT,
  kind         TEXT NOT NULL DEFAULT 'other',
  reliability  TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A','B','C','D','E','F')),
  derived_from INTEGER REFERENCES sources (rowid),
  origin       INTEGER,
  doi          TEXT,
  notes        TEXT NOT NULL DEFAULT '',
  file_sha256  TEXT,
  csl          TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
) STRICT;
CREATE INDEX sources_derived ON sources (derived_from);
CREATE INDEX sources_url ON sources (url);
CREATE INDEX sources_doi ON sources (doi);

CREATE TABLE evidence (
  rowid        INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  claim_rowid  INTEGER NOT NULL REFERENCES claims (rowid),
  source_rowid INTEGER NOT NULL REFERENCES sources (rowid),
  stance       TEXT NOT NULL CHECK (stance IN ('supports','refutes','context')),
  excerpt      TEXT NOT NULL DEFAULT '',
  locator      TEXT,
  credibility  INTEGER NOT NULL DEFAULT 6 CHECK (credibility BETWEEN 1 AND 6),
  weight       REAL NOT NULL DEFAULT 1 CHECK (weight >= 0 AND weight <= 2),
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX evidence_claim ON evidence (claim_rowid);
CREATE INDEX evidence_source ON evidence (source_rowid);

CREATE TABLE disputes (
  rowid       INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  claim_rowid INTEGER NOT NULL REFERENCES claims (rowid),
  raised_by   TEXT NOT NULL,
  position    TEXT NOT NULL,
  opened_at   TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
  resolution  TEXT,
  resolved_at TEXT
) STRICT;
CREATE INDEX disputes_claim ON disputes (claim_rowid);

CREATE TABLE dispute_evidence (
  dispute_rowid  INTEGER NOT NULL REFERENCES disputes (rowid),
  evidence_rowid INTEGER NOT NULL REFERENCES evidence (rowid) ON DELETE CASCADE,
  PRIMARY KEY (dispute_rowid, evidence_rowid)
) STRICT, WITHOUT ROWID;

CREATE TABLE dispute_responses (
  rowid         INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  dispute_rowid INTEGER NOT NULL REFERENCES disputes (rowid),
  author        TEXT NOT NULL,
  text          TEXT NOT NULL,
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX dispute_responses_dispute ON dispute_responses (dispute_rowid);

CREATE TABLE claim_links (
  rowid      INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  from_rowid INTEGER NOT NULL REFERENCES claims (rowid),
  to_rowid   INTEGER NOT NULL REFERENCES claims (rowid),
  kind       TEXT NOT NULL CHECK (kind IN ('depends-on','contradicts','duplicate-of','part-of')),
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CHECK (from_rowid <> to_rowid),
  UNIQUE (from_rowid, to_rowid, kind)
) STRICT;
CREATE INDEX claim_links_to ON claim_links (to_rowid);

CREATE TABLE briefings (
  rowid      INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  title      TEXT NOT NULL,
  selection  TEXT NOT NULL,
  selection_key TEXT NOT NULL,
  markdown   TEXT NOT NULL,
  snapshot   TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX briefings_selection ON briefings (selection_key, created_at);

-- The dispute history: append-only, hash-chained.
CREATE TABLE events (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  kind        TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  claim_id    TEXT,
  payload     TEXT NOT NULL,
  rationale   TEXT,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
) STRICT;
CREATE INDEX events_claim ON events (claim_id, seq);
CREATE INDEX events_entity ON events (entity_id, seq);

CREATE TABLE chain_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the history is append-only: events cannot be changed'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the history is append-only: events cannot be deleted'); END;
CREATE TRIGGER events_head AFTER INSERT ON events
BEGIN INSERT OR REPLACE INTO chain_head (id, seq, hash) VALUES (1, NEW.seq, NEW.hash); END;

-- Full-text search: external-content FTS5 tables kept in sync by triggers.
CREATE VIRTUAL TABLE claims_fts USING fts5(
  text, claimant, notes, context,
  content='claims', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE sources_fts USING fts5(
  title, publisher, authors, notes,
  content='sources', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE evidence_fts USING fts5(
  excerpt, note, locator,
  content='evidence', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE disputes_fts USING fts5(
  position, resolution, raised_by,
  content='disputes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
`;

export interface FtsSpec {
  table: 'claims' | 'sources' | 'evidence' | 'disputes';
  columns: string[];
}

/** The four indexed tables and their columns (exported for bulk imports that index in one pass). */
export const FTS: readonly FtsSpec[] = [
  { table: 'claims', columns: ['text', 'claimant', 'notes', 'context'] },
  { table: 'sources', columns: ['title', 'publisher', 'authors', 'notes'] },
  { table: 'evidence', columns: ['excerpt', 'note', 'locator'] },
  { table: 'disputes', columns: ['position', 'resolution', 'raised_by'] },
];

/** Sync triggers, only on the indexed columns so that counter updates do not touch the index. */
function ftsTriggers(spec: FtsSpec): string {
  const { table, columns } = spec;
  const cols = columns.join(', ');
  const oldVals = columns.map((c) => `old.${c}`).join(', ');
  const newVals = columns.map((c) => `new.${c}`).join(', ');
  return `
${ftsInsertTrigger(spec)}
CREATE TRIGGER ${table}_fts_ad AFTER DELETE ON ${table} BEGIN
  INSERT INTO ${table}_fts (${table}_fts, rowid, ${cols}) VALUES ('delete', old.rowid, ${oldVals});
END;
CREATE TRIGGER ${table}_fts_au AFTER UPDATE OF ${cols} ON ${table} BEGIN
  INSERT INTO ${table}_fts (${table}_fts, rowid, ${cols}) VALUES ('delete', old.rowid, ${oldVals});
  INSERT INTO ${table}_fts (rowid, ${cols}) VALUES (new.rowid, ${newVals});
END;`;
}

/**
 * The insert trigger of one FTS table, exactly as this migration creates it: bulk imports drop it inside
 * their transaction, index the new rows in one statement, and recreate it from this text.
 */
export function ftsInsertTrigger({ table, columns }: FtsSpec): string {
  const cols = columns.join(', ');
  const newVals = columns.map((c) => `new.${c}`).join(', ');
  return `CREATE TRIGGER ${table}_fts_ai AFTER INSERT ON ${table} BEGIN
  INSERT INTO ${table}_fts (rowid, ${cols}) VALUES (new.rowid, ${newVals});
END;`;
}

export const FTS_TABLES = FTS.map((f) => `${f.table}_fts`);

export const migration001 = initialSchema + FTS.map(ftsTriggers).join('\n');
