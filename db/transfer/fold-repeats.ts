/**
 * A file may state the same claim twice (same text and claimant: LIAR holds five statements that
 * PolitiFact ruled on twice). The later rows are reported as duplicates and never doubled, but
 * what they add — their reference, rating and notes — is kept on the first row, so no row's
 * information is lost. Records that carry a ClaimTrail id (our own exports) dedupe by id instead.
 */
import type { BundleClaim } from '../../core/transfer/types';
import { claimDedupeKey } from './state';

function origin(c: BundleClaim): string {
  return c.line !== undefined ? `line ${c.line}` : (c.record ?? 'a later record');
}

/** Returns a copy of the claims in which each first occurrence carries its repeats' additions. */
export function foldRepeatedClaims(claims: readonly BundleClaim[]): BundleClaim[] {
  const firsts = new Map<string, BundleClaim>();
  return claims.map((c) => {
    if (c.id) return c;
    const key = claimDedupeKey(c.text, c.claimant);
    const first = firsts.get(key);
    if (!first) {
      const copy = { ...c };
      firsts.set(key, copy);
      return copy;
    }
    const adds = [c.notes, c.statusRationale !== first.statusRationale ? c.statusRationale : null]
      .map((x) => x?.trim())
      .filter((x): x is string => !!x && !first.notes.includes(x));
    if (adds.length) first.notes = [first.notes, `Repeated at ${origin(c)}: ${adds.join('; ')}`].filter(Boolean).join('\n');
    return c;
  });
}
