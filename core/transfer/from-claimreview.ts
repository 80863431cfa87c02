/**
 * schema.org ClaimReview JSON-LD → claims (with their verdict), the reviewer as a source, and
 * evidence linking the review to the claim. Accepts one object, a list, or an `@graph`.
 */
import type { ClaimStatus, Stance } from '../types';
import { addIssue, checkRecord, full, type IssueSink } from './check';
import { parseJsonText } from './from-json';
import { defaultLabels, lookupLabel, parseLabels } from './labels';
import { claimRecord, evidenceRecord, sourceRecord } from './schemas';
import { emptyBundle, type Bundle } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function hasType(o: Obj, type: string): boolean {
  return list(o['@type']).some((t) => typeof t === 'string' && t.replace(/^.*[/:#]/, '') === type);
}

/** Every ClaimReview in the document, with a path that names it. */
function reviews(doc: unknown): { node: Obj; path: string }[] {
  const out: { node: Obj; path: string }[] = [];
  const visit = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
    else if (isObj(v)) {
      if (hasType(v, 'ClaimReview')) out.push({ node: v, path: path || 'document' });
      else if (v['@graph'] !== undefined) visit(v['@graph'], `${path ? `${path}.` : ''}@graph`);
    }
  };
  visit(doc, '');
  return out;
}

const nameOf = (v: unknown): string | null => {
  const first = list(v)[0];
  return isObj(first) ? str(first.name) : str(first);
};

const dateOf = (v: unknown): string | null | undefined => {
  const s = str(v);
  if (!s) return null;
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(s);
  return m ? m[1]! : undefined;
};

const urlsOf = (v: unknown): string[] =>
  list(v)
    .map((a) => (isObj(a) ? str(a.url) ?? str(a['@id']) : str(a)))
    .filter((u): u is string => !!u);

/** ratingValue on its bestRating..worstRating scale → a prior in [0.02, 0.98], when the numbers make sense. */
export function ratingPrior(r: Obj): number | undefined {
  const v = Number(r.ratingValue);
  const best = Number(r.bestRating ?? 5);
  const worst = Number(r.worstRating ?? 1);
  if (![v, best, worst].every(Number.isFinite) || best === worst) return undefined;
  const p = (v - worst) / (best - worst);
  if (p < 0 || p > 1) return undefined;
  return Math.min(0.98, Math.max(0.02, Math.round(p * 100) / 100));
}

const STANCE_OF: Partial<Record<ClaimStatus, Stance>> = { supported: 'supports', refuted: 'refutes' };

export function parseClaimReview(content: string, sink: IssueSink, labelSpec?: string): { bundle: Bundle; records: number } {
  const bundle = emptyBundle();
  const doc = parseJsonText(content, sink);
  if (doc === undefined) return { bundle, records: 0 };
  const extra = labelSpec ? parseLabels(labelSpec) : { ok: true as const, labels: {} };
  if (!extra.ok) addIssue(sink, {}, 'labels', extra.message);
  const labels = { ...defaultLabels(), ...(extra.ok ? extra.labels : {}) };
  const found = reviews(doc);
  if (!found.length) addIssue(sink, { record: 'document' }, '@type', 'no ClaimReview found (an object, a list or an @graph of "@type": "ClaimReview")');
  found.forEach(({ node, path }, i) => {
    if (full(sink)) return;
    const where = { record: path };
    const item = isObj(node.itemReviewed) ? node.itemReviewed : {};
    const rating = isObj(list(node.reviewRating)[0]) ? (list(node.reviewRating)[0] as Obj) : {};
    const label = str(rating.alternateName) ?? str(rating.name);
    const rule = label ? lookupLabel(labels, label) : undefined;
    const claimedAt = dateOf(item.datePublished ?? node.datePublished);
    if (claimedAt === undefined) addIssue(sink, where, 'itemReviewed.datePublished', 'is not a date');
    const appearances = [...urlsOf(item.firstAppearance), ...urlsOf(item.appearance)];
    const notes = [
      ...(label && !rule ? [`Rating: ${label}`] : []),
      ...[...new Set(appearances)].map((u) => `Appeared at: ${u}`),
    ].join('\n');
    const claimKey = `review:${i}`;
    const claim = checkRecord(
      claimRecord,
      {
        key: claimKey,
        record: path,
        text: str(node.claimReviewed) ?? str(item.text) ?? str(item.name),
        claimant: nameOf(item.author),
        claimedAt: claimedAt ?? null,
        status: rule?.status,
        prior: ratingPrior(rating) ?? rule?.prior,
        statusRationale: rule && label ? `Imported label: ${label}` : null,
        notes,
      },
      where,
      sink,
      (p) => ({ text: 'claimReviewed', claimant: 'itemReviewed.author', prior: 'reviewRating.ratingValue' })[p] ?? p,
    );
    const reviewer = nameOf(node.author);
    const reviewUrl = str(node.url);
    if (!claim || claimedAt === undefined) return;
    bundle.claims.push(claim);
    if (!reviewer && !reviewUrl) return;
    const sourceKey = `reviewer:${i}`;
    const source = checkRecord(
      sourceRecord,
      {
        key: sourceKey,
        record: path,
        title: str(node.name) ?? str(node.headline) ?? `Fact check by ${reviewer ?? reviewUrl}`,
        url: reviewUrl,
        publisher: reviewer,
        publishedAt: dateOf(node.datePublished) ?? null,
        kind: 'report',
      },
      where,
      sink,
      (p) => ({ url: 'url', publisher: 'author', publishedAt: 'datePublished' })[p] ?? p,
    );
    if (!source) return;
    bundle.sources.push(source);
    const ev = checkRecord(
      evidenceRecord,
      {
        key: `review-evidence:${i}`,
        record: path,
        claimKey,
        sourceKey,
        stance: STANCE_OF[claim.status] ?? 'context',
        excerpt: label ? `Rating: ${label}` : '',
      },
      where,
      sink,
    );
    if (ev) bundle.evidence.push(ev);
  });
  return { bundle, records: found.length };
}
