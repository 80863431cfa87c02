import { afterAll, describe, expect, it } from 'vitest';
import { formatPercent } from '../../core/estimative';
import { CaseError } from '../../db/errors';
import { readBriefingData } from '../../db/service/briefing-data';
import { composeBriefing } from '../../core/briefing/compose';
import { sampleCase } from '../core/briefing/fixtures';

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

describe('briefings: save, list, get, render', () => {
  const c = sampleCase();
  afterAll(() => c.close());
  const api = c.api;

  it('saves a version in one transaction with its event, and lists it', () => {
    const before = api.invoke('case.info', {}).counts.events;
    const saved = api.invoke('briefings.save', { selection: { query: 'chips' }, title: 'Chips' });
    expect(saved.version).toBe(1);
    expect(saved.claimCount).toBe(5); // chips, stemmed: also the "chip demand" claim (issue 20)
    expect(saved.briefing.changes).toBeNull();
    const events = api.invoke('history.recent', { limit: 1 });
    expect(api.invoke('case.info', {}).counts.events).toBe(before + 1);
    expect(events[0]).toMatchObject({ kind: 'briefing.saved', entityType: 'briefing', entityId: saved.id });
    expect(api.invoke('history.verify', {}).ok).toBe(true);
    expect(api.invoke('briefings.list', {}).map((v) => v.id)).toEqual([saved.id]);
    const got = api.invoke('briefings.get', { id: saved.id });
    expect(got.markdown).toBe(saved.markdown);
    expect(got.title).toBe('Chips');
  });

  it('keys selections so that order and spacing do not matter', () => {
    const ids = api.invoke('claims.list', { limit: 2 }).items.map((x) => x.id);
    const a = api.invoke('briefings.save', { selection: { claimIds: ids } });
    const b = api.invoke('briefings.save', { selection: { claimIds: [...ids].reverse() } });
    expect(b.selectionKey).toBe(a.selectionKey);
    expect(b.version).toBe(2);
    expect(b.briefing.changes).toMatchObject({ previousId: a.id, lines: [] });
    expect(api.invoke('briefings.list', { selection: { claimIds: ids } }).map((v) => v.version)).toEqual([2, 1]);
  });

  it('renders a saved version as it was saved, even after the case changed', () => {
    const saved = api.invoke('briefings.list', { selection: { query: 'chips' } })[0]!;
    const first = api.invoke('briefings.render', { id: saved.id, format: 'md' });
    const claim = api.invoke('briefings.get', { id: saved.id }).briefing.judgments[0]!;
    api.invoke('claims.update', { id: claim.claimId, text: `${claim.text} (edited)` });
    expect(api.invoke('briefings.render', { id: saved.id, format: 'md' }).content).toBe(first.content);
    expect(first.fileName).toMatch(/^chips-2025-02-01\.md$/);
  });

  it('refuses bad selections with messages that name the field', () => {
    const empty = api.call('briefings.compose', { selection: {} });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toMatch(/selection: choose claims/);
    expect(() => api.invoke('briefings.compose', { selection: { claimIds: ['nope'] } })).toThrow(/claim nope was not found/);
    const both = api.call('briefings.render', { format: 'md' });
    expect(!both.ok && both.error.message).toMatch(/either the id of a saved briefing or a selection/);
    const fmt = api.call('briefings.render', { id: 'x', format: 'pdf' });
    expect(!fmt.ok && fmt.error.message).toMatch(/format: must be one of: md, html, docx/);
    expect(() => api.invoke('briefings.get', { id: 'missing' })).toThrow(CaseError);
  });
});

describe('Changes since the previous briefing', () => {
  const c = sampleCase();
  afterAll(() => c.close());
  const api = c.api;

  it('lists exactly what changed between two saved briefings', () => {
    const v1 = api.invoke('briefings.save', { selection: { query: 'chips' } });
    const states = new Map(v1.briefing.snapshot.claims.map((s) => [s.id, s]));
    const [a, b, , d] = v1.briefing.judgments;
    // A: strong refuting evidence (probability, band, confidence, evidence count move).
    const src = api.invoke('sources.create', { title: 'Customs records', reliability: 'A' });
    api.invoke('evidence.create', { claimId: a!.claimId, sourceId: src.id, stance: 'refutes', credibility: 1 });
    // B: a new dispute and a verdict.
    api.invoke('disputes.open', { claimId: b!.claimId, raisedBy: 'Reviewer', position: 'The chip list is incomplete.' });
    api.invoke('claims.setStatus', { id: b!.claimId, status: 'disputed', rationale: 'Open challenge.' });
    // D leaves the selection; a new claim joins it.
    api.invoke('claims.delete', { id: d!.claimId });
    const added = api.invoke('claims.create', { text: 'DeepSeek rents chips from cloud providers.' });

    const v2 = api.invoke('briefings.save', { selection: { query: 'chips' } });
    const after = new Map(v2.briefing.snapshot.claims.map((s) => [s.id, s]));
    const A0 = states.get(a!.claimId)!;
    const A1 = after.get(a!.claimId)!;
    const name = (t: string) => `“${short(t)}”`;
    const byClaim = new Map<string, string[]>([
      [added.id, [`New claim: “${added.text}” (${added.band}, ${formatPercent(added.probability!)}).`]],
      [
        a!.claimId,
        [
          `${name(A0.text)}: probability ${formatPercent(A0.probability)} → ${formatPercent(A1.probability)}.`,
          `${name(A0.text)}: band ${A0.band} → ${A1.band}.`,
          ...(A0.confidence !== A1.confidence ? [`${name(A0.text)}: analytic confidence ${A0.confidence} → ${A1.confidence}.`] : []),
          `${name(A0.text)}: 1 evidence item added.`,
        ],
      ],
      [b!.claimId, [`${name(b!.text)}: status unverified → disputed.`, `${name(b!.text)}: 1 dispute opened.`]],
    ]);
    // Current claims in briefing order, then the removed ones; unchanged claims say nothing.
    const expected = [...v2.briefing.judgments.flatMap((j) => byClaim.get(j.claimId) ?? []), `Removed claim: ${name(d!.text)}.`];
    expect(A0.band).not.toBe(A1.band);
    expect(v2.briefing.changes?.previousId).toBe(v1.id);
    expect(v2.briefing.changes?.lines).toEqual(expected);
    expect(v2.markdown).toContain('## Changes since the previous briefing');
    for (const line of expected) expect(v2.markdown).toContain(line.slice(0, 20));
  });

  it('reading and composing are separate functions (for the bench)', () => {
    const data = readBriefingData(api, { query: 'chips' }, { now: () => '2025-03-01T00:00:00.000Z' });
    expect(data.claims.length).toBeGreaterThan(0);
    expect(data.previous).not.toBeNull();
    const b = composeBriefing(data, { title: 'Direct' });
    expect(b.title).toBe('Direct');
    expect(b.generatedAt).toBe('2025-03-01T00:00:00.000Z');
  });
});
