/** Writes the sample case (the DeepSeek brief the product was conceived from) through the API. */
import { deepseekSample, type SampleCase } from '../core/sample/deepseek';
import type { CaseApi } from './api';
import { setMeta } from './repos/meta';

/** Sources in an order where every parent comes before what derives from it. */
function parentsFirst(sources: SampleCase['sources']): SampleCase['sources'] {
  const byKey = new Map(sources.map((s) => [s.key, s]));
  const out: SampleCase['sources'] = [];
  const done = new Set<string>();
  const visit = (key: string) => {
    if (done.has(key)) return;
    const s = byKey.get(key);
    if (!s) throw new Error(`sample: unknown source ${key}`);
    done.add(key);
    if (s.derivedFrom) visit(s.derivedFrom);
    out.push(s);
  };
  for (const s of sources) visit(s.key);
  return out;
}

export function writeSample(api: CaseApi, sample: SampleCase = deepseekSample): void {
  api.db.transaction(() => {
    setMeta(api.db, 'title', sample.title);
    const sourceIds = new Map<string, string>();
    for (const s of parentsFirst(sample.sources)) {
      const created = api.invoke('sources.create', {
        title: s.title,
        publisher: s.publisher ?? null,
        authors: s.author ? [s.author] : [],
        url: s.url ?? null,
        kind: s.kind,
        reliability: s.reliability,
        publishedAt: s.publishedAt ?? null,
        notes: s.notes ?? '',
        derivedFromId: s.derivedFrom ? sourceIds.get(s.derivedFrom)! : null,
        speaksFor: s.speaksFor ?? null,
      });
      sourceIds.set(s.key, created.id);
    }
    const claimIds = new Map<string, string>();
    for (const c of sample.claims) {
      const created = api.invoke('claims.create', {
        text: c.text,
        claimant: c.claimant ?? null,
        claimedAt: c.claimedAt ?? null,
        tags: c.tags,
        prior: c.prior,
        notes: c.notes ?? '',
        quantity: c.quantity ? { value: c.quantity.value, unit: c.quantity.unit, scope: c.quantity.scope ?? null, asOf: c.quantity.asOf ?? null } : null,
        kind: c.kind ?? 'fact',
        kindRationale: c.kindRationale ?? null,
      });
      claimIds.set(c.key, created.id);
    }
    const evidenceIds = new Map<string, string>();
    for (const e of sample.evidence) {
      const created = api.invoke('evidence.create', {
        claimId: claimIds.get(e.claim)!,
        sourceId: sourceIds.get(e.source)!,
        stance: e.stance,
        excerpt: e.excerpt,
        locator: e.locator,
        credibility: e.credibility,
        weight: e.weight ?? 1,
        note: e.note ?? '',
      });
      evidenceIds.set(`${e.claim}\u0000${e.excerpt}`, created.id);
    }
    for (const d of sample.disputes) {
      api.invoke('disputes.open', {
        claimId: claimIds.get(d.claim)!,
        raisedBy: d.raisedBy,
        position: d.position,
        openedAt: d.openedAt,
        evidenceIds: (d.evidenceExcerpts ?? []).map((x) => evidenceIds.get(`${d.claim}\u0000${x}`)!).filter(Boolean),
      });
    }
    for (const l of sample.links)
      api.invoke('links.create', { fromId: claimIds.get(l.from)!, toId: claimIds.get(l.to)!, kind: l.kind, note: '' });
    for (const b of sample.boards ?? []) {
      const hypotheses = b.hypotheses.map((k) => claimIds.get(k)!);
      const board = api.invoke('ach.create', { title: b.title, question: b.question, claimIds: hypotheses, pullEvidence: false });
      for (const r of b.rows) {
        const evidenceId = evidenceIds.get(`${r.claim}\u0000${r.excerpt}`);
        if (!evidenceId) throw new Error(`sample: board row names no evidence of ${r.claim}: ${r.excerpt}`);
        api.invoke('ach.add', { id: board.id, evidenceId, note: r.note });
        r.ratings.forEach((rating, i) => api.invoke('ach.rate', { id: board.id, evidenceId, claimId: hypotheses[i]!, rating, analyst: b.analyst }));
      }
    }
  })();
}
