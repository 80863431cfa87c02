/**
 * Places an API error's issues at the form's fields. The API answers invalid input with structured
 * issues ({ path, message }, core/issues.ts); nothing here reads message text to find a field.
 */
import { formatIssue, isApiIssue, issueIsUnder, type ApiIssue } from '../../../core/issues';

export interface FieldErrors {
  /** field path (as the API names it, e.g. "prior", "quantity.asOf") → what is wrong */
  byField: Record<string, string>;
  /** what no listed field claims: shown for the whole form */
  rest: string | null;
}

export const NO_ERRORS: FieldErrors = { byField: {}, rest: null };

function issuesOf(e: unknown): ApiIssue[] {
  const issues = e instanceof Error ? (e as { issues?: unknown }).issues : undefined;
  return Array.isArray(issues) ? issues.filter(isApiIssue) : [];
}

/** Splits issues among `fields`: each goes to the most precise listed field it lies under ("tags.3" → "tags"). */
export function placeIssues(issues: readonly ApiIssue[], fields: readonly string[]): FieldErrors {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const i of issues) {
    const field = fields.filter((f) => issueIsUnder(i, f)).sort((a, b) => b.length - a.length)[0];
    if (field) byField[field] = byField[field] ? `${byField[field]}; ${i.message}` : i.message;
    else rest.push(formatIssue(i));
  }
  return { byField, rest: rest.length ? rest.join('; ') : null };
}

/** An error from api.call split per field; an error without issues is all `rest` (its message). */
export function fieldErrors(e: unknown, fields: readonly string[]): FieldErrors {
  const issues = issuesOf(e);
  if (!issues.length) return { byField: {}, rest: e instanceof Error ? e.message : String(e) };
  return placeIssues(issues, fields);
}

