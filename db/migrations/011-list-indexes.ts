/**
 * The claim list at a million claims (issue 17.3; its version number is given in ./index.ts): one
 * index per order of `claims.list` so a page is read in order from an index and stops after `limit`
 * rows, and covering indexes for the counts of the status and band filters. The ORDER BY texts in
 * db/repos/claims.ts (`listClaims`) match these expressions exactly; tests/db/list-plan.test.ts checks
 * the plans. "By probability" keeps not-checkable claims last in both directions, so each direction
 * has its own leading expression. `claims_live_updated` (deleted_at, updated_at) exists since v1.
 * Frozen: later changes go into a new migration.
 */
export const migrationListIndexes = /* sql */ `
CREATE INDEX claims_live_created ON claims (deleted_at, created_at);
CREATE INDEX claims_live_p_asc ON claims (deleted_at, kind = 'not-checkable', probability);
CREATE INDEX claims_live_p_desc ON claims (deleted_at, kind <> 'not-checkable', probability);
CREATE INDEX claims_live_text ON claims (deleted_at, text COLLATE NOCASE);
CREATE INDEX claims_live_status ON claims (deleted_at, status, band, kind);
CREATE INDEX claims_live_band ON claims (deleted_at, band, kind);
`;
