/**
 * Author names between ClaimTrail (one string per author, "Family, Given" or an organisation's
 * name) and CSL name objects ({family, given, particles, suffix} or {literal}). Parsing uses
 * citation-js's name parser (particles such as "van der", "de La"); a single word or a name with
 * an organisation word ("Agency", "Institute", "Ministry", …) stays a literal name, so styles
 * print "World Health Organization" rather than "Organization, W. H.".
 */
import { parse as parseCitationName } from '@citation-js/name';

export type CslName = Record<string, string>;

const SUFFIX = /^(?:jr|sr|jnr|snr|[ivx]{1,4}|\d+(?:st|nd|rd|th))\.?$/i;
const ORGANISATION =
  /\b(?:agency|association|authority|bank|board|bureau|center|centre|college|commission|committee|company|corp(?:oration)?|council|court|department|foundation|group|inc|institute|institution|laborator(?:y|ies)|league|ltd|llc|ministry|network|news|office|organi[sz]ation|party|press|service|society|team|times|union|university|gmbh|s\.a)\b|[&@]/i;

/** Whether an author string names an organisation (kept literal in CSL). */
export function isOrganisation(name: string): boolean {
  const words = name.trim().split(/\s+/);
  return (words.length === 1 && !name.includes(',')) || ORGANISATION.test(name);
}

/** "Doe, Jane", "Jane Doe", "van der Berg, Ann", "King, Martin Luther, Jr." → a CSL name. */
export function toCslName(author: string): CslName {
  const a = author.trim();
  if (isOrganisation(a)) return { literal: a };
  const parts = a.split(/\s*,\s*/);
  // "Martin Luther King, Jr." (a suffix after the only comma): citation-js would read "Jr." as the given name.
  const last = parts[parts.length - 1]!;
  const suffix = parts.length >= 2 && SUFFIX.test(last) ? last : null;
  const rest = suffix ? parts.slice(0, -1).join(', ') : a;
  const parsed = parseCitationName(rest) as CslName | undefined;
  if (!parsed || !parsed.family) return { literal: a };
  const name: CslName = Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string' && v !== ''));
  return suffix ? { ...name, suffix } : name;
}

const s = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** A CSL name → the author string ClaimTrail shows ("van der Berg, Ann", "King, Martin Luther, Jr.", or the literal). */
export function fromCslName(n: unknown): string | null {
  if (typeof n !== 'object' || n === null) return s(n) || null;
  const o = n as Record<string, unknown>;
  if (s(o.literal)) return s(o.literal);
  const family = [s(o['non-dropping-particle']), s(o.family)].filter(Boolean).join(' ');
  const given = [s(o.given), s(o['dropping-particle'])].filter(Boolean).join(' ');
  const suffix = s(o.suffix);
  const head = family && given ? `${family}, ${given}` : family || given;
  return head ? (suffix ? `${head}, ${suffix}` : head) : null;
}
