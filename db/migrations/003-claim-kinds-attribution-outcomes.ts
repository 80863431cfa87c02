/**
 * Schema v3 (issue 11): claim kinds, attribution, copy marks and outcomes apart from verdicts.
 *
 * - claims.kind (fact | forecast | not-checkable; existing claims are facts) and kind_rationale;
 * - claims.assessed: some evidence counts (else the stored probability is only the prior). Before v3
 *   every supporting or refuting item with a weight above 0 counted, so that is what it starts as;
 * - claims.outcome_at / outcome_note: what happened, when, recorded apart from the status;
 * - sources.speaks_for: whom the source speaks for (its statements attribute, not corroborate);
 * - evidence.attribution: the analyst marked the item as only showing that the claim was made;
 * - evidence_independent: pairs of evidence items the analyst declared independent despite
 *   near-identical wording (a_rowid < b_rowid).
 * Frozen: later changes go into a new migration.
 */
export const migration003 = /* sql */ `
ALTER TABLE claims ADD COLUMN kind TEXT NOT NULL DEFAULT 'fact' CHECK (kind IN ('fact','forecast','not-checkable'));
ALTER TABLE claims ADD COLUMN kind_rationale TEXT;
ALTER TABLE claims ADD COLUMN assessed INTEGER NOT NULL DEFAULT 0 CHECK (assessed IN (0, 1));
ALTER TABLE claims ADD COLUMN outcome_at TEXT;
ALTER TABLE claims ADD COLUMN outcome_note TEXT;
ALTER TABLE sources ADD COLUMN speaks_for TEXT;
ALTER TABLE evidence ADD COLUMN attribution INTEGER NOT NULL DEFAULT 0 CHECK (attribution IN (0, 1));
CREATE TABLE evidence_independent (
  a_rowid    INTEGER NOT NULL REFERENCES evidence (rowid) ON DELETE CASCADE,
  b_rowid    INTEGER NOT NULL REFERENCES evidence (rowid) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (a_rowid, b_rowid),
  CHECK (a_rowid < b_rowid)
) STRICT, WITHOUT ROWID;
CREATE INDEX evidence_independent_b ON evidence_independent (b_rowid);
UPDATE claims SET assessed = EXISTS (
  SELECT 1 FROM evidence e WHERE e.claim_rowid = claims.rowid AND e.stance <> 'context' AND e.weight > 0
);
`;
