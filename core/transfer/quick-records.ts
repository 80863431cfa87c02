/**
 * A cheap exact check for the common, well-formed records of a bulk import (evidence and claims:
 * most of a large file). It accepts only what the record's zod schema accepts and returns the same output; on
 * anything unusual or wrong it returns null and the caller runs the schema, which then words the
 * message. Equality with the schema is a property test (tests/core/transfer/quick-records.test.ts).
 */
import type { z } from 'zod';
import { CREDIBILITY } from '../grades';
import { normalizeText, textProblem } from '../text';
import { CLAIM_STATUSES, OUTCOMES, STANCES, STATUSES_NEEDING_RATIONALE, type ClaimStatus } from '../types';
import { isStorableId, type claimRecord, type evidenceRecord } from './schemas';

const NO = Symbol('not the common shape');
type No = typeof NO;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

const isKey = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 200;

/** `text(max)`: a string within max, storable, NFC and trimmed; `dflt` when absent. */
function textOf(v: unknown, max: number, dflt: string): string | No {
  if (v === undefined) return dflt;
  if (typeof v !== 'string' || v.length > max || textProblem(v) !== null) return NO;
  return normalizeText(v).trim();
}

/** `nullable(optionalText(max))`: null when absent or null, else the text. */
function nullableText(v: unknown, max: number): string | null | No {
  return v === undefined || v === null ? null : textOf(v, max, '');
}

/** Copies an optional member as zod does: only when the input has the key, and only if it fits. */
function optional(out: Record<string, unknown>, r: Record<string, unknown>, k: string, ok: (v: unknown) => boolean): boolean {
  if (!(k in r)) return true;
  const v = r[k];
  if (v !== undefined && !ok(v)) return false;
  out[k] = v;
  return true;
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** `requiredText(max)`: the text, not empty once trimmed. */
function requiredTextOf(v: unknown, max: number): string | No {
  if (v === undefined) return NO;
  const t = textOf(v, max, '');
  return t === '' ? NO : t;
}

/** `nullable(s)` of a plain string schema: null when absent or null, the string when it fits. */
function nullableString(v: unknown, ok: (s: string) => boolean): string | null | No {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' && ok(v) ? v : NO;
}

/** `tags`: at most 100 tag names, each a required text of 100 without comma or line break. */
function tagsOf(v: unknown): string[] | No {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > 100) return NO;
  const out: string[] = [];
  for (const t of v) {
    const name = requiredTextOf(t, 100);
    if (name === NO || /[,\n]/.test(name)) return NO;
    out.push(name);
  }
  return out;
}

const isId = (v: unknown) => typeof v === 'string' && isStorableId(v);
const isTimestamp = (v: unknown) => typeof v === 'string' && TIMESTAMP.test(v);
const isLine = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown) => typeof v === 'string';

/** The optional members both records share: id, timestamps and the place in the file. */
const withOptionals = (out: Record<string, unknown>, r: Record<string, unknown>) =>
  optional(out, r, 'id', isId) &&
  optional(out, r, 'createdAt', isTimestamp) &&
  optional(out, r, 'updatedAt', isTimestamp) &&
  optional(out, r, 'line', isLine) &&
  optional(out, r, 'record', isString);

export type EvidenceOut = z.output<typeof evidenceRecord>;

export function quickEvidence(r: Record<string, unknown>): EvidenceOut | null {
  const { key, claimKey, sourceKey, stance } = r;
  if (!isKey(key) || !isKey(claimKey) || !isKey(sourceKey)) return null;
  if (typeof stance !== 'string' || !(STANCES as readonly string[]).includes(stance)) return null;
  const credibility = r.credibility === undefined ? 6 : r.credibility;
  if (typeof credibility !== 'number' || !(CREDIBILITY as readonly number[]).includes(credibility)) return null;
  const weight = r.weight === undefined ? 1 : r.weight;
  if (typeof weight !== 'number' || !(weight >= 0 && weight <= 2)) return null;
  const excerpt = textOf(r.excerpt, 50_000, '');
  const locator = nullableText(r.locator, 500);
  const note = textOf(r.note, 20_000, '');
  if (excerpt === NO || locator === NO || note === NO) return null;
  if (r.attribution !== undefined && r.attribution !== false) return null; // marked items go through zod
  if (r.independentOf !== undefined && !(Array.isArray(r.independentOf) && r.independentOf.length === 0)) return null;
  const out: Record<string, unknown> = { key, claimKey, sourceKey, stance, excerpt, locator, credibility, weight, note, attribution: false, independentOf: [] };
  return withOptionals(out, r) ? (out as EvidenceOut) : null;
}

export type ClaimOut = z.output<typeof claimRecord>;

/** Facts without override, quantity or outcome details (the rest go through zod). */
export function quickClaim(r: Record<string, unknown>): ClaimOut | null {
  const { key } = r;
  if (!isKey(key)) return null;
  const status = r.status === undefined ? 'unverified' : r.status;
  if (typeof status !== 'string' || !(CLAIM_STATUSES as readonly string[]).includes(status)) return null;
  const outcome = r.outcome === undefined || r.outcome === null ? null : r.outcome;
  if (outcome !== null && !(typeof outcome === 'string' && (OUTCOMES as readonly string[]).includes(outcome))) return null;
  const prior = r.prior === undefined ? 0.5 : r.prior;
  if (typeof prior !== 'number' || !(prior > 0 && prior < 1)) return null;
  if ((r.override !== undefined && r.override !== null) || (r.quantity !== undefined && r.quantity !== null)) return null;
  // Kinds other than fact, outcome details and a review URL go through zod.
  if ((r.kind !== undefined && r.kind !== 'fact') || [r.kindRationale, r.outcomeAt, r.outcomeNote, r.reviewUrl].some((v) => v !== undefined && v !== null))
    return null;
  const text = requiredTextOf(r.text, 20_000);
  const claimant = nullableText(r.claimant, 500);
  const claimedAt = nullableString(r.claimedAt, (s) => ISO_DATE.test(s));
  const context = nullableText(r.context, 2_000);
  const statusRationale = nullableText(r.statusRationale, 20_000);
  const notes = textOf(r.notes, 100_000, '');
  const tags = tagsOf(r.tags);
  const deletedAt = nullableString(r.deletedAt, (s) => TIMESTAMP.test(s));
  if (text === NO || claimant === NO || claimedAt === NO || context === NO || statusRationale === NO || notes === NO || tags === NO || deletedAt === NO)
    return null;
  if (STATUSES_NEEDING_RATIONALE.includes(status as ClaimStatus) && !statusRationale) return null;
  const out: Record<string, unknown> = {
    key, text, claimant, claimedAt, context, status, statusRationale, outcome, prior, override: null, notes, quantity: null, tags, deletedAt,
    kind: 'fact', kindRationale: null, outcomeAt: null, outcomeNote: null, reviewUrl: null,
  };
  return withOptionals(out, r) ? (out as ClaimOut) : null;
}
