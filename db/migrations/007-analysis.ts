/**
 * Schema v7 (after 006; provisional number, issue 18.1–2): structured analytic techniques.
 * ACH boards (hypotheses are claims, rows are evidence items, ratings per analyst), key assumptions
 * linked to the claims they underpin, and indicators of a claim. Frozen: later changes go into a new migration.
 */
export const migration007 = `
CREATE TABLE ach_boards (
  rowid      INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  title      TEXT NOT NULL CHECK (length(title) > 0),
  question   TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE ach_hypotheses (
  rowid       INTEGER PRIMARY KEY,
  board_rowid INTEGER NOT NULL REFERENCES ach_boards (rowid),
  claim_rowid INTEGER NOT NULL REFERENCES claims (rowid),
  label       TEXT NOT NULL CHECK (length(label) > 0),
  UNIQUE (board_rowid, claim_rowid)
) STRICT;

CREATE TABLE ach_rows (
  rowid          INTEGER PRIMARY KEY,
  board_rowid    INTEGER NOT NULL REFERENCES ach_boards (rowid),
  evidence_rowid INTEGER NOT NULL REFERENCES evidence (rowid),
  added          TEXT NOT NULL CHECK (added IN ('hypothesis','hand')),
  note           TEXT NOT NULL DEFAULT '',
  UNIQUE (board_rowid, evidence_rowid)
) STRICT;
CREATE INDEX ach_rows_evidence ON ach_rows (evidence_rowid);

CREATE TABLE ach_ratings (
  rowid            INTEGER PRIMARY KEY,
  row_rowid        INTEGER NOT NULL REFERENCES ach_rows (rowid),
  hypothesis_rowid INTEGER NOT NULL REFERENCES ach_hypotheses (rowid),
  analyst          TEXT NOT NULL CHECK (length(analyst) > 0),
  rating           TEXT NOT NULL CHECK (rating IN ('CC','C','N','I','II')),
  rated_at         TEXT NOT NULL,
  UNIQUE (row_rowid, hypothesis_rowid, analyst)
) STRICT;
CREATE INDEX ach_ratings_hypothesis ON ach_ratings (hypothesis_rowid);

CREATE TABLE assumptions (
  rowid       INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  text        TEXT NOT NULL CHECK (length(text) > 0),
  owner       TEXT NOT NULL DEFAULT '',
  likelihood  TEXT NOT NULL CHECK (likelihood IN ('high','medium','low')),
  impact      TEXT NOT NULL CHECK (impact IN ('high','medium','low')),
  state       TEXT NOT NULL DEFAULT 'held' CHECK (state IN ('held','failed')),
  failed_at   TEXT,
  failed_why  TEXT,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE assumption_claims (
  rowid            INTEGER PRIMARY KEY,
  assumption_rowid INTEGER NOT NULL REFERENCES assumptions (rowid),
  claim_rowid      INTEGER NOT NULL REFERENCES claims (rowid),
  UNIQUE (assumption_rowid, claim_rowid)
) STRICT;
CREATE INDEX assumption_claims_claim ON assumption_claims (claim_rowid);

CREATE TABLE indicators (
  rowid       INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  text        TEXT NOT NULL CHECK (length(text) > 0),
  claim_rowid INTEGER NOT NULL REFERENCES claims (rowid),
  direction   TEXT NOT NULL CHECK (direction IN ('supports','undercuts')),
  state       TEXT NOT NULL DEFAULT 'not-observed' CHECK (state IN ('not-observed','observed','contradicted')),
  observed_on TEXT,
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX indicators_claim ON indicators (claim_rowid);
`;
