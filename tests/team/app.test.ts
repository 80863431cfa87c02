/**
 * team.status, team.conflicts and team.resolveConflict through the contract (db/api.ts) on real case
 * files: two copies of one team case exchange their real outboxes through a team log held in memory
 * (tests/team/memory-log.ts: the server's seq, author, time and chain, no PostgreSQL), pulled with the
 * real applyTeamRows.
 */
import { describe, expect, it } from 'vitest';
import { inUnit } from '../../db/records/log';
import { getSettings } from '../../db/repos/meta';
import { teamConflicts } from '../../db/team/conflicts';
import { tempCase } from '../helpers';
import { ALICE_TEXT, BOB_TEXT, CONFLICT_CLAIM, harbourConflict } from './memory-log';

const resolvedEvents = (db: import('../../db/sql').DB) =>
  db.prepare("SELECT actor, at, payload, rationale FROM events WHERE kind = 'conflict.resolved'").all() as { actor: string; at: string; payload: string; rationale: string | null }[];

describe('team.* contract methods', () => {
  it('a case that is not a team copy: status null, conflicts and resolve refused', () => {
    const { api } = tempCase();
    expect(api.invoke('team.status', {})).toBeNull();
    expect(api.call('team.conflicts', {})).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('not a team copy') } });
    expect(api.call('team.resolveConflict', { id: 'abc' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('team.status: name, server, pending, head and the server time of the newest row held, open conflicts', () => {
    const bob = tempCase({ actor: 'bob', name: 'bob.claimtrail' });
    const { alice, log } = harbourConflict(bob);
    const head = log.rows.length;
    expect(head).toBe(4); // alice's two claims, alice's edit, bob's edit
    for (const c of [alice, bob])
      expect(c.api.invoke('team.status', {})).toEqual({
        name: 'Harbour',
        server: 'postgresql://db.example/claimtrail',
        pending: 0,
        head,
        lastPulledAt: log.atOf(head),
        openConflicts: 1,
      });
    // A local change waits in the outbox: pending, head and time unchanged until it is pushed.
    bob.api.invoke('claims.create', { text: 'Silt volumes doubled' });
    expect(bob.api.invoke('team.status', {})).toMatchObject({ pending: 1, head, lastPulledAt: log.atOf(head) });
    log.push(bob.handle.db, 'bob');
    expect(bob.api.invoke('team.status', {})).toMatchObject({ pending: 0, head: head + 1, lastPulledAt: log.atOf(head + 1) });
    // A copy that joined and pulled nothing yet holds no row.
    const fresh = tempCase({ name: 'fresh.claimtrail' });
    log.link(fresh.handle.db);
    expect(fresh.api.invoke('team.status', {})).toMatchObject({ pending: 0, head: 0, lastPulledAt: null, openConflicts: 0 });
  });

  it('team.conflicts: both sides with author, value and time, which stands, and the claim it names; the same on both copies', () => {
    const bob = tempCase({ actor: 'bob', name: 'bob.claimtrail' });
    const { alice, log, claimId } = harbourConflict(bob);
    const list = bob.api.invoke('team.conflicts', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      entity: 'claim',
      record: claimId,
      field: 'text',
      label: 'claim',
      theirs: { seq: 3, author: 'alice', value: ALICE_TEXT },
      ours: { seq: 4, author: 'bob', value: BOB_TEXT },
      resolved: null,
      claim: { id: claimId, text: BOB_TEXT },
    });
    // The side's time is when its author made the change (the event's own time), not the server's.
    expect(Date.parse(list[0]!.theirs.at)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(alice.api.invoke('team.conflicts', {})).toEqual(list);
    // What db/team finds, with only the claim added.
    expect(list.map(({ claim: _claim, ...c }) => c)).toEqual(teamConflicts(bob.handle.db));
    expect(alice.api.invoke('claims.get', { id: claimId }).claim.text).toBe(BOB_TEXT);
    expect(log.rows.map((r) => r.author)).toEqual(['alice', 'alice', 'alice', 'bob']);
    expect(CONFLICT_CLAIM).not.toBe(BOB_TEXT);
  });

  it('team.resolveConflict: one event in the contract transaction, by the api actor, closing the conflict on every copy', () => {
    const bob = tempCase({ actor: 'bob', name: 'bob.claimtrail' });
    const { alice, log } = harbourConflict(bob);
    const [k] = bob.api.invoke('team.conflicts', {});
    // The actor is the contract's (the user settings or --actor), not the case's own analyst name.
    expect(getSettings(bob.handle.db).analystName).not.toBe('bob');
    const r = bob.api.invoke('team.resolveConflict', { id: k!.id, rationale: '  port accounts are audited ' });
    expect(r).toEqual({ id: k!.id, by: 'bob', at: expect.any(String), rationale: 'port accounts are audited' });
    const events = resolvedEvents(bob.handle.db);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'bob', at: r.at, rationale: 'port accounts are audited' });
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ conflict: k!.id, field: 'text', events: [k!.theirs.event, k!.ours.event], kept: BOB_TEXT });
    expect(bob.api.invoke('history.verify', {})).toMatchObject({ ok: true });
    expect(bob.api.invoke('team.conflicts', {})).toEqual([]);
    expect(bob.api.invoke('team.conflicts', { all: true })[0]!.resolved).toEqual({ event: expect.any(String), by: 'bob', at: r.at, rationale: 'port accounts are audited' });
    expect(bob.api.invoke('team.status', {})).toMatchObject({ pending: 1, openConflicts: 0 });
    // Twice: refused, nothing written. An unknown id: not found.
    expect(bob.api.call('team.resolveConflict', { id: k!.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('was resolved by bob') } });
    expect(bob.api.call('team.resolveConflict', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(resolvedEvents(bob.handle.db)).toHaveLength(1);
    // Pushed and pulled: closed on alice's copy too, by bob as the server recorded him.
    log.push(bob.handle.db, 'bob');
    log.pull(alice.handle.db);
    expect(alice.api.invoke('team.status', {})).toMatchObject({ openConflicts: 0, pending: 0 });
    expect(alice.api.invoke('team.conflicts', { all: true })[0]!.resolved).toMatchObject({ by: 'bob', rationale: 'port accounts are audited' });
  });

  it('team.resolveConflict nests in an outer unit: rolled back with it, committed with it', () => {
    const bob = tempCase({ actor: 'bob', name: 'bob.claimtrail' });
    harbourConflict(bob);
    const [k] = bob.api.invoke('team.conflicts', {});
    const seqBefore = bob.handle.db.prepare('SELECT max(seq) FROM events').pluck().get() as number;
    const fallback = () => ({ actor: 'test', at: new Date().toISOString(), kind: 'case.changed', entityType: 'case', entityId: 'test', payload: null });
    expect(() =>
      inUnit(bob.handle.db, fallback, () => {
        bob.api.handlers['team.resolveConflict']({ id: k!.id, rationale: null });
        throw new Error('outer failure');
      }),
    ).toThrow('outer failure');
    expect(resolvedEvents(bob.handle.db)).toHaveLength(0);
    expect(bob.api.invoke('team.status', {})).toMatchObject({ openConflicts: 1 });
    inUnit(bob.handle.db, fallback, () => bob.api.handlers['team.resolveConflict']({ id: k!.id, rationale: null }));
    expect(resolvedEvents(bob.handle.db)).toEqual([expect.objectContaining({ actor: 'bob', rationale: null })]);
    expect(bob.handle.db.prepare('SELECT max(seq) FROM events').pluck().get()).toBe(seqBefore + 1);
    expect(bob.api.invoke('history.verify', {})).toMatchObject({ ok: true });
  });
});
