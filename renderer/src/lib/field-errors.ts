/**
 * Splits an API error into messages per form field, so each shows next to its control. The API names
 * the field in every invalid-input issue ("quantity.unit: must not be empty") and in the handlers'
 * own refusals ("rationale: changing the status … needs a rationale").
 */

export interface FieldErrors {
  /** field path (as the API names it, e.g. "prior", "quantity.asOf") → what is wrong */
  byField: Record<string, string>;
  /** what no listed field claims: shown for the whole form */
  rest: string | null;
}

function linesOf(e: unknown): string[] {
  if (!(e instanceof Error)) return [String(e)];
  const issues = (e as { issues?: unknown }).issues;
  return Array.isArray(issues) && issues.length ? issues.map(String) : [e.message];
}

export function fieldErrors(e: unknown, fields: readonly string[]): FieldErrors {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const line of linesOf(e)) {
    const at = line.indexOf(': ');
    const path = at > 0 ? line.slice(0, at) : '';
    // The most precise listed field: "tags.3" belongs to "tags", "quantity.unit" to itself if listed.
    const field = fields.filter((f) => path === f || path.startsWith(`${f}.`)).sort((a, b) => b.length - a.length)[0];
    const what = line.slice(at + 2);
    if (field) byField[field] = byField[field] ? `${byField[field]}; ${what}` : what;
    else rest.push(line);
  }
  return { byField, rest: rest.length ? rest.join('; ') : null };
}
