/**
 * A local case that is a copy of a team case (issue 15, docs/team.md; version given in ./index.ts).
 * None of these tables is case state: they are the copy's bookkeeping, written only by sync.
 *
 * - team_link: which team case this file copies (at most one row) and this copy's client id.
 * - team_log: the team log as pulled and verified (each server row as it was), with the event's
 *   base (the team seq its author had seen) and client taken from its body for conflict checks.
 *   A local event whose id is in team_log is on the server; the others are the outbox.
 * - team_keys: the team key of each local row (its id, or the event and change that created it), so
 *   references travel by team key and land on this copy's own rowids.
 * Frozen: later changes go into a new migration.
 */
export const migrationTeamCopy = /* sql */ `
CREATE TABLE team_link (
  one        INTEGER PRIMARY KEY CHECK (one = 1),
  case_id    TEXT NOT NULL,
  name       TEXT NOT NULL,
  server     TEXT NOT NULL,
  client_id  TEXT NOT NULL,
  linked_at  TEXT NOT NULL
);
CREATE TABLE team_log (
  seq        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  author     TEXT NOT NULL,
  at         TEXT NOT NULL,
  kind       TEXT NOT NULL,
  body       TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL,
  base       INTEGER NOT NULL,
  client     TEXT NOT NULL
);
CREATE INDEX team_log_concurrent ON team_log (base, seq) WHERE base < seq - 1;
CREATE TABLE team_keys (
  tbl        TEXT NOT NULL,
  key        TEXT NOT NULL,
  local      INTEGER NOT NULL,
  PRIMARY KEY (tbl, key)
) WITHOUT ROWID;
CREATE INDEX team_keys_local ON team_keys (tbl, local);
`;
