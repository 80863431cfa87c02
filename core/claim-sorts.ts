/**
 * The orders a claim list can be sorted in, defined once (issue 14.5): the contract's `claims.list`
 * input, the SQL columns (db/repos/claims.ts), the renderer's "Sort by" menu and the CLI's `--sort`
 * all take them from here.
 */
export const CLAIM_SORTS = ['updated', 'created', 'probability', 'text', 'claimant', 'status', 'claimedAt'] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

/** How each order is named in a menu. */
export const CLAIM_SORT_LABELS: Record<ClaimSort, string> = {
  updated: 'Last updated',
  created: 'Created',
  probability: 'Probability',
  text: 'Claim text',
  claimant: 'Claimant',
  status: 'Status',
  claimedAt: 'Date claimed',
};
