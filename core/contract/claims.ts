import { z } from 'zod';
import { BANDS } from '../estimative';
import { CLAIM_STATUSES, OUTCOMES, type Claim, type ClaimDetail, type ClaimSummary, type Page } from '../types';
import { mutation, query } from './define';
import { id, isoDate, optionalText, paging, probability, rationale, requiredText, tagName, text } from './fields';

const status = z.enum(CLAIM_STATUSES, { message: `must be one of: ${CLAIM_STATUSES.join(', ')}` });

const quantity = z.object({
  value: z.number().finite(),
  unit: requiredText(60),
  scope: optionalText(300),
  asOf: isoDate.nullish(),
});

const claimFields = {
  text: requiredText(20_000),
  claimant: optionalText(500),
  claimedAt: isoDate.nullish(),
  tags: z.array(tagName).max(100).optional(),
  prior: probability.optional(),
  notes: text(100_000).optional(),
  context: optionalText(2_000),
  quantity: quantity.nullish(),
};

export const CLAIM_SORTS = ['updated', 'created', 'probability', 'text', 'claimant', 'status', 'claimedAt'] as const;

export const claimListInput = z
  .object({
    ...paging,
    sort: z.enum(CLAIM_SORTS).default('updated'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    status: z.array(status).optional(),
    tag: tagName.optional(),
    band: z.array(z.enum(BANDS)).optional(),
    text: text(500).optional(),
    deleted: z.boolean().default(false),
  })
  .default({ offset: 0, limit: 100, sort: 'updated', direction: 'desc', deleted: false });

export const claimMethods = {
  'claims.create': mutation<Claim>()(
    z.object({ ...claimFields, status: status.optional(), statusRationale: optionalText(20_000) }),
  ),
  'claims.update': mutation<Claim>()(
    z.object({
      id,
      text: claimFields.text.optional(),
      claimant: claimFields.claimant,
      claimedAt: claimFields.claimedAt,
      tags: claimFields.tags,
      prior: claimFields.prior,
      notes: claimFields.notes,
      context: claimFields.context,
      quantity: claimFields.quantity,
    }),
  ),
  'claims.setStatus': mutation<Claim>()(
    z.object({ id, status, rationale: optionalText(20_000), outcome: z.enum(OUTCOMES).nullish() }),
  ),
  'claims.override': mutation<Claim>()(z.object({ id, probability, rationale })),
  'claims.clearOverride': mutation<Claim>()(z.object({ id, rationale })),
  'claims.delete': mutation<Claim>()(z.object({ id, rationale: optionalText(20_000) })),
  'claims.restore': mutation<Claim>()(z.object({ id })),
  'claims.get': query<ClaimDetail>()(z.object({ id })),
  'claims.list': query<Page<ClaimSummary>>()(claimListInput),
  /** Every live claim's id and text (for the quick-open palette and the similar-claim warning). */
  'claims.index': query<{ id: string; text: string; claimant: string | null }[]>()(z.object({}).default({})),
};
