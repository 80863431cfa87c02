/**
 * ClaimReview both ways, checked by a consumer ClaimTrail did not write: jsonld.js with the bundled
 * schema.org context (no network) expands every export and compacts every import fixture, and
 * Google's required and recommended fact-check properties are checked on every exported review.
 */
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import type { CaseApi } from '../../db/api';
import { tempCase } from '../helpers';
import { documentLoader, fixture, googleFactCheckProblems, schemaOrgExamples, thirdParty, withThirdParty } from './consumers';

type Node = Record<string, unknown>;
const SDO = 'http://schema.org/';

function importText(content: string, fileName: string) {
  const t = tempCase();
  const report = t.api.invoke('transfer.import', { content, fileName, format: 'claimreview' });
  return { t, report };
}

/** What an import made of each review: the claim's fields that a ClaimReview carries, in file order. */
function claimsOf(api: CaseApi) {
  return api.invoke('claims.list', { limit: 100, sort: 'created', direction: 'asc' }).items.map((c) => {
    const { claim, evidence } = api.invoke('claims.get', { id: c.id });
    return {
      text: claim.text,
      claimant: claim.claimant,
      claimedAt: claim.claimedAt,
      status: claim.status,
      statusRationale: claim.statusRationale,
      prior: claim.prior,
      notes: claim.notes,
      appeared: evidence.filter((e) => e.attribution).map((e) => e.source.url).sort(),
    };
  });
}

/** A case with verdicts, claimants, dates and an attribution source on every verdict, and a review base URL. */
function reviewedCase() {
  const t = tempCase({ sample: true });
  t.api.invoke('settings.update', { analystName: 'A. Analyst', reviewBaseUrl: 'https://checks.example/case-7/' });
  const src = t.api.invoke('sources.create', {
    title: 'Where it was said', url: 'https://video.example/interview', publisher: 'Example TV', authors: [], publishedAt: '2025-01-20',
    accessedAt: null, kind: 'interview', reliability: 'C', doi: null, notes: '', fileSha256: null, csl: null,
  });
  const claims = t.api.invoke('claims.list', { limit: 100, sort: 'created', direction: 'asc' }).items;
  const statuses = ['refuted', 'supported', 'disputed', 'mixed', 'unresolvable'] as const;
  const verdicts = claims.slice(0, statuses.length).map((c, i) =>
    t.api.invoke('claims.setStatus', { id: c.id, status: statuses[i]!, rationale: `Verdict ${i}: the analyst's reasons.` }),
  );
  // One claim has a review page of its own (migration 006); the others use the base URL + id.
  t.api.invoke('claims.update', { id: verdicts[1]!.id, reviewUrl: 'https://checks.example/2025/own-page' });
  for (const c of verdicts) {
    t.api.invoke('claims.update', { id: c.id, claimant: c.claimant ?? 'A speaker', claimedAt: '2025-01-20' });
    t.api.invoke('evidence.create', { claimId: c.id, sourceId: src.id, stance: 'context', attribution: true, excerpt: '' });
  }
  return { t, verdicts };
}

describe('ClaimReview export', () => {
  withThirdParty('jsonld.js expands every review with the bundled context; each passes Google\'s required and recommended properties', async () => {
    const { t, verdicts } = reviewedCase();
    expect(verdicts.length).toBeGreaterThan(2);
    const doc = JSON.parse(t.api.invoke('transfer.export', { format: 'claimreview' }).content) as Node;
    const expanded = await jsonld.expand(doc, { documentLoader });
    const reviews = expanded.filter((n) => (n['@type'] as string[]).includes(`${SDO}ClaimReview`));
    expect(reviews).toHaveLength(verdicts.length);
    for (const r of reviews) {
      for (const p of ['claimReviewed', 'url', 'author', 'datePublished', 'itemReviewed', 'reviewRating']) expect(r[`${SDO}${p}`], p).toBeDefined();
      expect(r['urn:claimtrail:terms:probability']).toBeDefined();
    }
    const compacted = await jsonld.compact(expanded, 'https://schema.org', { documentLoader });
    const graph = (compacted['@graph'] as Node[]) ?? [compacted];
    expect(graph).toHaveLength(verdicts.length);
    for (const r of graph) expect(googleFactCheckProblems(r), String(r.claimReviewed)).toEqual([]);
  });

  it('the verdict is the textual rating; the probability is its own term, never ratingValue', () => {
    const { t, verdicts } = reviewedCase();
    const refuted = verdicts.find((c) => c.status === 'refuted')!;
    const graph = (JSON.parse(t.api.invoke('transfer.export', { format: 'claimreview' }).content) as { '@graph': Node[] })['@graph'];
    const r = graph.find((x) => x['ct:claimId'] === refuted.id)!;
    expect(r.url).toBe(`https://checks.example/case-7/${refuted.id}`);
    expect(graph.find((x) => x['ct:claimId'] === verdicts[1]!.id)).toMatchObject({ url: 'https://checks.example/2025/own-page', '@id': 'https://checks.example/2025/own-page' });
    expect(r.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Refuted', ratingExplanation: t.api.invoke('claims.get', { id: refuted.id }).claim.statusRationale });
    expect(r['ct:probability']).toBe(t.api.invoke('claims.get', { id: refuted.id }).claim.probability);
    expect(r.itemReviewed).toMatchObject({ '@type': 'Claim', datePublished: '2025-01-20', firstAppearance: { url: 'https://video.example/interview', headline: 'Where it was said', publisher: { name: 'Example TV' } } });
  });

  it('its own export imports back exactly: same claims (ids, verdicts, rationales, priors, appearances), same document but the export date and computed probability', () => {
    const { t } = reviewedCase();
    const a = t.api.invoke('transfer.export', { format: 'claimreview' }).content;
    const t2 = tempCase();
    t2.api.invoke('settings.update', { analystName: 'A. Analyst', reviewBaseUrl: 'https://checks.example/case-7/' });
    const r = t2.api.invoke('transfer.import', { content: a, fileName: 'own.jsonld' });
    expect(r).toMatchObject({ ok: true, format: 'claimreview', errors: [] });
    const b = t2.api.invoke('transfer.export', { format: 'claimreview' }).content;
    const strip = (text: string) =>
      (JSON.parse(text) as { '@graph': Node[] })['@graph']
        .map(({ datePublished: _d, 'ct:probability': _p, ...rest }) => rest)
        .sort((x, y) => String(x['ct:claimId']).localeCompare(String(y['ct:claimId'])));
    expect(strip(b)).toEqual(strip(a));
  });
});

describe('ClaimReview import', () => {
  const examples = () => schemaOrgExamples(thirdParty('schemaorg/sdo-ClaimReview-issue-1061-examples.txt'));

  withThirdParty("schema.org's own examples: the textual rating wins over a disagreeing ratingValue (with a notice), reviewBody is kept, no invented date", () => {
    const [perry, obama] = examples() as [Node, Node];
    const { t, report } = importText(JSON.stringify([perry, obama]), 'sdo-examples.json');
    expect(report.errors).toEqual([]);
    expect(report.notices.join('\n')).toContain('the rating "True" and ratingValue 1 (on 1..6) disagree; the textual rating was used');
    const [p, o] = claimsOf(t.api);
    expect(p).toMatchObject({ status: 'supported', prior: 0.9, claimant: 'Rich Perry', claimedAt: '2014-07-17', statusRationale: 'Imported label: True' });
    expect(o).toMatchObject({ status: 'unverified', claimant: 'Barack Obama', claimedAt: '2009-06-04' });
    expect(o!.notes).toContain('Review: This claim is true. The UK also played a role.');
    const noDate = { ...perry, itemReviewed: { '@type': 'Claim', author: { name: 'X' } } };
    const { t: t3 } = importText(JSON.stringify(noDate), 'nodate.json');
    expect(claimsOf(t3.api)[0]!.claimedAt).toBeNull();
  });

  withThirdParty('a DataFeed reads the same compacted, prefixed, expanded, as an @graph and inside an HTML page; jsonld.js compaction of each reads the same', async () => {
    const feed = JSON.parse(fixture('claimreview-datafeed.json')) as Node;
    const base = importText(JSON.stringify(feed), 'feed.json');
    expect(base.report).toMatchObject({ ok: true, counts: { records: 2, claims: 2 } });
    const want = claimsOf(base.t.api);
    expect(want[0]).toMatchObject({
      status: 'disputed', prior: 0.25, claimant: 'Viral post', claimedAt: '2025-01-27',
      statusRationale: 'The figure covers the final training run only, not research or hardware.',
      appeared: ['https://social.example/p/1', 'https://social.example/p/2'],
    });
    expect(want[1]).toMatchObject({ status: 'refuted', prior: 0.1, statusRationale: 'Filings show A100 and H100 purchases as well.', claimedAt: null });
    expect(base.report.notices.join('\n')).toContain('"False" and ratingValue 5 (on 1..5) disagree');

    const expanded = await jsonld.expand(feed, { documentLoader });
    const reviewsOnly = expanded[0]![`${SDO}dataFeedElement`];
    const forms: Record<string, string> = {
      prefixed: fixture('claimreview-prefixed.jsonld'),
      expanded: JSON.stringify(expanded),
      graph: JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage', name: 'x' }, ...(feed.dataFeedElement as Node[]).flatMap((e) => e.item as Node)] }),
      html: `<!doctype html><html><head><title>Fact checks</title><script type="application/ld+json">${JSON.stringify(feed).replace(/</g, '\\u003c')}</script></head><body><p>…</p></body></html>`,
      'jsonld.js compacted': JSON.stringify(await jsonld.compact(feed, 'https://schema.org', { documentLoader })),
      'jsonld.js compacted prefixed': JSON.stringify(await jsonld.compact(JSON.parse(fixture('claimreview-prefixed.jsonld')), 'https://schema.org', { documentLoader })),
    };
    expect(reviewsOnly).toBeDefined();
    for (const [name, content] of Object.entries(forms)) {
      const { t, report } = importText(content, `${name}.jsonld`);
      expect(report.errors, name).toEqual([]);
      expect(claimsOf(t.api), name).toEqual(want);
    }
  });
});
