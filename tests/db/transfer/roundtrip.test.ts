import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseApi } from '../../../db/api';
import { exportJson, importJson } from '../../../db/transfer/json';
import { stress, tempCase } from '../../helpers';

/** Everything but the export time: a round trip must give identical content. */
function content(api: CaseApi): unknown {
  const file = api.invoke('transfer.export', { format: 'json' });
  const { exportedAt: _t, ...rest } = JSON.parse(file.content) as Record<string, unknown>;
  return rest;
}

function roundTrip(api: CaseApi): { before: unknown; after: unknown; target: CaseApi } {
  const exported = exportJson(api);
  const target = tempCase().api;
  const r = importJson(target, exported, 'case.json');
  expect(r.errors).toEqual([]);
  return { before: content(api), after: content(target), target };
}

type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 éß,'"=+@-]{0,30}$/).filter((s) => s.trim().length > 0);

const caseSpec = fc.record({
  sources: fc.array(fc.record({ title: word, reliability: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), parent: fc.nat(), url: fc.boolean() }), { minLength: 1, maxLength: 6 }),
  claims: fc.array(
    fc.record({
      text: word,
      claimant: fc.option(word, { nil: null }),
      tags: fc.array(fc.constantFrom('alpha', 'Beta', 'chips', 'cost'), { maxLength: 3 }),
      status: fc.constantFrom('unverified', 'under review', 'supported', 'refuted', 'mixed'),
      prior: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      override: fc.option(fc.double({ min: 0.02, max: 0.98, noNaN: true }), { nil: null }),
      deleted: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  evidence: fc.array(fc.record({ claim: fc.nat(), source: fc.nat(), stance: fc.constantFrom('supports', 'refutes', 'context'), credibility: fc.integer({ min: 1, max: 6 }), excerpt: word }), { maxLength: 10 }),
  disputes: fc.array(fc.record({ claim: fc.nat(), by: word, position: word, respond: fc.option(word, { nil: null }), resolve: fc.option(word, { nil: null }) }), { maxLength: 3 }),
  links: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), kind: fc.constantFrom('depends-on', 'contradicts', 'duplicate-of', 'part-of') }), { maxLength: 3 }),
});

function build(api: CaseApi, spec: Of<typeof caseSpec>): void {
  const sources: string[] = [];
  spec.sources.forEach((s, i) => {
    const parent = i > 0 && s.parent % 3 === 0 ? sources[s.parent % i] : null;
    sources.push(
      api.invoke('sources.create', {
        title: s.title,
        reliability: s.reliability as 'A',
        url: s.url ? `https://example.org/${i}` : null,
        derivedFromId: parent ?? null,
        authors: ['Doe, Jane'],
        csl: i === 0 ? { type: 'report', note: 'raw' } : null,
      }).id,
    );
  });
  const claims = spec.claims.map((c, i) => {
    const created = api.invoke('claims.create', {
      text: `${c.text} #${i}`,
      claimant: c.claimant,
      tags: c.tags,
      prior: c.prior,
      status: c.status as 'mixed',
      statusRationale: c.status === 'unverified' || c.status === 'under review' ? null : 'because',
      quantity: i === 0 ? { value: 6, unit: 'USD mn', scope: 'compute', asOf: '2025-01' } : null,
    });
    if (c.override !== null) api.invoke('claims.override', { id: created.id, probability: c.override, rationale: 'judgment' });
    return created.id;
  });
  const evidence: { id: string; claim: string }[] = [];
  for (const e of spec.evidence) {
    const claim = claims[e.claim % claims.length]!;
    const ev = api.invoke('evidence.create', { claimId: claim, sourceId: sources[e.source % sources.length]!, stance: e.stance as 'supports', credibility: e.credibility, excerpt: e.excerpt });
    evidence.push({ id: ev.id, claim });
  }
  for (const d of spec.disputes) {
    const claim = claims[d.claim % claims.length]!;
    const opened = api.invoke('disputes.open', { claimId: claim, raisedBy: d.by, position: d.position, evidenceIds: evidence.filter((e) => e.claim === claim).map((e) => e.id).slice(0, 1) });
    if (d.respond) api.invoke('disputes.respond', { id: opened.id, author: d.by, text: d.respond });
    if (d.resolve) api.invoke('disputes.resolve', { id: opened.id, resolution: d.resolve });
  }
  for (const l of spec.links) {
    const from = claims[l.from % claims.length]!;
    const to = claims[l.to % claims.length]!;
    if (from !== to) api.call('links.create', { fromId: from, toId: to, kind: l.kind });
  }
  spec.claims.forEach((c, i) => {
    if (c.deleted) api.invoke('claims.delete', { id: claims[i]! });
  });
  api.invoke('settings.update', { analystName: 'Round Tripper', caveat: 'TEST ONLY', backupsToKeep: 3 });
}

describe('JSON round trip', () => {
  it('sample case: export → import into an empty case → export gives identical content, history valid', () => {
    const t = tempCase({ sample: true });
    const { before, after, target } = roundTrip(t.api);
    expect(after).toEqual(before);
    expect(target.invoke('history.verify', {}).ok).toBe(true);
    const again = target.invoke('transfer.import', { format: 'json', content: t.api.invoke('transfer.export', { format: 'json' }).content, fileName: 'x.json' });
    expect(again.counts.claims + again.counts.sources + again.counts.evidence).toBe(0);
    expect(content(target)).toEqual(before);
  });

  it('generated cases (sources with lineage, verdicts, overrides, evidence, disputes with responses, links, trash) round-trip exactly', () => {
    fc.assert(
      fc.property(caseSpec, (spec) => {
        const t = tempCase();
        build(t.api, spec);
        const { before, after, target } = roundTrip(t.api);
        expect(after).toEqual(before);
        expect(target.invoke('history.verify', {}).ok).toBe(true);
        t.close();
      }),
      { numRuns: stress(30, 300) },
    );
  }, 900_000);

  it('two items that read the same (one claim, one source, one quote) stay two items (found by the property above, seed 1957040158)', () => {
    const a = tempCase();
    const src = a.api.invoke('sources.create', { title: 'Wire', reliability: 'A' });
    const claim = a.api.invoke('claims.create', { text: 'A claim quoted twice' });
    for (let i = 0; i < 2; i++) a.api.invoke('evidence.create', { claimId: claim.id, sourceId: src.id, stance: 'refutes', excerpt: 'v', credibility: 1 });
    const file = a.api.invoke('transfer.export', { format: 'json' }).content;
    const b = tempCase({ name: 'b.claimtrail' });
    const r = b.api.invoke('transfer.import', { format: 'json', content: file, fileName: 'a.json' });
    expect(r.counts.evidence).toBe(2);
    expect(b.api.invoke('claims.get', { id: claim.id }).evidence).toHaveLength(2);
    // The same file again is still recognised, item by item, by id.
    expect(b.api.invoke('transfer.import', { format: 'json', content: file, fileName: 'a.json' }).counts.evidence).toBe(0);
    a.close();
    b.close();
  });
});
