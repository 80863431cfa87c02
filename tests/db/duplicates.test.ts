/**
 * The duplicate review queue (issue 18.3): candidates from the similar-claim matcher and from the same
 * URL/DOI; merge and un-merge leave the case and its history exactly as they were (every table but
 * the appended events, and the JSON export); a dismissed pair is never offered again; confidence is
 * recomputed from the merged evidence.
 */
import { describe, expect, it } from 'vitest';
import { urlKey } from '../../core/duplicates';
import type { CaseApi } from '../../db/api';
import type { DB } from '../../db/sql';
import { tempCase } from '../helpers';

const COST = 'Training DeepSeek-V3 cost about USD6mn in compute, using Nvidia H800 chips.';
const COST_AGAIN = 'DeepSeek-V3 training cost about USD6mn of compute on Nvidia H800 chips.';
const FOUNDED = 'DeepSeek was established in 2023.';
const CHIPS = 'DeepSeek trained its latest models only on less powerful, sanctions-compliant Nvidia H800 and H20 chips.';

/** Every row of every table of the case except the history itself and the queue's own records. */
function tables(db: DB): Record<string, string[]> {
  const names = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'
         AND name NOT IN (SELECT name FROM pragma_table_list WHERE type = 'shadow')
         AND name NOT IN ('events', 'chain_head', 'merges', 'duplicate_verdicts')`,
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(names.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}

/** The JSON export without its time and signature (they name the moment of export). */
function exported(api: CaseApi): unknown {
  const { exportedAt: _t, signedHead: _s, ...rest } = JSON.parse(api.invoke('transfer.export', { format: 'json' }).content) as Record<string, unknown>;
  return rest;
}

const byText = (api: CaseApi, text: string) => api.invoke('claims.list', { limit: 1000 }).items.find((c) => c.text === text)!;

/** The sample case with a reworded copy of the cost claim that has its own evidence, dispute, links and tag. */
function setup() {
  let tick = 0;
  const t = tempCase({ sample: true, now: () => new Date(Date.UTC(2025, 1, 1) + 1000 * tick++).toISOString() });
  const { api } = t;
  const cost = byText(api, COST);
  const chips = byText(api, CHIPS);
  const copy = api.invoke('claims.create', { text: COST_AGAIN, claimant: 'A newswire', tags: ['cost', 'newswire'] });
  const wire = api.invoke('sources.create', { title: 'Newswire report on DeepSeek', reliability: 'C', url: 'https://news.example/deepseek' });
  const briefSource = api.invoke('claims.get', { id: cost.id }).evidence[0]!.sourceId;
  const e1 = api.invoke('evidence.create', { claimId: copy.id, sourceId: wire.id, stance: 'supports', credibility: 3, excerpt: 'The final run cost USD5.6mn.' });
  const e2 = api.invoke('evidence.create', { claimId: copy.id, sourceId: briefSource, stance: 'refutes', credibility: 2, excerpt: 'Excludes research and ablations.' });
  const dispute = api.invoke('disputes.open', { claimId: copy.id, raisedBy: 'Analyst B', position: 'Compute only, not the full cost.', evidenceIds: [e2.id] });
  api.invoke('links.create', { fromId: copy.id, toId: chips.id, kind: 'depends-on' });
  api.invoke('links.create', { fromId: chips.id, toId: copy.id, kind: 'part-of' });
  api.invoke('links.create', { fromId: copy.id, toId: cost.id, kind: 'contradicts' });
  const founded = byText(api, FOUNDED);
  api.invoke('links.create', { fromId: copy.id, toId: founded.id, kind: 'depends-on' });
  return { ...t, cost, chips, founded, copy, wire, briefSource, e1, e2, dispute };
}

describe('duplicate candidates', () => {
  it('the sample case offers none; a reworded claim is offered with its reason and score', () => {
    const t = tempCase({ sample: true });
    expect(t.api.invoke('duplicates.list', {})).toMatchObject({ claims: [], sources: [] });
    const { api, cost, copy } = setup();
    const [pair, ...rest] = api.invoke('duplicates.list', {}).claims;
    expect(rest).toEqual([]);
    expect([pair!.a.id, pair!.b.id].sort()).toEqual([cost.id, copy.id].sort());
    expect(pair!.reason).toBe('same-words');
    expect(pair!.score).toBeGreaterThanOrEqual(0.7);
    expect(pair!.explanation).toMatch(/weighted Dice \d+%/);
    expect(pair!.a.facts.map((f) => f.label)).toEqual(['Claimant', 'Claimed', 'Status', 'Probability', 'Evidence', 'Open disputes', 'Tags']);
  });

  it('a claim whose wording sits inside a longer one is offered as the same wording', () => {
    const { api } = tempCase();
    const short = api.invoke('claims.create', { text: 'The ministry confirmed the new export licences for the three firms last week.' });
    api.invoke('claims.create', {
      text: 'According to a statement on Friday, the ministry confirmed the new export licences for the three firms last week, and officials said more would follow once the review of applications from smaller companies and research institutes had been completed.',
    });
    const [pair] = api.invoke('duplicates.list', {}).claims;
    expect(pair).toMatchObject({ reason: 'same-wording', score: 1 });
    expect([pair!.a.id, pair!.b.id]).toContain(short.id);
  });

  it('sources with the same DOI or the same address once normalized are offered; different pages are not', () => {
    const { api } = tempCase();
    const a = api.invoke('sources.create', { title: 'Paper', doi: '10.1000/ABC.1' });
    const b = api.invoke('sources.create', { title: 'Paper (preprint page)', url: 'https://doi.org/10.1000/abc.1' });
    const c = api.invoke('sources.create', { title: 'Report', url: 'https://www.example.org/report/?utm_source=x#top' });
    const d = api.invoke('sources.create', { title: 'Report again', url: 'http://example.org/report' });
    api.invoke('sources.create', { title: 'Another report', url: 'https://example.org/report/2' });
    api.invoke('sources.create', { title: 'No address' });
    const pairs = api.invoke('duplicates.list', {}).sources.map((p) => [p.reason, [p.a.id, p.b.id].sort()]);
    expect(pairs).toEqual([
      ['same-doi', [a.id, b.id].sort()],
      ['same-url', [c.id, d.id].sort()],
    ]);
    expect(urlKey('https://Example.org:443/a/?b=1&utm_medium=y')).toBe('example.org/a?b=1');
    expect(urlKey('not a url')).toBeNull();
  });
});

describe('merge and un-merge of claims', () => {
  it('moves evidence, disputes, links, tags and history to the survivor; the other becomes its duplicate', () => {
    const { api, cost, copy, chips, founded, e1, e2, dispute } = setup();
    const historyOfCopy = api.invoke('history.claim', { id: copy.id }).events.map((e) => e.id);
    const m = api.invoke('duplicates.merge', { entity: 'claim', survivorId: cost.id, mergedId: copy.id, rationale: 'Same figure, reworded.' });
    expect(m).toMatchObject({ survivorId: cost.id, mergedId: copy.id, undoneAt: null, moved: { evidence: 2, disputes: 1, links: 2, tags: 1 } });
    expect(m.reason).toMatch(/same telling words/);
    const d = api.invoke('claims.get', { id: cost.id });
    expect(d.evidence.map((e) => e.id)).toEqual(expect.arrayContaining([e1.id, e2.id]));
    expect(d.disputes.map((x) => x.id)).toContain(dispute.id);
    expect(d.claim.tags).toEqual(expect.arrayContaining(['cost', 'newswire']));
    expect(d.links.map((l) => [l.kind, l.direction, l.fromId, l.toId])).toEqual(
      expect.arrayContaining([
        ['depends-on', 'outgoing', cost.id, chips.id],
        ['depends-on', 'outgoing', cost.id, founded.id],
        ['part-of', 'incoming', chips.id, cost.id],
        ['duplicate-of', 'incoming', copy.id, cost.id],
      ]),
    );
    // The link between the two (copy contradicts cost) cannot survive as a link of a claim to itself, and
    // the survivor already depended on the chips claim: both dropped (and put back by an un-merge).
    expect(d.links.some((l) => l.kind === 'contradicts')).toBe(false);
    expect(d.links.filter((l) => l.kind === 'depends-on' && l.toId === chips.id)).toHaveLength(1);
    const merged = api.invoke('claims.get', { id: copy.id });
    expect(merged.claim).toMatchObject({ evidenceCount: 0, openDisputes: 0 });
    expect(merged.claim.deletedAt).not.toBeNull();
    const history = api.invoke('history.claim', { id: cost.id }).events;
    expect(history.map((e) => e.id)).toEqual(expect.arrayContaining(historyOfCopy));
    expect(history.map((e) => e.kind)).toEqual(expect.arrayContaining(['duplicate.merged', 'duplicate.merged-into']));
    expect(api.invoke('history.verify', {}).ok).toBe(true);
    // Merged claims are no longer offered, nor restored from the trash behind the merge's back.
    expect(api.invoke('duplicates.list', {}).claims).toEqual([]);
    expect(api.call('claims.restore', { id: copy.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: /un-merge/ } });
  });

  it('recomputes confidence from the merged evidence: the survivor equals a claim holding all of it', () => {
    const { api, cost, copy } = setup();
    const items = [...api.invoke('claims.get', { id: cost.id }).evidence, ...api.invoke('claims.get', { id: copy.id }).evidence];
    const before = api.invoke('claims.get', { id: cost.id }).claim.probability;
    const survivor = api.invoke('claims.get', { id: cost.id }).claim;
    const control = api.invoke('claims.create', { text: 'Control claim with the same evidence, for comparison only.', claimant: survivor.claimant, prior: survivor.prior });
    for (const e of items)
      api.invoke('evidence.create', {
        claimId: control.id,
        sourceId: e.sourceId,
        stance: e.stance,
        credibility: e.credibility,
        weight: e.weight,
        excerpt: e.excerpt,
        attribution: e.attribution,
      });
    const expected = api.invoke('claims.get', { id: control.id });
    api.invoke('duplicates.merge', { entity: 'claim', survivorId: cost.id, mergedId: copy.id });
    const after = api.invoke('claims.get', { id: cost.id });
    expect(after.claim.probability).toBeCloseTo(expected.claim.probability!, 12);
    expect(after.claim.probability).not.toBeCloseTo(before!, 6);
    expect(after.claim.confidence).toBe(expected.claim.confidence);
    expect(after.model.items).toHaveLength(items.length);
    expect(after.claim.evidenceCount).toBe(items.length);
    const list = api.invoke('claims.list', { limit: 1000 }).items.find((c) => c.id === cost.id)!;
    expect(list).toMatchObject({ probability: after.claim.probability, evidenceCount: items.length, openDisputes: after.claim.openDisputes });
    expect(api.invoke('history.claim', { id: cost.id }).events.at(-1)).toMatchObject({ kind: 'duplicate.merged-into' });
    expect(
      api.invoke('history.claim', { id: cost.id }).events.some((e) => e.kind === 'confidence.changed' && JSON.stringify(e.payload).includes('merged into this one')),
    ).toBe(true);
  });

  it('un-merge leaves every table, the JSON export and both histories as they were, but for the appended events', () => {
    const { api, handle, cost, copy } = setup();
    const tablesBefore = tables(handle.db);
    const exportBefore = exported(api);
    const historyBefore = [cost.id, copy.id].map((id) => api.invoke('history.claim', { id }).events);
    const seq = historyBefore.flat().reduce((n, e) => Math.max(n, e.seq), 0);
    const m = api.invoke('duplicates.merge', { entity: 'claim', survivorId: cost.id, mergedId: copy.id });
    expect(tables(handle.db)).not.toEqual(tablesBefore);
    const undone = api.invoke('duplicates.unmerge', { id: m.id, rationale: 'Different scope after all.' });
    expect(undone.undoneAt).not.toBeNull();
    expect(tables(handle.db)).toEqual(tablesBefore);
    expect(exported(api)).toEqual(exportBefore);
    const historyAfter = [cost.id, copy.id].map((id) => api.invoke('history.claim', { id }).events);
    const appended = [
      ['duplicate.merged', 'duplicate.unmerged'],
      ['duplicate.merged-into', 'duplicate.unmerged-from'],
    ];
    historyAfter.forEach((events, i) => {
      expect(events.filter((e) => e.seq <= seq)).toEqual(historyBefore[i]);
      expect(events.filter((e) => e.seq > seq).map((e) => e.kind)).toEqual(expect.arrayContaining(appended[i]!));
    });
    expect(api.invoke('history.verify', {}).ok).toBe(true);
    // Undone once: the pair is offered again, and a second un-merge is refused.
    expect(api.invoke('duplicates.list', {}).claims).toHaveLength(1);
    expect(api.call('duplicates.unmerge', { id: m.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: /already undone/ } });
    // The un-merge also answers to the merged claim's id.
    api.invoke('duplicates.merge', { entity: 'claim', survivorId: copy.id, mergedId: cost.id });
    api.invoke('duplicates.unmerge', { id: cost.id });
    expect(tables(handle.db)).toEqual(tablesBefore);
  });

  it('un-merges after later changes: what was deleted since stays deleted, what was added since stays with the survivor', () => {
    const { api, cost, copy, e1, e2, wire } = setup();
    const m = api.invoke('duplicates.merge', { entity: 'claim', survivorId: cost.id, mergedId: copy.id });
    api.invoke('evidence.delete', { id: e1.id });
    const later = api.invoke('evidence.create', { claimId: cost.id, sourceId: wire.id, stance: 'context', excerpt: 'Added after the merge.' });
    api.invoke('duplicates.unmerge', { id: m.id });
    expect(api.invoke('claims.get', { id: copy.id }).evidence.map((e) => e.id)).toEqual([e2.id]);
    expect(api.invoke('claims.get', { id: cost.id }).evidence.map((e) => e.id)).toContain(later.id);
    expect(api.invoke('claims.get', { id: copy.id }).claim).toMatchObject({ deletedAt: null, evidenceCount: 1 });
    expect(api.invoke('history.verify', {}).ok).toBe(true);
  });

  it('refuses what cannot be merged, naming the field, and writes nothing', () => {
    const { api, cost, copy, founded } = setup();
    api.invoke('claims.delete', { id: founded.id });
    const n = api.invoke('case.info', {}).counts;
    expect(api.call('duplicates.merge', { entity: 'claim', survivorId: cost.id, mergedId: cost.id })).toMatchObject({ ok: false, error: { message: /mergedId/ } });
    expect(api.call('duplicates.merge', { entity: 'claim', survivorId: cost.id, mergedId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(api.call('duplicates.merge', { entity: 'person', survivorId: cost.id, mergedId: copy.id })).toMatchObject({ ok: false, error: { message: /entity/ } });
    expect(api.call('duplicates.merge', { entity: 'claim', survivorId: founded.id, mergedId: copy.id })).toMatchObject({ ok: false, error: { message: /survivorId: .*trash/ } });
    expect(api.invoke('case.info', {}).counts).toEqual(n);
    expect(api.invoke('duplicates.list', {}).merges).toEqual([]);
    // Two claims the queue does not pair may still be merged by hand.
    const hand = api.invoke('duplicates.merge', { entity: 'claim', survivorId: cost.id, mergedId: byText(api, CHIPS).id });
    expect(hand).toMatchObject({ reason: 'merged by the analyst', score: null });
  });
});

describe('pairs kept apart', () => {
  it('a dismissed pair is never offered again, whatever changes; each verdict is an event', () => {
    const { api, cost, copy } = setup();
    const r = api.invoke('duplicates.dismiss', { entity: 'claim', aId: copy.id, bId: cost.id, verdict: 'not-duplicate', rationale: 'Different runs.' });
    expect(r).toMatchObject({ verdict: 'not-duplicate', rationale: 'Different runs.' });
    expect(api.invoke('duplicates.list', {})).toMatchObject({ claims: [], reviewed: [{ verdict: 'not-duplicate' }] });
    // Made identical in wording, the pair is still not offered; a third copy pairs with both.
    api.invoke('claims.update', { id: copy.id, text: COST });
    expect(api.invoke('duplicates.list', {}).claims).toEqual([]);
    const third = api.invoke('claims.create', { text: COST });
    const offered = api.invoke('duplicates.list', {}).claims.map((p) => [p.a.id, p.b.id].sort().join());
    expect(offered.sort()).toEqual([[cost.id, third.id].sort().join(), [copy.id, third.id].sort().join()].sort());
    expect(api.call('duplicates.dismiss', { entity: 'claim', aId: cost.id, bId: copy.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    api.invoke('duplicates.dismiss', { entity: 'claim', aId: cost.id, bId: third.id, verdict: 'keep-both' });
    expect(api.invoke('history.claim', { id: copy.id }).events.filter((e) => e.kind === 'duplicate.dismissed')).toHaveLength(1);
    expect(api.invoke('duplicates.list', {}).claims).toHaveLength(1);
  });
});

describe('merge and un-merge of sources', () => {
  it('moves evidence, lineage and captures to the survivor, recomputes the citing claims, and un-merges exactly', () => {
    const { api, handle } = tempCase({ now: () => '2025-03-01T00:00:00.000Z' });
    const claim = api.invoke('claims.create', { text: 'The plant produced 40,000 wafers in March.' });
    const other = api.invoke('claims.create', { text: 'Output fell after the inspection.' });
    const keep = api.invoke('sources.create', { title: 'Ministry report', reliability: 'B', url: 'https://gov.example/report' });
    const dup = api.invoke('sources.create', { title: 'Ministry report (mirror)', reliability: 'B', url: 'http://www.gov.example/report/' });
    const child = api.invoke('sources.create', { title: 'Newspaper repeating the report', reliability: 'C', derivedFromId: dup.id });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: keep.id, stance: 'supports', credibility: 2, excerpt: '40,000 wafers' });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: dup.id, stance: 'supports', credibility: 2, excerpt: '40,000 wafers in March' });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: child.id, stance: 'supports', credibility: 3 });
    api.invoke('evidence.create', { claimId: other.id, sourceId: dup.id, stance: 'refutes', credibility: 3 });
    const bytes = Buffer.from('The plant produced 40,000 wafers in March, the ministry said.').toString('base64');
    api.invoke('captures.attach', { sourceId: dup.id, bytes, fileName: 'report.txt', mediaType: 'text/plain' });
    const p0 = api.invoke('claims.get', { id: claim.id }).claim.probability!;
    const tablesBefore = tables(handle.db);
    const exportBefore = exported(api);

    const [pair] = api.invoke('duplicates.list', {}).sources;
    expect(pair).toMatchObject({ reason: 'same-url', score: 1 });
    const m = api.invoke('duplicates.merge', { entity: 'source', survivorId: keep.id, mergedId: dup.id });
    expect(m.moved).toMatchObject({ evidence: 2, derived: 1, captures: 1, capturesKept: 0 });
    expect(m).toMatchObject({ reason: 'same address (gov.example/report)', score: 1 });
    const s = api.invoke('sources.get', { id: keep.id });
    expect(s.citedBy).toHaveLength(3);
    expect(s.derived.map((d) => d.id)).toEqual([child.id]);
    expect(api.invoke('sources.get', { id: child.id }).originId).toBe(keep.id);
    expect(api.invoke('captures.list', { sourceId: keep.id }).map((c) => c.fileName)).toEqual(['report.txt']);
    // The two quotes are now one origin: the second counts a quarter, so the claim is less certain than before.
    const p1 = api.invoke('claims.get', { id: claim.id }).claim.probability!;
    expect(p1).toBeLessThan(p0);
    expect(api.call('sources.restore', { id: dup.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    api.invoke('duplicates.unmerge', { id: dup.id });
    expect(tables(handle.db)).toEqual(tablesBefore);
    expect(exported(api)).toEqual(exportBefore);
    expect(api.invoke('claims.get', { id: claim.id }).claim.probability).toBe(p0);
    expect(api.invoke('history.verify', {}).ok).toBe(true);
  });
});
