/**
 * What a form's text boxes hold → what the contract takes, for the values people type loosely:
 * dates (core/input/dates.ts) and addresses (core/input/urls.ts). Empty means "none".
 */
import { parseDate } from '../../../core/input/dates';
import { completeUrl } from '../../../core/input/urls';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

export function readDate(typed: string): Read<string | null> {
  if (!typed.trim()) return { ok: true, value: null };
  const r = parseDate(typed);
  return r.ok ? { ok: true, value: r.iso } : { ok: false, message: r.message };
}

export function readUrl(typed: string): Read<string | null> {
  if (!typed.trim()) return { ok: true, value: null };
  const r = completeUrl(typed);
  return r.ok ? { ok: true, value: r.url } : { ok: false, message: r.message };
}

/** Collects the problems of several reads under their field paths; `value` is what was read. */
export class FormReader {
  readonly errors: Record<string, string> = {};
  read<T>(field: string, r: Read<T>): T | undefined {
    if (r.ok) return r.value;
    this.errors[field] = r.message;
    return undefined;
  }
  fail(field: string, message: string): void {
    this.errors[field] = message;
  }
  get failed(): boolean {
    return Object.keys(this.errors).length > 0;
  }
}

/** Errors keyed "firstEvidence.newSource.title" → the part's own keys ("title"). */
export function scopedErrors(byField: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(byField)) if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = v;
  return out;
}

/** A part's field names under a prefix, for placing the API's issues. */
export const prefixed = (prefix: string, fields: readonly string[]) => fields.map((f) => `${prefix}.${f}`);

/** The other way: a part's errors ("weight") under its prefix ("firstEvidence.weight"). */
export function withPrefix(prefix: string, byField: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(byField).map(([k, v]) => [`${prefix}.${k}`, v]));
}
