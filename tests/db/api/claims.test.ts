import { describe, expect, it } from 'vitest';
import { tempCase } from '../../helpers';
import { tableCounts } from './counts';

describe('claims through the contract', () => {
  it('creates a claim with tags, quantity and a computed probability equal to its prior', () => {
    const { api, close } = tempCase();
    const c = api.invoke('claims.create', {
      text: '  DeepSeek-V3 cost about USD6mn to train  ',
      claimant: 'DeepSeek',
      claimedAt: '2024-12-26',
      tags: ['cost', 'compute', 'Cost'],
      prior: 0.3,
      quantity: { value: 6, unit: 'USD mn', scope: 'final training run compute' },
    });
    expect(c.text).toBe('DeepSeek-V3 cost about USD6mn to train');
    expect(c.tags).toEqual(['compute', 'cost']);
    expect(c.probability).toBeCloseTo(0.3, 12);
    expect(c.band).toBe('unlikely');
    expect(c.confidence).toBe('low');
    expect(c.quantity).toEqual({ value: 6, unit: 'USD mn', scope: 'final training run compute', asOf: null });
    expect(c.status).toBe('unverified');
    const events = api.invoke('history.claim', { id: c.id }).events;
    expect(events.map((e) => e.kind)).toEqual(['claim.created']);
    expect(events[0]!.actor).toBe('tester');
    close();
  });

  it('normalizes text to NFC so equal-looking text is equal', () => {
    const { api, close } = tempCase();
    const c = api.invoke('claims.create', { text: 'Cafe\u0301 owners disagree' });
    expect(c.text).toBe('Caf\u00e9 owners disagree');
    close();
  });

  it('rejects invalid input with a message naming the field, and writes nothing', () => {
    const { api, handle, close } = tempCase();
    const before = tableCounts(handle.db);
    const bad: [unknown, RegExp][] = [
      [{}, /text: /],
      [{ text: '' }, /text: must not be empty/],
      [{ text: '   ' }, /text: must not be empty/],
      [{ text: 'x', prior: 1 }, /prior: must be below 1/],
      [{ text: 'x', prior: 0 }, /prior: must be above 0/],
      [{ text: 'x', claimedAt: '20/01/2025' }, /claimedAt: must be a date/],
      [{ text: 'x', status: 'true' }, /status: must be one of/],
      [{ text: 'x', tags: ['a,b'] }, /tags.0: must not contain a comma/],
      [{ text: 'a\u0000b' }, /text: contains a NUL character/],
      [{ text: 'a\ud800b' }, /text: is not valid Unicode/],
      [{ text: 'x'.repeat(20_001) }, /text: must be at most 20000 characters/],
      [{ text: 'x', status: 'refuted' }, /needs a rationale/],
      [{ text: 42 }, /text: /],
      [null, /input|text/],
    ];
    for (const [input, msg] of bad) {
      const r = api.call('claims.create', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid');
        expect(r.error.message).toMatch(msg);
      }
    }
    expect(tableCounts(handle.db)).toEqual(before);
    close();
  });

  it('updates fields, records only what changed, and recomputes when the prior changes', () => {
    const { api, close } = tempCase();
    const c = api.invoke('claims.create', { text: 'A claim', tags: ['x'] });
    const u = api.invoke('claims.update', { id: c.id, claimant: 'Someone', prior: 0.9, tags: ['y', 'z'] });
    expect(u.claimant).toBe('Someone');
    expect(u.tags).toEqual(['y', 'z']);
    expect(u.probability).toBeCloseTo(0.9, 12);
    expect(u.band).toBe('very likely');
    const events = api.invoke('history.claim', { id: c.id }).events;
    const upd = events.find((e) => e.kind === 'claim.updated')!;
    expect(upd.payload).toMatchObject({ before: { claimant: null, prior: 0.5, tags: ['x'] }, after: { claimant: 'Someone', prior: 0.9 } });
    expect(events.some((e) => e.kind === 'confidence.changed')).toBe(true);
    // A no-op update writes no event.
    const n = events.length;
    api.invoke('claims.update', { id: c.id, claimant: 'Someone' });
    expect(api.invoke('history.claim', { id: c.id }).events).toHaveLength(n);
    close();
  });

  it('soft-deletes to the trash and restores, with events, and hides deleted claims from lists and search', () => {
    const { api, close } = tempCase();
    const c = api.invoke('claims.create', { text: 'Zanzibar chips were smuggled' });
    api.invoke('claims.create', { text: 'Another claim' });
    api.invoke('claims.delete', { id: c.id, rationale: 'duplicate' });
    expect(api.invoke('claims.list', {}).total).toBe(1);
    const trash = api.invoke('claims.list', { deleted: true });
    expect(trash.items.map((x) => x.id)).toEqual([c.id]);
    expect(trash.items[0]!.deletedAt).not.toBeNull();
    expect(api.invoke('search.query', { q: 'Zanzibar' }).groups.claims).toHaveLength(0);
    expect(api.call('claims.update', { id: c.id, text: 'edit' })).toMatchObject({ ok: false, error: { message: /in the trash/ } });
    expect(api.call('claims.delete', { id: c.id })).toMatchObject({ ok: false });
    api.invoke('claims.restore', { id: c.id });
    expect(api.invoke('claims.list', {}).total).toBe(2);
    expect(api.invoke('search.query', { q: 'Zanzibar' }).groups.claims).toHaveLength(1);
    expect(api.call('claims.restore', { id: c.id })).toMatchObject({ ok: false, error: { message: /not in the trash/ } });
    const kinds = api.invoke('history.claim', { id: c.id }).events.map((e) => e.kind);
    expect(kinds).toEqual(['claim.created', 'claim.deleted', 'claim.restored']);
    close();
  });

  it('lists with paging, sorting and filters, and returns the total', () => {
    const { api, close } = tempCase();
    const ids: string[] = [];
    for (let i = 0; i < 25; i++)
      ids.push(api.invoke('claims.create', { text: `Claim number ${String(i).padStart(2, '0')}`, prior: 0.02 + i * 0.035, tags: i % 2 ? ['odd'] : ['even'] }).id);
    const page = api.invoke('claims.list', { limit: 10, offset: 20, sort: 'text', direction: 'asc' });
    expect(page.total).toBe(25);
    expect(page.items.map((c) => c.text)).toEqual([20, 21, 22, 23, 24].map((i) => `Claim number ${i}`));
    const byP = api.invoke('claims.list', { sort: 'probability', direction: 'desc', limit: 3 });
    expect(byP.items.map((c) => c.probability)).toEqual([...byP.items.map((c) => c.probability!)].sort((a, b) => b - a));
    expect(api.invoke('claims.list', { tag: 'odd' }).total).toBe(12);
    expect(api.invoke('claims.list', { tag: 'missing' }).total).toBe(0);
    expect(api.invoke('claims.list', { band: ['almost no chance'] }).items.every((c) => c.probability! < 0.05)).toBe(true);
    expect(api.invoke('claims.list', { text: 'number 1' }).total).toBe(10);
    expect(api.invoke('claims.list', { text: '%' }).total).toBe(0);
    expect(api.call('claims.list', { limit: 0 })).toMatchObject({ ok: false, error: { message: /limit/ } });
    expect(api.call('claims.list', { sort: 'rowid; DROP TABLE claims' })).toMatchObject({ ok: false, error: { message: /sort/ } });
    expect(api.invoke('claims.index', {})).toHaveLength(25);
    close();
  });

  it('answers not_found for unknown ids', () => {
    const { api, close } = tempCase();
    for (const m of ['claims.get', 'claims.restore', 'claims.delete'] as const)
      expect(api.call(m, { id: 'no-such-id' })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'claim no-such-id was not found' } });
    expect(api.call('claims.nope', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    close();
  });
});
