/** trash.list: deleted claims and sources, newest first, with who trashed each and the reason given at delete. */
import { describe, expect, it } from 'vitest';
import { tempCase } from '../helpers';

describe('trash.list', () => {
  it('gives each trashed item the reason and actor of its latest delete; restored items leave; nothing else is listed', () => {
    let t = 0;
    const { api } = tempCase({ actor: 'R. Analyst', now: () => `2025-02-0${++t > 9 ? 9 : t}T10:00:00.000Z` });
    const a = api.invoke('claims.create', { text: 'Duplicate of the cost claim.' });
    const b = api.invoke('claims.create', { text: 'Claim trashed without a reason.' });
    const kept = api.invoke('claims.create', { text: 'A claim that stays.' });
    const s = api.invoke('sources.create', { title: 'Misfiled blog post', reliability: 'E' });
    expect(api.invoke('trash.list', {})).toEqual({ claims: [], sources: [] });

    api.invoke('claims.delete', { id: a.id, rationale: 'first try' });
    api.invoke('claims.restore', { id: a.id });
    api.invoke('claims.delete', { id: a.id, rationale: 'Duplicate of claim 3; merged there.' });
    api.invoke('claims.delete', { id: b.id });
    api.invoke('sources.delete', { id: s.id, rationale: 'Filed under the wrong case.' });

    const trash = api.invoke('trash.list', {});
    expect(trash.claims.map((c) => [c.text, c.reason, c.deletedBy])).toEqual([
      ['Claim trashed without a reason.', null, 'R. Analyst'],
      ['Duplicate of the cost claim.', 'Duplicate of claim 3; merged there.', 'R. Analyst'],
    ]);
    expect(trash.claims.every((c) => c.id !== kept.id && typeof c.deletedAt === 'string')).toBe(true);
    expect(trash.sources).toMatchObject([{ id: s.id, text: 'Misfiled blog post', reason: 'Filed under the wrong case.' }]);
    api.invoke('claims.restore', { id: b.id });
    expect(api.invoke('trash.list', { limit: 1 }).claims.map((c) => c.id)).toEqual([a.id]);
    expect(api.call('trash.list', { limit: 0 })).toMatchObject({ ok: false, error: { message: /limit/ } });
  });
});
