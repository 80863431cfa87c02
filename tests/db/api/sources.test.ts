import { describe, expect, it } from 'vitest';
import { tempCase } from '../../helpers';
import { tableCounts } from './counts';

describe('sources through the contract', () => {
  it('creates a source with defaults and lists it with its citation count', () => {
    const { api, close } = tempCase();
    const s = api.invoke('sources.create', { title: 'Reuters report', url: 'https://example.org/a', authors: ['A. Writer'] });
    expect(s).toMatchObject({ reliability: 'F', kind: 'other', derivedFromId: null, originId: s.id, authors: ['A. Writer'] });
    const page = api.invoke('sources.list', {});
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id: s.id, citations: 0 });
    expect(api.invoke('sources.list', { text: 'reut' }).total).toBe(1);
    expect(api.invoke('sources.list', { text: 'nope' }).total).toBe(0);
    close();
  });

  it('tracks lineage: origin is the root, cycles are refused', () => {
    const { api, close } = tempCase();
    const root = api.invoke('sources.create', { title: 'Original wire story', reliability: 'B' });
    const a = api.invoke('sources.create', { title: 'Blog repeating it', derivedFromId: root.id });
    const b = api.invoke('sources.create', { title: 'Tweet of the blog', derivedFromId: a.id });
    expect(b.originId).toBe(root.id);
    const detail = api.invoke('sources.get', { id: b.id });
    expect(detail.lineage.map((x) => x.id)).toEqual([b.id, a.id, root.id]);
    expect(api.invoke('sources.get', { id: root.id }).derived.map((x) => x.id)).toEqual([a.id]);
    const cycle = api.call('sources.update', { id: root.id, derivedFromId: b.id });
    expect(cycle).toMatchObject({ ok: false, error: { code: 'conflict', message: /lineage cycle/ } });
    const self = api.call('sources.update', { id: a.id, derivedFromId: a.id });
    expect(self).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Re-rooting a middle source moves its whole subtree.
    api.invoke('sources.update', { id: a.id, derivedFromId: null });
    expect(api.invoke('sources.get', { id: b.id }).originId).toBe(a.id);
    close();
  });

  it('rejects bad fields with the field named and writes nothing', () => {
    const { api, handle, close } = tempCase();
    const before = tableCounts(handle.db);
    const cases: [unknown, RegExp][] = [
      [{ title: '' }, /title: must not be empty/],
      [{ title: 'x', reliability: 'G' }, /reliability: must be an Admiralty reliability grade/],
      [{ title: 'x', url: 'javascript:alert(1)' }, /url: must be an http/],
      [{ title: 'x', url: 'not a url' }, /url: /],
      [{ title: 'x', kind: 'rumour' }, /kind: must be one of/],
      [{ title: 'x', fileSha256: 'abc' }, /fileSha256: must be a SHA-256/],
      [{ title: 'x', derivedFromId: 'missing' }, /source missing was not found/],
    ];
    for (const [input, msg] of cases) {
      const r = api.call('sources.create', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(msg);
    }
    expect(tableCounts(handle.db)).toEqual(before);
    close();
  });

  it('will not trash a cited source or a parent; trashes and restores otherwise', () => {
    const { api, close } = tempCase();
    const s = api.invoke('sources.create', { title: 'Cited' });
    const child = api.invoke('sources.create', { title: 'Child', derivedFromId: s.id });
    const c = api.invoke('claims.create', { text: 'Claim' });
    const e = api.invoke('evidence.create', { claimId: c.id, sourceId: s.id, stance: 'supports' });
    expect(api.call('sources.delete', { id: s.id })).toMatchObject({ ok: false, error: { message: /cited by 1 evidence item/ } });
    api.invoke('evidence.delete', { id: e.id });
    expect(api.call('sources.delete', { id: s.id })).toMatchObject({ ok: false, error: { message: /1 derived source/ } });
    api.invoke('sources.delete', { id: child.id });
    expect(api.invoke('sources.list', {}).total).toBe(1);
    expect(api.invoke('sources.list', { deleted: true }).items.map((x) => x.id)).toEqual([child.id]);
    api.invoke('sources.restore', { id: child.id });
    expect(api.invoke('sources.list', {}).total).toBe(2);
    expect(api.call('sources.create', { title: 'x', derivedFromId: child.id }).ok).toBe(true);
    close();
  });

  it('records updates as events with before/after', () => {
    const { api, close } = tempCase();
    const s = api.invoke('sources.create', { title: 'T', reliability: 'C' });
    api.invoke('sources.update', { id: s.id, reliability: 'A', publisher: 'Pub' });
    const ev = api.invoke('history.recent', { limit: 1 })[0]!;
    expect(ev.kind).toBe('source.updated');
    expect(ev.payload).toMatchObject({ before: { reliability: 'C', publisher: null }, after: { reliability: 'A', publisher: 'Pub' } });
    close();
  });
});
