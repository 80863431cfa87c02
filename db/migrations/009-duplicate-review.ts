/**
 * The duplicate review queue (issue 18.3; its version number is given in ./index.ts):
 *
 * - merges: one claim or source merged into another (the survivor). `moved` (JSON) lists exactly what
 *   the merge changed and each changed row's values before it (evidence re-pointed, disputes, links
 *   re-pointed or dropped, tags added, lineage, captures, quote anchors, the two rows' timestamps), so
 *   that an un-merge puts every row back as it was; `undone_at` is set by the un-merge. At most one
 *   live merge per merged row.
 * - duplicate_verdicts: pairs the analyst reviewed and kept apart, "not-duplicate" or "keep-both"
 *   (a_rowid < b_rowid); the queue never offers them again.
 * Rowids stay inside the database; the service names both sides by their text ids.
 * Frozen: later changes go into a new migration.
 */
export const migrationDuplicates = /* sql */ `
CREATE TABLE merges (
  rowid          INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  entity         TEXT NOT NULL CHECK (entity IN ('claim','source')),
  survivor_rowid INTEGER NOT NULL,
  merged_rowid   INTEGER NOT NULL,
  reason         TEXT NOT NULL DEFAULT '',
  score          REAL,
  moved          TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  undone_at      TEXT,
  CHECK (survivor_rowid <> merged_rowid)
) STRICT;
CREATE UNIQUE INDEX merges_live ON merges (entity, merged_rowid) WHERE undone_at IS NULL;
CREATE INDEX merges_survivor ON merges (entity, survivor_rowid);

CREATE TABLE duplicate_verdicts (
  entity     TEXT NOT NULL CHECK (entity IN ('claim','source')),
  a_rowid    INTEGER NOT NULL,
  b_rowid    INTEGER NOT NULL,
  verdict    TEXT NOT NULL CHECK (verdict IN ('not-duplicate','keep-both')),
  rationale  TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (entity, a_rowid, b_rowid),
  CHECK (a_rowid < b_rowid)
) STRICT, WITHOUT ROWID;
`;
