/** Errors the data layer raises on purpose; the transports turn them into clear messages. */
import type { ApiErrorCode } from '../core/api';
import { formatIssue, issue, type ApiIssue, type IssuePath } from '../core/issues';

export class CaseError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiIssue[],
  ) {
    super(message);
    this.name = 'CaseError';
  }
}

export class CaseFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'CaseFileError';
  }
}

export const notFound = (what: string, id: string) => new CaseError('not_found', `${what} ${id} was not found`);
export const conflict = (message: string) => new CaseError('conflict', message);

/**
 * Refused input. With a field (`invalid('rationale', 'needs a rationale')`, or a path such as
 * `['evidenceIds', 2]`) the error carries one issue at that field and reads "rationale: needs a
 * rationale"; with only a message it is about the input as a whole (no issue).
 */
export function invalid(message: string): CaseError;
export function invalid(field: IssuePath, message: string): CaseError;
export function invalid(a: IssuePath, b?: string): CaseError {
  if (b === undefined) return new CaseError('invalid', String(a));
  const one = issue(a, b);
  return new CaseError('invalid', formatIssue(one), [one]);
}

/** Refused input with several issues (e.g. a stored record that fails its schema), and a message for them all. */
export const invalidIssues = (message: string, issues: ApiIssue[]) => new CaseError('invalid', message, issues);

/**
 * Runs `fn` as the part of a larger input found at `prefix` (e.g. a new claim's `firstEvidence`):
 * an invalid-input refusal from it names its fields from the top of that larger input.
 */
export function within<T>(prefix: IssuePath, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof CaseError) || !e.issues?.length) throw e;
    const at = issue(prefix, '').path;
    const issues = e.issues.map((i) => ({ path: [...at, ...i.path], message: i.message }));
    throw new CaseError(e.code, issues.length === 1 ? formatIssue(issues[0]!) : e.message, issues);
  }
}
