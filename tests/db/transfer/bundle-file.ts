/** ClaimTrail JSON files of any size for import tests: n claims, each with `perClaim` evidence items. */
import { newId } from '../../../core/ids';

export interface BundleFile {
  content: string;
  claimIds: string[];
  sourceIds: string[];
  evidenceIds: string[];
}

const WORDS = ['harbour', 'tariff', 'vaccine', 'pension', 'turbine', 'glacier', 'subsidy', 'census'];

export function bundleFile(o: { claims: number; sources: number; perClaim: number; tag?: string; badLast?: boolean }): BundleFile {
  const sources = Array.from({ length: o.sources }, (_, i) => ({
    id: newId(),
    title: `Report ${o.tag ?? ''} ${i} on ${WORDS[i % WORDS.length]}`,
    reliability: 'ABCDE'[i % 5],
    // every third source derives from the one before it: lineage chains
    derivedFromId: null as string | null,
  }));
  sources.forEach((s, i) => {
    if (i % 3 === 2) s.derivedFromId = sources[i - 1]!.id;
  });
  const claims = Array.from({ length: o.claims }, (_, i) => ({
    id: newId(),
    text: `Claim ${o.tag ?? ''} ${i}: the ${WORDS[i % WORDS.length]} figure rose`,
    claimant: `speaker ${i % 17}`,
    tags: [WORDS[i % WORDS.length], 'imported'],
  }));
  const evidence = claims.flatMap((c, i) =>
    Array.from({ length: o.perClaim }, (_, k) => ({
      id: newId(),
      claimId: c.id,
      sourceId: sources[(i + k) % sources.length]!.id,
      stance: k % 3 === 2 ? 'refutes' : 'supports',
      excerpt: `excerpt ${k} about the ${WORDS[(i + k) % WORDS.length]}`,
      credibility: 1 + ((i + k) % 6),
    })),
  );
  if (o.badLast && evidence.length) evidence[evidence.length - 1]!.sourceId = 'no-such-source';
  const doc = { format: 'claimtrail-case', version: 1, case: { title: 'generated' }, claims, sources, evidence };
  return { content: JSON.stringify(doc, null, 1), claimIds: claims.map((c) => c.id), sourceIds: sources.map((s) => s.id), evidenceIds: evidence.map((e) => e.id) };
}
