import { z } from 'zod';
import { CLAIM_SORTS } from '../claim-sorts';
import { BANDS } from '../estimative';
import { OUTCOMES, type Claim, type ClaimDetail, type ClaimSummary, type Page } from '../types';
import { claimRecord } from '../records/records';
import { mutation, query } from './define';
import { inputFields } from './from-record';
import { evidenceFields } from './evidence';
import { sourceFields } from './sources';
import { id, isoDate, optionalText, paging, probability, rationale, requiredText, tagName, text, url } from './fields';

/** Status and kind: the declared values, with the contract's "must be one of: …" (core/contract/from-record.ts). */
const derived = inputFields(claimRecord, ['status', 'kind', 'status_rationale']);
const status = derived.status.unwrap();

const quantity = z.object({
  value: z.number().finite(),
  unit: requiredText(60),
  scope: optionalText(300),
  asOf: isoDate.nullish(),
});

/**
 * A claim's fields: text, claimant, notes, context, kind and kindRationale are derived from the
 * declaration (limits, nullability, defaults, values); dates, tags, the prior and the quantity have
 * shapes of their own. Kept in this order: a refused input's issues come in it.
 */
const plain = inputFields(claimRecord, ['text', 'claimant', 'notes', 'context', 'kind_rationale']);
const claimFields = {
  text: plain.text,
  claimant: plain.claimant,
  claimedAt: isoDate.nullish(),
  tags: z.array(tagName).max(100).optional(),
  prior: probability.optional(),
  notes: plain.notes,
  context: plain.context,
  quantity: quantity.nullish(),
  kind: derived.kind,
  /** Why the claim is of its kind; required for not-checkable. */
  kindRationale: plain.kindRationale,
};

/** The first evidence of a new claim: what it says, and its source, existing or new (exactly one). */
const firstEvidence = z
  .object({ ...evidenceFields, sourceId: id.optional(), newSource: z.object(sourceFields).optional() })
  .superRefine((v, ctx) => {
    if ((v.sourceId === undefined) === (v.newSource === undefined))
      ctx.addIssue({ code: 'custom', path: ['sourceId'], message: 'give the source: an existing sourceId or a newSource (one of them)' });
  });

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
  /**
   * A new claim; with `firstEvidence`, its first evidence item too — from an existing source
   * (`sourceId`) or a new one (`newSource`) — all in one transaction: nothing is kept if any part is refused.
   */
  'claims.create': mutation<Claim>()(
    z.object({ ...claimFields, status: derived.status, statusRationale: derived.statusRationale, firstEvidence: firstEvidence.optional() }),
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
      kind: claimFields.kind,
      kindRationale: claimFields.kindRationale,
      /** The claim's own ClaimReview URL (http or https), or null for the case's base URL + id. */
      reviewUrl: url.refine((u) => /^https?:/i.test(u), 'must be an http or https URL').nullish(),
    }),
  ),
  'claims.setStatus': mutation<Claim>()(
    z.object({ id, status, rationale: optionalText(20_000), outcome: z.enum(OUTCOMES).nullish() }),
  ),
  /**
   * What actually happened, apart from the verdict: a claim judged supported may turn out false.
   * `outcome: null` clears it. `at` is when it became known (default: today).
   */
  'claims.setOutcome': mutation<Claim>()(
    z.object({ id, outcome: z.enum(OUTCOMES).nullable(), at: isoDate.nullish(), note: optionalText(20_000) }),
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
