/**
 * The claim form's text boxes ↔ the contract's claim fields. Only what the API cannot see (a number
 * box holding no number) is checked here; everything else is left to the API's own validation.
 */
import type { Claim, ClaimKind } from '../../../core/types';
import { FormReader, readDate } from './form-input';
import { parseTags } from './tags';

export interface ClaimDraft {
  text: string;
  claimant: string;
  claimedAt: string;
  context: string;
  tags: string;
  /** percentage, e.g. "50" */
  prior: string;
  notes: string;
  qtyValue: string;
  qtyUnit: string;
  qtyScope: string;
  qtyAsOf: string;
  kind: ClaimKind;
  /** Why the claim is of its kind (required for not-checkable). */
  kindRationale: string;
}

/** Field paths as the API names them in its messages. */
export const CLAIM_FIELDS = ['kind', 'kindRationale', 'text', 'claimant', 'claimedAt', 'context', 'tags', 'prior', 'notes', 'quantity', 'quantity.value', 'quantity.unit', 'quantity.scope', 'quantity.asOf'] as const;

const percent = (p: number) => String(Math.round(p * 1000) / 10);

export function draftOf(claim?: Claim): ClaimDraft {
  const q = claim?.quantity;
  return {
    text: claim?.text ?? '',
    claimant: claim?.claimant ?? '',
    claimedAt: claim?.claimedAt ?? '',
    context: claim?.context ?? '',
    tags: claim?.tags.join(', ') ?? '',
    prior: percent(claim?.prior ?? 0.5),
    notes: claim?.notes ?? '',
    qtyValue: q ? String(q.value) : '',
    qtyUnit: q?.unit ?? '',
    qtyScope: q?.scope ?? '',
    qtyAsOf: q?.asOf ?? '',
    kind: claim?.kind ?? 'fact',
    kindRationale: claim?.kindRationale ?? '',
  };
}

function number(s: string): number | null {
  const t = s.trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : null;
}

export interface ClaimInput {
  text: string;
  claimant: string | null;
  claimedAt: string | null;
  context: string | null;
  tags: string[];
  /** absent when the box still shows the claim's own prior (rounded for display) */
  prior?: number;
  notes: string;
  quantity: { value: number; unit: string; scope: string | null; asOf: string | null } | null;
  kind: ClaimKind;
  kindRationale: string | null;
}

/**
 * The input for claims.create / claims.update, or the problems to show per field. `original` (the
 * draft the edit started from) keeps an untouched prior as it is, not as rounded for display.
 */
export function claimInput(d: ClaimDraft, original?: ClaimDraft): { input: ClaimInput; errors: null } | { input: null; errors: Record<string, string> } {
  const r = new FormReader();
  const prior = number(d.prior);
  if (prior === null) r.fail('prior', 'must be a percentage such as 50 or 12.5');
  const claimedAt = r.read('claimedAt', readDate(d.claimedAt));
  const hasQuantity = [d.qtyValue, d.qtyUnit, d.qtyScope, d.qtyAsOf].some((s) => s.trim() !== '');
  const value = number(d.qtyValue);
  if (hasQuantity && value === null) r.fail('quantity.value', 'must be a number such as 1200 or 6.5 (no thousands separators)');
  const asOf = r.read('quantity.asOf', readDate(d.qtyAsOf));
  if (r.failed) return { input: null, errors: r.errors };
  const orNull = (s: string) => (s.trim() === '' ? null : s);
  return {
    errors: null,
    input: {
      text: d.text,
      claimant: orNull(d.claimant),
      claimedAt: claimedAt ?? null,
      context: orNull(d.context),
      tags: parseTags(d.tags),
      ...(original && d.prior === original.prior ? {} : { prior: prior! / 100 }),
      notes: d.notes,
      quantity: hasQuantity ? { value: value!, unit: d.qtyUnit, scope: orNull(d.qtyScope), asOf: asOf ?? null } : null,
      kind: d.kind,
      kindRationale: orNull(d.kindRationale),
    },
  };
}

/** An API message about the prior speaks of a probability (0–1); the form speaks of percentages. */
export function priorMessage(message: string | undefined, typed: string): string | undefined {
  if (!message) return undefined;
  const n = number(typed);
  return n === null ? message : `${message} (the prior is a probability: ${typed.trim()}% is ${n / 100}; give a percentage above 0 and below 100)`;
}
