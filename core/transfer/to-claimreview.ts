/**
 * Claims with a verdict as schema.org ClaimReview JSON-LD: the rating carries the status as its
 * alternateName and the probability in force as ratingValue on a 0–100 scale.
 */
import { STATUSES_NEEDING_RATIONALE } from '../types';
import type { CaseSnapshot } from './snapshot';

/**
 * JSON-LD text that is safe inside <script type="application/ld+json">: `<`, `>` and `&` are written
 * as \u escapes (so `</script>` and `<!--` cannot end or comment out the script), and so are U+2028
 * and U+2029 (line terminators for older JavaScript parsers). JSON.parse gives back the exact data.
 */
export function jsonLdText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

export function claimsToClaimReview(s: CaseSnapshot, signedHead?: string): string {
  const reviewer = { '@type': 'Person', name: s.case.settings.analystName };
  const graph = s.claims
    .filter((c) => !c.deletedAt && STATUSES_NEEDING_RATIONALE.includes(c.status))
    .map((c) => ({
      '@type': 'ClaimReview',
      '@id': `urn:claimtrail:claim:${c.id}`,
      claimReviewed: c.text,
      datePublished: c.updatedAt.slice(0, 10),
      author: reviewer,
      itemReviewed: {
        '@type': 'Claim',
        ...(c.claimant ? { author: { '@type': 'Person', name: c.claimant } } : {}),
        ...(c.claimedAt ? { datePublished: c.claimedAt } : {}),
      },
      reviewRating: {
        '@type': 'Rating',
        alternateName: c.status,
        ratingValue: c.probability === null ? undefined : Math.round(c.probability * 100),
        bestRating: 100,
        worstRating: 0,
        ratingExplanation: c.statusRationale ?? undefined,
      },
    }));
  const doc = { '@context': 'https://schema.org', '@graph': graph, ...(signedHead ? { signedHead: JSON.parse(signedHead) as unknown } : {}) };
  return jsonLdText(doc);
}
