/**
 * schema.org ClaimReview JSON-LD → claims with their verdict. Reads one object, a list, an `@graph`,
 * a `DataFeed` (`dataFeedElement` → `item`), an HTML page's JSON-LD scripts, and the expanded or
 * prefixed spellings of the same data (core/transfer/jsonld-read.ts). Per review:
 * - the claim: `claimReviewed`, `itemReviewed.author` → claimant, `itemReviewed.datePublished` →
 *   claimed date (never the review's own date: no invented dates);
 * - the verdict: the textual rating (`alternateName`, or `name`) through the label map; a numeric
 *   `ratingValue` gives the prior when it agrees, and loses to the textual rating, with a notice,
 *   when they disagree; `ratingExplanation` (else `reviewBody`) is the rationale;
 * - where the claim appeared (`firstAppearance`, `appearance`) → sources with attribution evidence;
 * - the reviewer (`author`, `url`, `datePublished`) → a source with evidence for the verdict, except
 *   in ClaimTrail's own export (`ct:claimId`), whose reviewer is the analyst: its claims come back
 *   with their ids, priors and appearances.
 */
import type { ClaimStatus, Stance } from '../types';
import { addIssue, checkRecord, full, type IssueSink } from './check';
import { parseJsonText } from './from-json';
import { ldScripts, looksLikeHtml, normalizeLd } from './jsonld-read';
import { defaultLabels, lookupLabel, parseLabels, type LabelRule } from './labels';
import { claimRecord, evidenceRecord, isStorableId, sourceRecord } from './schemas';
import { emptyBundle, type Bundle, type BundleClaim } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const one = (v: unknown): unknown => list(v)[0];
/** A string, a number, or a node reference ({"@id": IRI}, how expanded JSON-LD writes a url) as text. */
const str = (v: unknown): string | null => {
  const x = one(v);
  if (isObj(x) && typeof x['@id'] === 'string' && Object.keys(x).length === 1) return x['@id'].trim() || null;
  return typeof x === 'string' && x.trim() ? x.trim() : typeof x === 'number' ? String(x) : null;
};
const obj = (v: unknown): Obj => (isObj(one(v)) ? (one(v) as Obj) : {});

function hasType(o: Obj, type: string): boolean {
  return list(o['@type']).some((t) => typeof t === 'string' && t.replace(/^.*[/:#]/, '') === type);
}

/** Every ClaimReview in the document, wherever it is nested (@graph, DataFeed items, mainEntity…), with a path that names it. */
function reviews(doc: unknown, root: string): { node: Obj; path: string }[] {
  const out: { node: Obj; path: string }[] = [];
  const visit = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
    else if (isObj(v)) {
      if (hasType(v, 'ClaimReview')) out.push({ node: v, path: path || 'document' });
      else for (const [k, x] of Object.entries(v)) if (typeof x === 'object' && x !== null) visit(x, path ? `${path}.${k}` : k);
    }
  };
  visit(doc, root);
  return out;
}

const nameOf = (v: unknown): string | null => (isObj(one(v)) ? str((one(v) as Obj).name) : str(v));

const dateOf = (v: unknown): string | null | undefined => {
  const s = str(v);
  if (!s) return null;
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(s);
  return m ? m[1]! : undefined;
};

/** ratingValue on its worstRating..bestRating scale (default 1..5) → a prior in [0.02, 0.98], when the numbers make sense. */
export function ratingPrior(r: Obj): number | undefined {
  const v = Number(str(r.ratingValue));
  const best = Number(str(r.bestRating) ?? 5);
  const worst = Number(str(r.worstRating) ?? 1);
  if (str(r.ratingValue) === null || ![v, best, worst].every(Number.isFinite) || best === worst) return undefined;
  const p = (v - worst) / (best - worst);
  if (p < 0 || p > 1) return undefined;
  return Math.min(0.98, Math.max(0.02, Math.round(p * 100) / 100));
}

/** A numeric rating disagrees with a textual verdict when it points the other way. */
function disagrees(rule: LabelRule, p: number): boolean {
  if (rule.status === 'supported') return p < 0.5;
  if (rule.status === 'refuted') return p > 0.5;
  return rule.prior !== undefined && Math.abs(rule.prior - p) > 0.35;
}

const STANCE_OF: Partial<Record<ClaimStatus, Stance>> = { supported: 'supports', refuted: 'refutes' };

/** The documents to read: the page's JSON-LD scripts for HTML, else the file as JSON. */
function documents(content: string, sink: IssueSink): { doc: unknown; root: string }[] {
  if (!looksLikeHtml(content)) {
    const doc = parseJsonText(content, sink);
    return doc === undefined ? [] : [{ doc, root: '' }];
  }
  const scripts = ldScripts(content);
  if (!scripts.length) addIssue(sink, { record: 'document' }, 'script', 'the HTML page has no <script type="application/ld+json">');
  return scripts.flatMap((text, i) => {
    try {
      return [{ doc: JSON.parse(text) as unknown, root: `script[${i}]` }];
    } catch (e) {
      addIssue(sink, { record: `script[${i}]` }, 'script', `is not valid JSON: ${(e instanceof Error ? e.message : String(e)).slice(0, 200)}`);
      return [];
    }
  });
}

export function parseClaimReview(content: string, sink: IssueSink, labelSpec?: string): { bundle: Bundle; records: number; notices: string[] } {
  const bundle = emptyBundle();
  const notices: string[] = [];
  const extra = labelSpec ? parseLabels(labelSpec) : { ok: true as const, labels: {} };
  if (!extra.ok) addIssue(sink, {}, 'labels', extra.message);
  const labels = { ...defaultLabels(), ...(extra.ok ? extra.labels : {}) };
  const docs = documents(content, sink);
  const found = docs.flatMap(({ doc, root }) => reviews(normalizeLd(doc), root));
  if (docs.length && !found.length)
    addIssue(sink, { record: 'document' }, '@type', 'no ClaimReview found (an object, a list, an @graph or a DataFeed of "@type": "ClaimReview")');
  found.forEach(({ node, path }, i) => {
    if (full(sink)) return;
    const where = { record: path };
    const item = obj(node.itemReviewed);
    const rating = obj(node.reviewRating);
    const label = str(rating.alternateName) ?? str(rating.name);
    const rule = label ? lookupLabel(labels, label) : undefined;
    const numeric = ratingPrior(rating);
    const own = str(node['ct:claimId']);
    const ownPrior = Number(str(node['ct:prior']));
    if (rule && numeric !== undefined && disagrees(rule, numeric))
      notices.push(`${path}: the rating "${label}" and ratingValue ${str(rating.ratingValue)} (on ${str(rating.worstRating) ?? 1}..${str(rating.bestRating) ?? 5}) disagree; the textual rating was used`);
    const prior = own && Number.isFinite(ownPrior) ? ownPrior : rule && numeric !== undefined && disagrees(rule, numeric) ? rule.prior : (numeric ?? rule?.prior);
    const claimedAt = dateOf(item.datePublished);
    if (claimedAt === undefined) addIssue(sink, where, 'itemReviewed.datePublished', 'is not a date');
    const explanation = str(rating.ratingExplanation);
    const body = str(node.reviewBody);
    const notes = [
      ...(label && !rule ? [`Rating: ${label}`] : []),
      // reviewBody is the rationale when there is a verdict and no ratingExplanation; otherwise it is kept here.
      ...(body && body !== explanation && (explanation || !rule) ? [`Review: ${body}`] : []),
    ].join('\n');
    const claimKey = `review:${i}`;
    const claim: BundleClaim | null = checkRecord(
      claimRecord,
      {
        key: claimKey,
        ...(own && isStorableId(own) ? { id: own } : {}),
        ...(own && str(node['ct:reviewUrl']) ? { reviewUrl: str(node['ct:reviewUrl']) } : {}),
        record: path,
        text: str(node.claimReviewed) ?? str(item.text) ?? str(item.name),
        claimant: nameOf(item.author),
        claimedAt: claimedAt ?? null,
        status: rule?.status,
        prior,
        statusRationale: rule ? (explanation ?? body ?? (label ? `Imported label: ${label}` : null)) : null,
        notes,
      },
      where,
      sink,
      (p) => ({ text: 'claimReviewed', claimant: 'itemReviewed.author', prior: 'reviewRating.ratingValue', statusRationale: 'reviewRating.ratingExplanation' })[p] ?? p,
    );
    if (!claim || claimedAt === undefined) return;
    bundle.claims.push(claim);
    const works = [...list(item.firstAppearance), ...list(item.appearance)];
    works.forEach((w, j) => {
      const o = isObj(w) ? w : {};
      const url = isObj(w) ? (str(o.url) ?? str(o['@id'])) : str(w);
      if (!url) return;
      const sourceKey = `appearance:${i}:${j}`;
      const source = checkRecord(
        sourceRecord,
        { key: sourceKey, record: path, title: str(o.headline) ?? str(o.name) ?? url, url, publisher: nameOf(o.publisher), publishedAt: dateOf(o.datePublished) ?? null, kind: 'other' },
        where,
        sink,
        (p) => `itemReviewed.${j === 0 && list(item.firstAppearance).length ? 'firstAppearance' : 'appearance'}.${p}`,
      );
      const ev = source && checkRecord(evidenceRecord, { key: `appearance-evidence:${i}:${j}`, record: path, claimKey, sourceKey, stance: 'context', attribution: true }, where, sink);
      if (!source || !ev) return;
      bundle.sources.push(source);
      bundle.evidence.push(ev);
    });
    const reviewer = nameOf(node.author);
    const reviewUrl = str(node.url);
    if (own || (!reviewer && !reviewUrl)) return;
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
      { key: `review-evidence:${i}`, record: path, claimKey, sourceKey, stance: STANCE_OF[claim.status] ?? 'context', excerpt: label ? `Rating: ${label}` : '' },
      where,
      sink,
    );
    if (ev) bundle.evidence.push(ev);
  });
  return { bundle, records: found.length, notices };
}
