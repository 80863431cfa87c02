/**
 * Structured validation problems: what the contract answers for invalid input, so every caller can
 * place each problem at its field (forms), print it as `field: message` (CLI) or pass it on (HTTP)
 * without parsing message text.
 */
import type { z } from 'zod';

export interface ApiIssue {
  /** Where the problem is, from the input's top: ["quantity", "unit"], ["tags", "3"]; [] = the input as a whole. */
  path: string[];
  /** What is wrong, without the field name: "must not be empty". */
  message: string;
}

/** A field path given as "quantity.unit" or ["quantity", "unit"]; "" or [] is the input as a whole. */
export type IssuePath = string | readonly (string | number)[];

export function toPath(path: IssuePath): string[] {
  if (typeof path === 'string') return path === '' ? [] : path.split('.');
  return path.map(String);
}

export const issue = (path: IssuePath, message: string): ApiIssue => ({ path: toPath(path), message });

/** "quantity.unit", or "input" for the input as a whole. */
export const issueField = (i: ApiIssue): string => (i.path.length ? i.path.join('.') : 'input');

/** One line for people: "quantity.unit: must not be empty". */
export const formatIssue = (i: ApiIssue): string => `${issueField(i)}: ${i.message}`;

/** zod's issues as ApiIssues (paths as strings: array indexes become "3"). */
export function issuesOfZod(error: z.ZodError): ApiIssue[] {
  return error.issues.map((i) => issue(i.path.map(String), i.message));
}

/** Shape check for issues that crossed a transport (JSON): anything else is dropped. */
export function isApiIssue(v: unknown): v is ApiIssue {
  if (!v || typeof v !== 'object') return false;
  const o = v as { path?: unknown; message?: unknown };
  return Array.isArray(o.path) && o.path.every((p) => typeof p === 'string') && typeof o.message === 'string';
}

/** Whether an issue belongs to `field` ("tags.3" belongs to "tags"; "quantity.unit" to itself and to "quantity"). */
export function issueIsUnder(i: ApiIssue, field: string): boolean {
  const f = toPath(field);
  return f.length <= i.path.length && f.every((p, k) => i.path[k] === p);
}
