/**
 * A cheap exact check for the common, well-formed record of a bulk import (evidence: most of a large
 * file). It accepts only what the record's zod schema accepts and returns the same output; on
 * anything unusual or wrong it returns null and the caller runs the schema, which then words the
 * message. Equality with the schema is a property test (tests/core/transfer/quick-records.test.ts).
 */
import type { z } from 'zod';
import { CREDIBILITY } from '../grades';
import { normalizeText, textProblem } from '../text';
import { STANCES } from '../types';
import type { evidenceRecord } from './schemas';

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

const isId = (v: unknown) => typeof v === 'string' && v.length >= 1 && v.length <= 64;
const isTimestamp = (v: unknown) => typeof v === 'string' && TIMESTAMP.test(v);
const isLine = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown) => typeof v === 'string';

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
  const out: Record<string, unknown> = { key, claimKey, sourceKey, stance, excerpt, locator, credibility, weight, note };
  const fits =
    optional(out, r, 'id', isId) &&
    optional(out, r, 'createdAt', isTimestamp) &&
    optional(out, r, 'updatedAt', isTimestamp) &&
    optional(out, r, 'line', isLine) &&
    optional(out, r, 'record', isString);
  return fits ? (out as EvidenceOut) : null;
}
