/**
 * Claims with a verdict as schema.org ClaimReview JSON-LD: the rating carries the status as its
 * alternateName and the probability in force as ratingValue on a 0–100 scale.
 */
import { STATUSES_NEEDING_RATIONALE } from '../types';
import type { CaseSnapshot } from './snapshot';

export function claimsToClaimReview(s: CaseSnapshot): string {
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
  return `${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }, null, 2)}\n`;
}
