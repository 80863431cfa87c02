/**
 * Schema v8 (after 007): a resolved dispute's outcome (issue 20.4): whether
 * the challenge was upheld, rejected or partly upheld. Disputes resolved before carry none (null:
 * "outcome not recorded"). Frozen: later changes go into a new migration.
 */
export const migration008 = `
ALTER TABLE disputes ADD COLUMN outcome TEXT CHECK (outcome IN ('upheld', 'rejected', 'partly'));
`;
