/**
 * Sync between copies of one team case, on a real PostgreSQL cluster (tests/team/pg.ts): edits on
 * each copy, offline stretches, a push whose connection dies before commit, a client that dies
 * between the server's commit and its own acknowledgement, duplicated pushes; then every copy equals
 * every other (records by team key, and the JSON export), the chains and states verify, and the
 * conflicts are the same everywhere and close when resolved.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createApi, type CaseApi } from '../../db/api';
import { closeCase, openCase, type CaseHandle } from '../../db/open';
import { resolveConflict, teamConflicts } from '../../db/team/conflicts';
import { joinCase, publishCase } from '../../db/team/publish';
import { setupTeam } from '../../db/team/schema';
import { hooks, insertTeamRows, lastPulled, outboxBodies, outboxCount, requireLink, sync } from '../../db/team/sync';
import { verifyTeamChain, type TeamEventRow } from '../../db/team/chain';
import { inTransaction } from '../../db/team/connect';
import { cli, cliHome } from '../cli/run';
import { applyOp, emptyState, opArb, type Op, type OpState } from '../records/ops';
import { stress, tempDir } from '../helpers';
import { startCluster, type PgCluster } from './pg';
import { exportState, teamState } from './state';

let cluster: PgCluster;
let admin: pg.Client;
const ROLES = ['alice', 'bob', 'carol', 'rita', 'nemo'];

interface Copy {
  role: string;
  handle: CaseHandle;
  api: CaseApi;
  client: pg.Client;
}
const open: Copy[] = [];

async function connect(role: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: cluster.url(role, `${role}-pw`) });
  await c.connect();
  c.on('error', () => undefined);
  return c;
}

function openCopy(role: string, path: string, client: pg.Client): Copy {
  const handle = openCase(path, { create: true });
  const copy = { role, handle, api: createApi(handle.db, { actor: role, path }), client };
  open.push(copy);
  return copy;
}

/** A new team case published by alice, joined by the other roles given. */
async function team(name: string, others: string[], setup?: (api: CaseApi) => void): Promise<Copy[]> {
  const dir = tempDir();
  const a = openCopy('alice', join(dir, 'alice.claimtrail'), await connect('alice'));
  (setup ?? ((api) => api.invoke('claims.create', { text: 'DeepSeek used only H800 chips' })))(a.api);
  await publishCase(a.handle.db, a.client, name, '');
  const out = [a];
  for (const role of others) {
    await admin.query('INSERT INTO claimtrail.team_members (case_id, role_name, role) VALUES ($1, $2, $3)', [
      requireLink(a.handle.db).case_id,
      role,
      role === 'rita' ? 'reader' : 'analyst',
    ]);
    const client = await connect(role);
    const path = join(dir, `${role}.claimtrail`);
    await joinCase(client, name, path, '');
    out.push(openCopy(role, path, client));
  }
  return out;
}

/** Syncs every copy until none pulls or pushes anything. */
async function settle(copies: Copy[]): Promise<void> {
  for (let round = 0; round < 6; round++) {
    let moved = 0;
    for (const c of copies) {
      const r = await sync(c.handle.db, c.client);
      moved += r.applied + r.pushed + r.acknowledged;
    }
    if (!moved) return;
  }
  throw new Error('copies did not settle in 6 rounds');
}

function expectSame(copies: Copy[]): void {
  const [first, ...rest] = copies;
  const state = teamState(first!.handle.db);
  const exported = exportState(first!.handle.db);
  for (const c of rest) {
    const other = teamState(c.handle.db);
    for (const t of Object.keys(state)) expect(other[t], `${c.role}'s ${t}`).toEqual(state[t]);
    expect(exportState(c.handle.db), `${c.role}'s export`).toEqual(exported);
  }
  for (const c of copies) {
    expect(c.api.invoke('history.verify', {}), `${c.role}'s history`).toMatchObject({ ok: true, state: { ok: true } });
    expect(outboxCount(c.handle.db), `${c.role}'s outbox`).toBe(0);
  }
}

const claimOf = (c: Copy, text: string) => c.api.invoke('claims.list', { limit: 100 }).items.find((x) => x.text === text)!;

beforeAll(async () => {
  cliHome();
  cluster = await startCluster();
  admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await setupTeam(admin);
  for (const r of ROLES) await admin.query(`CREATE ROLE ${r} LOGIN PASSWORD '${r}-pw' IN ROLE claimtrail_team`);
}, 60_000);

/** Closes every open copy and its connection (a cluster has 40 connections). */
async function closeCopies(): Promise<void> {
  for (const c of open.splice(0)) {
    closeCase(c.handle);
    await c.client.end().catch(() => undefined);
  }
}

afterAll(async () => {
  await closeCopies();
  await admin?.end().catch(() => undefined);
  cluster?.stop();
});

describe('team sync', () => {
  it('carries edits both ways; derived values are recomputed, not shipped', async () => {
    const [a, b] = await team('Both ways', ['bob']);
    const claim = claimOf(b!, 'DeepSeek used only H800 chips');
    const src = b!.api.invoke('sources.create', { title: 'Reuters', reliability: 'B' });
    b!.api.invoke('evidence.create', { claimId: claim.id, sourceId: src.id, stance: 'refutes', credibility: 2, excerpt: 'Executives doubt it' });
    a!.api.invoke('claims.update', { id: claim.id, tags: ['chips'] });
    await settle([a!, b!]);
    expectSame([a!, b!]);
    const seen = a!.api.invoke('claims.get', { id: claim.id });
    expect(seen.evidence.map((e) => e.excerpt)).toEqual(['Executives doubt it']);
    expect(seen.claim.tags).toEqual(['chips']);
    expect(seen.claim.probability).toBeLessThan(0.5);
    // Every event names its author as the server recorded it.
    const authors = a!.handle.db.prepare("SELECT DISTINCT actor FROM events WHERE kind = 'evidence.added'").pluck().all();
    expect(authors).toEqual(['bob']);
  });

  it('a same-field edit made unseen on two copies is one conflict, the same on every copy, closed by a resolve event', async () => {
    const [a, b, c] = await team('Conflict', ['bob', 'carol']);
    const claim = claimOf(a!, 'DeepSeek used only H800 chips');
    // bob and carol both edit the text without seeing each other's; alice edits another field.
    b!.api.invoke('claims.update', { id: claim.id, text: 'DeepSeek used H800 and H20 chips' });
    c!.api.invoke('claims.update', { id: claim.id, text: 'DeepSeek used smuggled H100s too' });
    a!.api.invoke('claims.update', { id: claim.id, claimant: 'DeepSeek' });
    await settle([b!, c!, a!]);
    expectSame([a!, b!, c!]);
    const lists = [a, b, c].map((x) => teamConflicts(x!.handle.db));
    expect(lists[0]).toHaveLength(1);
    for (const l of lists) expect(l).toEqual(lists[0]);
    const k = lists[0]![0]!;
    expect(k).toMatchObject({ entity: 'claim', record: claim.id, field: 'text', theirs: { author: 'bob', value: 'DeepSeek used H800 and H20 chips' }, ours: { author: 'carol', value: 'DeepSeek used smuggled H100s too' }, resolved: null });
    expect(a!.api.invoke('claims.get', { id: claim.id }).claim).toMatchObject({ text: 'DeepSeek used smuggled H100s too', claimant: 'DeepSeek' });
    resolveConflict(a!.handle.db, k.id, 'carol has the later source');
    expect(() => resolveConflict(a!.handle.db, k.id, null)).toThrow(/was resolved by/);
    await settle([a!, b!, c!]);
    for (const x of [a, b, c]) expect(teamConflicts(x!.handle.db)[0]!.resolved).toMatchObject({ by: expect.any(String), rationale: 'carol has the later source' });
    expectSame([a!, b!, c!]);
  });

  it('survives a push that dies before commit, and a client that dies between commit and acknowledgement', async () => {
    const [a, b] = await team('Crashes', ['bob']);
    const claim = claimOf(a!, 'DeepSeek used only H800 chips');
    b!.api.invoke('claims.setStatus', { id: claim.id, status: 'disputed', rationale: 'chips smuggled' });
    // The connection dies mid-push: nothing of it is on the server, and the outbox keeps it.
    const dying = await connect('bob');
    const before = lastPulled(b!.handle.db).seq;
    const items = outboxBodies(b!.handle.db, requireLink(b!.handle.db));
    await expect(
      inTransaction(dying, async () => {
        await insertTeamRows(dying, requireLink(b!.handle.db).case_id, before, items);
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid()', ['bob']);
        await dying.query('SELECT 1');
      }),
    ).rejects.toThrow();
    b!.client = await connect('bob');
    expect((await admin.query('SELECT count(*)::int AS n FROM claimtrail.team_events WHERE id = $1', [items[0]!.id])).rows[0].n).toBe(0);
    expect(outboxCount(b!.handle.db)).toBe(1);
    // The server commits, then the client dies before noting it: the next sync acknowledges it, once.
    hooks.afterCommit = () => {
      throw new Error('killed after commit');
    };
    await expect(sync(b!.handle.db, b!.client)).rejects.toThrow('killed after commit');
    hooks.afterCommit = undefined;
    expect(outboxCount(b!.handle.db)).toBe(1);
    const again = await sync(b!.handle.db, b!.client);
    expect(again).toMatchObject({ acknowledged: 1, pushed: 0, pending: 0 });
    expect((await admin.query('SELECT count(*)::int AS n FROM claimtrail.team_events WHERE id = $1', [items[0]!.id])).rows[0].n).toBe(1);
    // The same push sent twice (a retry after a lost answer) adds nothing: the server refuses the stale head.
    await expect(inTransaction(b!.client, () => insertTeamRows(b!.client, requireLink(b!.handle.db).case_id, before, items))).rejects.toMatchObject({ code: '40001' });
    await settle([a!, b!]);
    expectSame([a!, b!]);
    expect(a!.api.invoke('claims.get', { id: claim.id }).claim.status).toBe('disputed');
  });

  it('a reader pulls but cannot push; a non-member reads nothing; a tampered server row is named on the next pull', async () => {
    const [a, r] = await team('Readers', ['rita']);
    r!.api.invoke('claims.create', { text: 'A reader tries to write' });
    await expect(sync(r!.handle.db, r!.client)).rejects.toThrow(/rita may not append to team case .*: it is a reader/);
    const nemo = await connect('nemo');
    expect((await nemo.query('SELECT count(*)::int AS n FROM claimtrail.team_events')).rows[0].n).toBe(0);
    await nemo.end();
    a!.api.invoke('claims.create', { text: 'A second claim' });
    await sync(a!.handle.db, a!.client);
    // A superuser rewrites a row the reader has not pulled yet: the chain check names it.
    const caseId = requireLink(a!.handle.db).case_id;
    const head = Number((await admin.query('SELECT head_seq FROM claimtrail.team_cases WHERE id = $1', [caseId])).rows[0].head_seq);
    await admin.query('ALTER TABLE claimtrail.team_events DISABLE TRIGGER team_events_no_update');
    await admin.query(`UPDATE claimtrail.team_events SET body = replace(body, 'A second claim', 'A forged claim') WHERE case_id = $1 AND seq = $2`, [caseId, head]);
    await admin.query('ALTER TABLE claimtrail.team_events ENABLE TRIGGER team_events_no_update');
    const fresh = (await admin.query<TeamEventRow>('SELECT * FROM claimtrail.team_events WHERE case_id = $1 ORDER BY seq', [caseId])).rows;
    expect(verifyTeamChain(fresh)).toContain(`team event ${head}`);
    const db = r!.handle.db;
    const pulledBefore = lastPulled(db).seq;
    await expect(sync(db, r!.client)).rejects.toThrow(new RegExp(`team event ${head} .*does not match its hash`));
    expect(lastPulled(db).seq).toBe(pulledBefore);
  });

  it('three copies over random edits, offline stretches, failed and repeated pushes end identical (property)', async () => {
    const TEAM_OPS = opArb.filter((o) => o.op !== 'merge' && o.op !== 'unmerge' && o.op !== 'import');
    const step = fc.record({ who: fc.nat({ max: 2 }), ops: fc.array(TEAM_OPS, { minLength: 1, maxLength: 4 }), sync: fc.constantFrom('none', 'sync', 'sync', 'fail', 'crash') });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 12 }), async (steps) => {
        await closeCopies();
        const copies = await team(`Property ${n++}`, ['bob', 'carol'], (api) => {
          api.invoke('sources.create', { title: 'Seed source', reliability: 'C' });
        });
        const st: OpState = emptyState();
        for (const x of copies) {
          for (const c of x.api.invoke('claims.list', { limit: 10 }).items) st.claims.push(c.id);
          for (const s of x.api.invoke('sources.list', {}).items) if (!st.sources.includes(s.id)) st.sources.push(s.id);
        }
        for (const s of steps) {
          const c = copies[s.who]!;
          for (const o of s.ops as Op[]) applyOp(c.api, st, o);
          if (s.sync === 'none') continue;
          if (s.sync === 'fail') hooks.beforeCommit = () => {
            throw new Error('connection lost');
          };
          if (s.sync === 'crash') hooks.afterCommit = () => {
            throw new Error('killed after commit');
          };
          await sync(c.handle.db, c.client).catch((e: Error) => {
            if (!/connection lost|killed after commit/.test(e.message)) throw e;
          });
          hooks.beforeCommit = hooks.afterCommit = undefined;
        }
        await settle(copies);
        expectSame(copies);
        const lists = copies.map((x) => teamConflicts(x.handle.db).map((k) => k.id));
        for (const l of lists) expect(l).toEqual(lists[0]);
        expect(new Set(lists[0]).size).toBe(lists[0]!.length);
        for (const id of lists[0]!) resolveConflict(copies[0]!.handle.db, id, null);
        await settle(copies);
        for (const x of copies) expect(teamConflicts(x.handle.db).filter((k) => !k.resolved)).toEqual([]);
        // The server's log, replayed into a new copy, gives the same case.
        const joined = join(tempDir(), 'late.claimtrail');
        await joinCase(copies[1]!.client, `Property ${n - 1}`, joined, '');
        const late = openCopy('bob', joined, copies[1]!.client);
        expectSame([copies[0]!, late]);
        // The join built its search indexes once at the end: each agrees with its content table.
        for (const i of late.handle.db.prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE % USING fts5(%'").pluck().all() as string[])
          expect(() => late.handle.db.prepare(`INSERT INTO ${i} (${i}) VALUES ('integrity-check')`).run(), i).not.toThrow();
        expect(late.handle.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get()).toBe(
          copies[0]!.handle.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get(),
        );
        await closeCopies();
      }),
      // No shrinking: each run builds a team case; the first counterexample is reported as found.
      { numRuns: stress(6, 40), endOnFailure: true },
    );
  }, 300_000);
});

describe('team CLI: sync, conflicts, conflict resolve', () => {
  it('syncs with the stored server, lists and resolves conflicts, in text and JSON; sync --watch follows a teammate', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.claimtrail');
    const b = join(dir, 'b.claimtrail');
    expect((await cli('init', a)).code).toBe(0);
    expect((await cli('claim', 'add', '--text', 'The cluster cost USD6mn', '--case', a)).code).toBe(0);
    const url = (r: string) => cluster.url(r, `${r}-pw`);
    expect((await cli('team', 'publish', '--db', url('alice'), '--case', a, '--name', 'CLI case')).code).toBe(0);
    expect((await cli('team', 'members', 'add', 'bob', '--role', 'analyst', '--db', url('alice'), '--case-name', 'CLI case')).code).toBe(0);
    expect((await cli('team', 'join', '--db', url('bob'), '--case', 'CLI case', '--to', b)).code).toBe(0);
    const id = (await cli('claim', 'list', '--case', a, '--json')).json<{ items: { id: string }[] }>().items[0]!.id;
    await cli('claim', 'edit', id, '--text', 'The cluster cost USD5.6mn', '--case', a);
    await cli('claim', 'edit', id, '--text', 'The final run cost USD5.6mn', '--case', b);
    // The copy remembers its server without the password: --db passes it again (or PGPASSWORD would).
    const s1 = await cli('sync', '--case', a, '--db', url('alice'), '--json');
    expect(s1.err).toBe('');
    expect(s1.json()).toMatchObject({ pushed: 1, pending: 0 });
    const s2 = await cli('sync', '--case', b, '--db', url('bob'));
    expect(s2.out).toMatch(/Synced: pulled 1 \(1 applied\), pushed 1; team log at \d+, 0 pending\./);
    await cli('sync', '--case', a, '--db', url('alice'));
    const list = await cli('conflicts', '--case', a, '--json');
    const [k] = list.json<{ id: string; field: string; ours: { author: string } }[]>();
    expect(k).toMatchObject({ field: 'text', ours: { author: 'bob' } });
    expect((await cli('conflicts', '--case', b)).out).toContain(`${k!.id}  claim ${id} claim: alice set "The cluster cost USD5.6mn"`);
    const done = await cli('conflict', 'resolve', k!.id, '--rationale', 'bob read the paper', '--case', b);
    expect(done.out).toContain(`Resolved ${k!.id}`);
    expect((await cli('conflicts', '--case', b)).out).toBe('No open conflicts.\n');
    const missing = await cli('conflict', 'resolve', 'nope', '--case', b);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no conflict nope');
    // sync --watch in its own process: a teammate's change arrives without anyone running sync by hand.
    const bin = fileURLToPath(new URL('../../cli/bin.mjs', import.meta.url));
    const watcher = spawn(process.execPath, [bin, 'sync', '--watch', '--case', b, '--db', url('bob'), '--json'], {
      env: { ...process.env, CLAIMTRAIL_FROM_SOURCE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let watched = '';
    watcher.stdout.on('data', (d: Buffer) => (watched += d.toString()));
    watcher.stderr.on('data', (d: Buffer) => (watched += d.toString()));
    await expect.poll(() => watched, { timeout: 60_000 }).toContain('"pending": 0');
    await cli('claim', 'edit', id, '--text', 'Edited while bob watches', '--case', a);
    await cli('sync', '--case', a, '--db', url('alice'));
    await expect
      .poll(async () => (await cli('claim', 'show', id, '--case', b, '--json')).out, { timeout: 30_000 })
      .toContain('Edited while bob watches');
    const exited = new Promise<number | null>((resolve) => watcher.once('exit', (code) => resolve(code)));
    watcher.kill('SIGTERM');
    expect(await exited).toBe(0);
    const solo = join(dir, 'solo.claimtrail');
    await cli('init', solo);
    const notTeam = await cli('sync', '--case', solo);
    expect(notTeam.code).toBe(1);
    expect(notTeam.err).toContain('not a team copy');
  }, 180_000);
});
