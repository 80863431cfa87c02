import { describe, expect, it } from 'vitest';
import { createApi } from '../../../db/api';
import { LATEST_VERSION } from '../../../db/migrations/index';
import { tempCase } from '../../helpers';

describe('links, tags, settings, case info, disputes', () => {
  it('links claims both ways and refuses self-links and duplicates', () => {
    const { api, close } = tempCase();
    const a = api.invoke('claims.create', { text: 'Cost was USD6mn' });
    const b = api.invoke('claims.create', { text: 'Only H800 chips were used' });
    const l = api.invoke('links.create', { fromId: a.id, toId: b.id, kind: 'depends-on' });
    expect(l).toMatchObject({ fromId: a.id, toId: b.id, kind: 'depends-on', direction: 'outgoing', otherText: b.text });
    expect(api.invoke('claims.get', { id: b.id }).links[0]).toMatchObject({ direction: 'incoming', otherText: a.text });
    expect(api.call('links.create', { fromId: a.id, toId: b.id, kind: 'depends-on' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(api.call('links.create', { fromId: a.id, toId: a.id, kind: 'contradicts' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(api.call('links.create', { fromId: a.id, toId: b.id, kind: 'causes' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    api.invoke('links.delete', { id: l.id });
    expect(api.invoke('claims.get', { id: a.id }).links).toEqual([]);
    expect(api.invoke('history.claim', { id: a.id }).events.map((e) => e.kind)).toEqual(['claim.created', 'link.created', 'link.deleted']);
    close();
  });

  it('counts tags over live claims only', () => {
    const { api, close } = tempCase();
    api.invoke('claims.create', { text: 'one', tags: ['chips', 'cost'] });
    const two = api.invoke('claims.create', { text: 'two', tags: ['chips'] });
    expect(api.invoke('tags.list', {})).toEqual([{ name: 'chips', count: 2 }, { name: 'cost', count: 1 }]);
    api.invoke('claims.delete', { id: two.id });
    expect(api.invoke('tags.list', {})).toEqual([{ name: 'chips', count: 1 }, { name: 'cost', count: 1 }]);
    close();
  });

  it('keeps settings, uses the analyst name as the actor of later events, and reports case info', () => {
    const { handle, path, close } = tempCase();
    const api = createApi(handle.db, { path });
    expect(api.invoke('case.info', {}).settings).toEqual({ analystName: 'analyst', caveat: '', backupsToKeep: 10, reviewBaseUrl: '' });
    api.invoke('settings.update', { analystName: 'R. Analyst', caveat: 'OFFICIAL-SENSITIVE' });
    const c = api.invoke('claims.create', { text: 'x' });
    expect(api.invoke('history.claim', { id: c.id }).events[0]!.actor).toBe('R. Analyst');
    const info = api.invoke('case.info', {});
    expect(info).toMatchObject({ path, schemaVersion: LATEST_VERSION, settings: { analystName: 'R. Analyst', caveat: 'OFFICIAL-SENSITIVE' } });
    expect(info.counts).toMatchObject({ claims: 1, sources: 0, evidence: 0, disputes: 0, trash: 0 });
    expect(api.call('settings.update', { backupsToKeep: -1 })).toMatchObject({ ok: false, error: { message: /backupsToKeep/ } });
    expect(api.call('settings.update', { reviewBaseUrl: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { message: /reviewBaseUrl/ } });
    expect(api.invoke('settings.update', { reviewBaseUrl: 'https://checks.example/' }).reviewBaseUrl).toBe('https://checks.example/');
    close();
  });

  it('opens, answers and resolves disputes with counters and events', () => {
    const { api, close } = tempCase();
    const c = api.invoke('claims.create', { text: 'Claim' });
    const s = api.invoke('sources.create', { title: 'S' });
    const e = api.invoke('evidence.create', { claimId: c.id, sourceId: s.id, stance: 'supports' });
    const other = api.invoke('claims.create', { text: 'Other' });
    const foreign = api.invoke('evidence.create', { claimId: other.id, sourceId: s.id, stance: 'supports' });
    expect(api.call('disputes.open', { claimId: c.id, raisedBy: 'X', position: 'No', evidenceIds: [foreign.id] })).toMatchObject({
      ok: false,
      error: { message: /evidenceIds.0: .*belongs to another claim/ },
    });
    const d = api.invoke('disputes.open', { claimId: c.id, raisedBy: 'Executives', position: 'They used A100s', evidenceIds: [e.id] });
    expect(d).toMatchObject({ status: 'open', evidenceIds: [e.id], responses: [] });
    expect(api.invoke('claims.get', { id: c.id }).claim.openDisputes).toBe(1);
    api.invoke('disputes.respond', { id: d.id, author: 'DeepSeek', text: 'We did not' });
    const r = api.invoke('disputes.resolve', { id: d.id, resolution: 'No evidence of A100 use' });
    expect(r).toMatchObject({ status: 'resolved', resolution: 'No evidence of A100 use', responses: [{ author: 'DeepSeek' }] });
    expect(api.invoke('claims.get', { id: c.id }).claim.openDisputes).toBe(0);
    expect(api.call('disputes.resolve', { id: d.id, resolution: 'again' })).toMatchObject({ ok: false });
    expect(api.call('disputes.respond', { id: d.id, author: 'a', text: 'b' })).toMatchObject({ ok: false });
    const kinds = api.invoke('history.claim', { id: c.id }).events.map((x) => x.kind);
    expect(kinds.filter((k) => k.startsWith('dispute.'))).toEqual(['dispute.opened', 'dispute.response', 'dispute.resolved']);
    close();
  });
});
