/** Disputes: open (raised_by, position, linked evidence), respond, resolve — each an event; counters right. */
import { describe, expect, it } from 'vitest';
import { tempCase } from '../helpers';

function setup() {
  const { api } = tempCase({ now: () => '2025-02-01T10:00:00.000Z' });
  const claim = api.invoke('claims.create', { text: 'Training cost about USD6mn.' });
  const other = api.invoke('claims.create', { text: 'Another claim.' });
  const s = api.invoke('sources.create', { title: 'Brief', reliability: 'B' });
  const ev = api.invoke('evidence.create', { claimId: claim.id, sourceId: s.id, stance: 'refutes', credibility: 3, excerpt: 'widely disputed' });
  const foreign = api.invoke('evidence.create', { claimId: other.id, sourceId: s.id, stance: 'supports', credibility: 3 });
  return { api, claim, other, ev, foreign };
}

const openCount = (api: ReturnType<typeof setup>['api'], id: string) => api.invoke('claims.get', { id }).claim.openDisputes;

describe('disputes', () => {
  it('open, respond and resolve, each recorded in the claim history, with the open counter kept right', () => {
    const { api, claim, ev } = setup();
    const d = api.invoke('disputes.open', { claimId: claim.id, raisedBy: 'Critics', position: 'Excludes salaries.', evidenceIds: [ev.id, ev.id] });
    expect(d).toMatchObject({ claimId: claim.id, raisedBy: 'Critics', position: 'Excludes salaries.', status: 'open', evidenceIds: [ev.id], responses: [] });
    expect(d.openedAt).toBe('2025-02-01T10:00:00.000Z');
    const second = api.invoke('disputes.open', { claimId: claim.id, raisedBy: 'Analyst B', position: 'Compute price assumed too low.', openedAt: '2025-01-28' });
    expect(second.openedAt).toBe('2025-01-28');
    expect(openCount(api, claim.id)).toBe(2);
    expect(api.invoke('claims.list', {}).items.find((c) => c.id === claim.id)!.openDisputes).toBe(2);

    const r = api.invoke('disputes.respond', { id: d.id, author: 'DeepSeek', text: 'Figure is compute only, as stated.' });
    expect(r.responses).toMatchObject([{ author: 'DeepSeek', text: 'Figure is compute only, as stated.' }]);
    const resolved = api.invoke('disputes.resolve', { id: d.id, resolution: 'Scope label added to the claim.' });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'Scope label added to the claim.', resolvedAt: '2025-02-01T10:00:00.000Z' });
    expect(openCount(api, claim.id)).toBe(1);

    const events = api.invoke('history.claim', { id: claim.id }).events.filter((e) => e.kind.startsWith('dispute.'));
    expect(events.map((e) => [e.kind, e.entityId])).toEqual([
      ['dispute.opened', d.id],
      ['dispute.opened', second.id],
      ['dispute.response', d.id],
      ['dispute.resolved', d.id],
    ]);
    expect(events[0]!.payload).toMatchObject({ after: { raisedBy: 'Critics', evidenceIds: [ev.id] } });
    expect(events[3]!.rationale).toBe('Scope label added to the claim.');
    expect(api.invoke('claims.get', { id: claim.id }).disputes.map((x) => x.status)).toEqual(['resolved', 'open']);
    expect(api.invoke('history.verify', {}).ok).toBe(true);
  });

  it('refuses evidence of another claim, a trashed claim, and work on a resolved dispute — changing nothing', () => {
    const { api, claim, other, foreign } = setup();
    const events = api.invoke('case.info', {}).counts.events;
    expect(() => api.invoke('disputes.open', { claimId: claim.id, raisedBy: 'X', position: 'Y', evidenceIds: [foreign.id] })).toThrow(
      /evidenceIds\.0: evidence .* belongs to another claim/,
    );
    expect(() => api.invoke('disputes.open', { claimId: claim.id, raisedBy: '', position: 'Y' })).toThrow(/raisedBy: must not be empty/);
    expect(() => api.invoke('disputes.open', { claimId: 'nope', raisedBy: 'X', position: 'Y' })).toThrow(/claim/);
    expect(api.invoke('case.info', {}).counts).toMatchObject({ events, disputes: 0 });
    expect(openCount(api, claim.id)).toBe(0);

    const d = api.invoke('disputes.open', { claimId: other.id, raisedBy: 'X', position: 'Y' });
    api.invoke('disputes.resolve', { id: d.id, resolution: 'Withdrawn.' });
    expect(() => api.invoke('disputes.respond', { id: d.id, author: 'A', text: 'B' })).toThrow(/resolved/);
    expect(() => api.invoke('disputes.resolve', { id: d.id, resolution: 'again' })).toThrow(/already resolved/);
    expect(() => api.invoke('disputes.resolve', { id: d.id, resolution: '' })).toThrow(/resolution: must not be empty/);
    api.invoke('claims.delete', { id: other.id });
    expect(() => api.invoke('disputes.open', { claimId: other.id, raisedBy: 'X', position: 'Y' })).toThrow(/trash/);
  });

  it('records the outcome of a resolution (upheld, rejected, partly) in the row and the event; an unknown outcome is refused by name', () => {
    const { api, claim } = setup();
    const outcomes = (['upheld', 'rejected', 'partly'] as const).map((outcome) => {
      const d = api.invoke('disputes.open', { claimId: claim.id, raisedBy: 'X', position: `Challenge ${outcome}` });
      return api.invoke('disputes.resolve', { id: d.id, resolution: `Settled: ${outcome}.`, outcome }).outcome;
    });
    expect(outcomes).toEqual(['upheld', 'rejected', 'partly']);
    expect(api.invoke('claims.get', { id: claim.id }).disputes.map((d) => d.outcome)).toEqual(['upheld', 'rejected', 'partly']);
    const resolvedEvents = api.invoke('history.claim', { id: claim.id }).events.filter((e) => e.kind === 'dispute.resolved');
    expect(resolvedEvents.map((e) => (e.payload as { after: { outcome: string } }).after.outcome)).toEqual(['upheld', 'rejected', 'partly']);
    const open = api.invoke('disputes.open', { claimId: claim.id, raisedBy: 'X', position: 'Y' });
    expect(open.outcome).toBeNull();
    expect(api.call('disputes.resolve', { id: open.id, resolution: 'r', outcome: 'won' })).toMatchObject({ ok: false, error: { code: 'invalid', message: /outcome/ } });
    expect(api.invoke('disputes.resolve', { id: open.id, resolution: 'No outcome given.' }).outcome).toBeNull();
    // Briefings say the outcome where they show the resolution.
    const md = api.invoke('briefings.render', { selection: { claimIds: [claim.id] }, format: 'md' }).content;
    expect(md).toContain('Resolved on 2025-02-01, partly upheld:');
    expect(md).toContain('Resolved on 2025-02-01, rejected:');
    expect(md).toMatch(/Resolved on 2025-02-01: .*No outcome given/);
  });

  it('carries the outcome through a JSON export and import; an outcome on an open dispute is refused by name', () => {
    const { api, claim } = setup();
    const d = api.invoke('disputes.open', { claimId: claim.id, raisedBy: 'Critics', position: 'Excludes salaries.' });
    api.invoke('disputes.resolve', { id: d.id, resolution: 'Compute only, as stated.', outcome: 'rejected' });
    const content = api.invoke('transfer.export', { format: 'json' }).content;
    const target = tempCase().api;
    target.invoke('transfer.import', { format: 'json', content, fileName: 'case.json' });
    expect(target.invoke('claims.get', { id: claim.id }).disputes.map((x) => [x.id, x.outcome])).toEqual([[d.id, 'rejected']]);

    const file = JSON.parse(content) as { disputes: { status: string; outcome: string | null; resolution: string | null }[] };
    Object.assign(file.disputes[0]!, { status: 'open', resolution: null, outcome: 'upheld' });
    const bad = tempCase().api.call('transfer.import', { format: 'json', content: JSON.stringify(file), fileName: 'case.json', dryRun: true });
    expect(JSON.stringify(bad)).toMatch(/outcome.*only a resolved dispute has an outcome/);
  });
});
