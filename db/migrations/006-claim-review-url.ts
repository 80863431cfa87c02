/**
 * Schema v6 (after 005): a claim's own ClaimReview URL (issue 16). The ClaimReview export writes
 * `url` as this when set, else the case's review base URL (setting `reviewBaseUrl`) + the claim's id.
 * Frozen: later changes go into a new migration.
 */
export const migration006 = `
ALTER TABLE claims ADD COLUMN review_url TEXT;
`;
