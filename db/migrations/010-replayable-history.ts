/**
 * Schema v10 (issue 14): every event carries the row changes its mutation made (`events.changes`,
 * db/records/changes.ts), so replaying the log rebuilds the case. The migration's `after` step writes
 * the existing state as `case.snapshot` events (db/records/snapshot.ts): the starting point from which
 * `verify` replays. Frozen: later changes go into a new migration.
 */
export const migration010 = `
ALTER TABLE events ADD COLUMN changes TEXT;
`;
