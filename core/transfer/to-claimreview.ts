/**
 * Claims with a verdict as schema.org ClaimReview JSON-LD, with what Google's fact-check guidelines
 * require and recommend: `url` (the claim's own review URL, else the case's review base URL + the
 * claim's id), `claimReviewed`,
 * `reviewRating.alternateName` (the analyst's verdict, e.g. "Refuted") with the rationale as
 * `ratingExplanation`, `author`, `datePublished`, and `itemReviewed` as a `Claim` with its author,
 * date and appearances (the sources of the evidence the analyst marked as attribution; the earliest
 * is `firstAppearance`). ClaimTrail's own numbers are in their own terms (`ct:probability`,
 * `ct:prior`), never in `ratingValue`: a refuted verdict cannot read as 71/100.
 */
import { STATUSES_NEEDING_RATIONALE, type ClaimStatus } from '../types';
import type { CaseSnapshot, SnapshotClaim, SnapshotSource } from './snapshot';

/** ClaimTrail's vocabulary for values schema.org has no term for. */
export const CT_VOCAB = 'urn:claimtrail:terms:';
export const CLAIMREVIEW_CONTEXT = ['https://schema.org', { ct: CT_VOCAB }];

/** The verdict as a fact-checker's textual rating. */
export const RATING_TEXT: Record<ClaimStatus, string> = {
  unverified: 'Unverified',
  'under review': 'Under review',
  supported: 'Supported',
  disputed: 'Disputed',
  refuted: 'Refuted',
  mixed: 'Mixed',
  unresolvable: 'Unresolvable',
};

/**
 * JSON-LD text that is safe inside <script type="application/ld+json">: `<`, `>` and `&` are written
 * as \u escapes (so `</script>` and `<!--` cannot end or comment out the script), and so are U+2028
 * and U+2029 (line terminators for older JavaScript parsers). JSON.parse gives back the exact data.
 */
export function jsonLdText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

const claimUrn = (id: string) => `urn:claimtrail:claim:${id}`;

/** The claim's review URL: the case's base URL with the claim's id (a base ending in "/" or "#" or "=" gets the id as is). */
export function reviewUrl(base: string, claimId: string): string | undefined {
  if (!base) return undefined;
  return /[/#=]$/.test(base) ? `${base}${claimId}` : `${base}/${claimId}`;
}

function appearances(c: SnapshotClaim, s: CaseSnapshot, sources: Map<string, SnapshotSource>) {
  const works = s.evidence
    .filter((e) => e.claimId === c.id && e.attribution)
    .map((e) => sources.get(e.sourceId))
    .filter((src): src is SnapshotSource => !!src && !src.deletedAt && !!src.url)
    .filter((src, i, all) => all.findIndex((x) => x.url === src.url) === i)
    .sort((a, b) => (a.publishedAt ?? '9999').localeCompare(b.publishedAt ?? '9999'));
  const work = (src: SnapshotSource) => ({
    '@type': 'CreativeWork',
    url: src.url,
    headline: src.title,
    ...(src.publishedAt ? { datePublished: src.publishedAt } : {}),
    ...(src.publisher ? { publisher: { '@type': 'Organization', name: src.publisher } } : {}),
  });
  return works.length ? { firstAppearance: work(works[0]!), ...(works.length > 1 ? { appearance: works.slice(1).map(work) } : {}) } : {};
}

export function claimsToClaimReview(s: CaseSnapshot, signedHead?: string): string {
  const base = s.case.settings.reviewBaseUrl ?? '';
  const reviewer = { '@type': 'Person', name: s.case.settings.analystName, ...(base ? { url: base } : {}) };
  const sources = new Map(s.sources.map((x) => [x.id, x]));
  const graph = s.claims
    .filter((c) => !c.deletedAt && STATUSES_NEEDING_RATIONALE.includes(c.status))
    .map((c) => {
      const url = c.reviewUrl ?? reviewUrl(base, c.id);
      return {
        '@type': 'ClaimReview',
        '@id': url ?? claimUrn(c.id),
        ...(url ? { url } : {}),
        claimReviewed: c.text,
        datePublished: c.updatedAt.slice(0, 10),
        author: reviewer,
        itemReviewed: {
          '@type': 'Claim',
          ...(c.claimant ? { author: { '@type': 'Person', name: c.claimant } } : {}),
          ...(c.claimedAt ? { datePublished: c.claimedAt } : {}),
          ...appearances(c, s, sources),
        },
        reviewRating: {
          '@type': 'Rating',
          alternateName: RATING_TEXT[c.status],
          ...(c.statusRationale ? { ratingExplanation: c.statusRationale } : {}),
        },
        'ct:claimId': c.id,
        ...(c.reviewUrl ? { 'ct:reviewUrl': c.reviewUrl } : {}),
        'ct:prior': c.prior,
        ...(c.probability === null ? {} : { 'ct:probability': c.probability }),
      };
    });
  const doc = { '@context': CLAIMREVIEW_CONTEXT, '@graph': graph, ...(signedHead ? { signedHead: JSON.parse(signedHead) as unknown } : {}) };
  return jsonLdText(doc);
}
