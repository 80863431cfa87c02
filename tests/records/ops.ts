/**
 * Random mutation sequences over the whole contract, for the replay properties: every kind of change
 * an analyst (or an import) makes, applied through `api.call` to a real case. Refusals are part of
 * the game (a random op may name a trashed claim): they must change nothing.
 */
import fc from 'fast-check';
import type { CaseApi } from '../../db/api';
import { tempCase } from '../helpers';

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett', 'chips', 'H800', '芯片'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const pick = fc.nat({ max: 1000 });

export type Op = { op: string; i: number; j: number; text: string; n: number; flag: boolean };

const OPS = [
  'claim', 'claim', 'edit', 'status', 'override', 'clearOverride', 'outcome', 'delete', 'restore',
  'source', 'source', 'regrade', 'derive', 'trashSource', 'restoreSource',
  'evidence', 'evidence', 'evidence', 'reword', 'unlink', 'independent',
  'dispute', 'respond', 'resolve', 'link', 'unlinkClaims', 'settings', 'briefing', 'import', 'attach',
  'board', 'boardAdd', 'rate', 'rate', 'assume', 'failAssumption', 'indicator', 'observe', 'merge', 'unmerge', 'dismiss',
] as const;

export const opArb: fc.Arbitrary<Op> = fc.record({
  op: fc.constantFrom(...OPS),
  i: pick,
  j: pick,
  text: sentence,
  n: fc.integer({ min: 1, max: 6 }),
  flag: fc.boolean(),
});

export interface OpState {
  claims: string[];
  sources: string[];
  evidence: string[];
  disputes: string[];
  links: string[];
  boards: string[];
  assumptions: string[];
  indicators: string[];
  imports: number;
}

export const emptyState = (): OpState => ({ claims: [], sources: [], evidence: [], disputes: [], links: [], boards: [], assumptions: [], indicators: [], imports: 0 });

const of = (xs: string[], i: number) => (xs.length ? xs[i % xs.length]! : 'missing');
const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const STANCES = ['supports', 'refutes', 'context'] as const;

function idOf(r: { ok: boolean; value?: unknown }): string | null {
  return r.ok ? ((r.value as { id: string }).id ?? null) : null;
}

/** Import files (JSON exports of small cases of their own) the import op takes in turn. */
export const importFiles: string[] = [];

/** Fills importFiles with the exports of three small donor cases (once). */
export function donorExports(): void {
  if (importFiles.length) return;
  for (let k = 0; k < 3; k++) {
    const donor = tempCase({ name: `donor-${k}.claimtrail` });
    const src = donor.api.invoke('sources.create', { title: `Donor source ${k}`, reliability: 'B' });
    for (let c = 0; c <= k; c++) {
      const claim = donor.api.invoke('claims.create', { text: `Donor claim ${k}.${c} about chips`, tags: ['donor'] });
      donor.api.invoke('evidence.create', { claimId: claim.id, sourceId: src.id, stance: 'supports', excerpt: `donor quote ${k} ${c}`, credibility: 2 });
    }
    importFiles.push(donor.api.invoke('transfer.export', { format: 'json' }).content);
    donor.close();
  }
}


export function applyOp(api: CaseApi, st: OpState, o: Op): void {
  const c = of(st.claims, o.i);
  const s = of(st.sources, o.j);
  const e = of(st.evidence, o.i);
  const d = of(st.disputes, o.j);
  switch (o.op) {
    case 'claim': {
      const id = idOf(api.call('claims.create', { text: `${o.text} ${st.claims.length}`, tags: o.flag ? ['chips', `t${o.n}`] : [], ...(o.n === 3 ? { quantity: { value: o.n * 1e6, unit: 'USD' } } : {}), ...(o.n === 6 ? { kind: 'forecast' } : {}) }));
      if (id) st.claims.push(id);
      return;
    }
    case 'edit':
      api.call('claims.update', { id: c, text: `${o.text} edited`, tags: o.flag ? ['edited'] : [], prior: o.n / 7 });
      return;
    case 'status':
      api.call('claims.setStatus', { id: c, status: o.flag ? 'disputed' : 'supported', rationale: o.text });
      return;
    case 'override':
      api.call('claims.override', { id: c, probability: o.n / 7, rationale: o.text });
      return;
    case 'clearOverride':
      api.call('claims.clearOverride', { id: c, rationale: o.text });
      return;
    case 'outcome':
      api.call('claims.setOutcome', { id: c, outcome: o.flag ? 'true' : null, note: o.text });
      return;
    case 'delete':
      api.call('claims.delete', { id: c, rationale: o.text });
      return;
    case 'restore':
      api.call('claims.restore', { id: c });
      return;
    case 'source': {
      const id = idOf(api.call('sources.create', { title: `${o.text} ${st.sources.length}`, reliability: GRADES[o.n - 1], url: o.flag ? `https://example.org/${o.n}` : undefined }));
      if (id) st.sources.push(id);
      return;
    }
    case 'regrade':
      api.call('sources.update', { id: s, reliability: GRADES[o.n - 1] });
      return;
    case 'derive':
      api.call('sources.update', { id: s, derivedFromId: o.flag ? of(st.sources, o.i) : null });
      return;
    case 'trashSource':
      api.call('sources.delete', { id: s });
      return;
    case 'restoreSource':
      api.call('sources.restore', { id: s });
      return;
    case 'evidence': {
      const id = idOf(api.call('evidence.create', { claimId: c, sourceId: s, stance: STANCES[o.n % 3], excerpt: o.text, credibility: o.n, attribution: o.n === 5 }));
      if (id) st.evidence.push(id);
      return;
    }
    case 'reword':
      api.call('evidence.update', { id: e, excerpt: `${o.text} reworded`, credibility: o.n });
      return;
    case 'unlink':
      api.call('evidence.delete', { id: e, rationale: o.text });
      return;
    case 'independent': {
      const r = api.call('claims.get', { id: c });
      const items = r.ok ? (r.value as { evidence: { id: string }[] }).evidence : [];
      if (items.length >= 2) api.call('evidence.setIndependent', { a: items[o.i % items.length]!.id, b: items[(o.i + 1) % items.length]!.id, independent: o.flag });
      return;
    }
    case 'dispute': {
      const id = idOf(api.call('disputes.open', { claimId: c, raisedBy: 'reviewer', position: o.text, ...(o.flag && st.evidence.length ? { evidenceIds: [e] } : {}) }));
      if (id) st.disputes.push(id);
      return;
    }
    case 'respond':
      api.call('disputes.respond', { id: d, author: 'analyst', text: o.text });
      return;
    case 'resolve':
      api.call('disputes.resolve', { id: d, resolution: o.text });
      return;
    case 'link': {
      const id = idOf(api.call('links.create', { fromId: c, toId: of(st.claims, o.j), kind: o.flag ? 'contradicts' : 'depends-on' }));
      if (id) st.links.push(id);
      return;
    }
    case 'unlinkClaims':
      api.call('links.delete', { id: of(st.links, o.i) });
      return;
    case 'settings':
      api.call('settings.update', { analystName: o.flag ? 'second analyst' : 'tester', caveat: o.text, backupsToKeep: o.n });
      return;
    case 'briefing':
      api.call('briefings.save', { selection: { query: o.text.split(' ')[0]! }, title: o.text });
      return;
    case 'import':
      if (importFiles.length) api.call('transfer.import', { format: 'json', content: importFiles[st.imports++ % importFiles.length]!, fileName: 'random.json' });
      return;
    case 'board': {
      const id = idOf(api.call('ach.create', { title: o.text, claimIds: [c, of(st.claims, o.j)] }));
      if (id) st.boards.push(id);
      return;
    }
    case 'boardAdd':
      api.call('ach.add', o.flag ? { id: of(st.boards, o.i), claimId: of(st.claims, o.j) } : { id: of(st.boards, o.i), evidenceId: e });
      return;
    case 'rate': {
      const r = api.call('ach.get', { id: of(st.boards, o.i) });
      if (!r.ok) return;
      const b = r.value as { hypotheses: { claimId: string }[]; rows: { evidenceId: string }[] };
      if (!b.hypotheses.length || !b.rows.length) return;
      const ratings = ['CC', 'C', 'N', 'I', 'II', null] as const;
      api.call('ach.rate', { id: of(st.boards, o.i), evidenceId: b.rows[o.j % b.rows.length]!.evidenceId, claimId: b.hypotheses[o.n % b.hypotheses.length]!.claimId, rating: ratings[o.n - 1], analyst: o.flag ? 'second analyst' : undefined });
      return;
    }
    case 'assume': {
      const id = idOf(api.call('assumptions.add', { text: o.text, likelihood: 'medium', impact: 'high', claimIds: [c] }));
      if (id) st.assumptions.push(id);
      return;
    }
    case 'failAssumption':
      api.call('assumptions.fail', { id: of(st.assumptions, o.i), why: o.text });
      return;
    case 'indicator': {
      const id = idOf(api.call('indicators.add', { text: o.text, claimId: c, direction: o.flag ? 'supports' : 'undercuts' }));
      if (id) st.indicators.push(id);
      return;
    }
    case 'observe':
      api.call('indicators.observe', { id: of(st.indicators, o.i), state: o.flag ? 'observed' : 'contradicted', note: o.text });
      return;
    case 'merge':
      if (o.flag) api.call('duplicates.merge', { entity: 'claim', survivorId: c, mergedId: of(st.claims, o.j) });
      else api.call('duplicates.merge', { entity: 'source', survivorId: s, mergedId: of(st.sources, o.i) });
      return;
    case 'unmerge':
      api.call('duplicates.unmerge', { id: o.flag ? of(st.claims, o.j) : of(st.sources, o.i) });
      return;
    case 'dismiss':
      api.call('duplicates.dismiss', { entity: 'claim', aId: c, bId: of(st.claims, o.j), verdict: o.flag ? 'keep-both' : 'not-duplicate' });
      return;
    case 'attach':
      api.call('captures.attach', { sourceId: s, bytes: Buffer.from(`# ${o.text}\n\n${o.text} page ${o.n}.\n`).toString('base64'), fileName: `note-${o.n}.md` });
      return;
  }
}
