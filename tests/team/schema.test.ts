/** The team schema on a real PostgreSQL cluster (tests/team/pg.ts): setup, grants, RLS, the chain. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTeamChain, type TeamEventRow } from '../../db/team/chain';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, cliHome } from '../cli/run';
import { tempCase, tempDir } from '../helpers';
import { startCluster, ADMIN_PASSWORD, type PgCluster } from './pg';
import { exportState, teamState } from './state';

let cluster: PgCluster;
const clients: pg.Client[] = [];

async function as(role: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: cluster.url(role, `${role}-pw`) });
  await c.connect();
  clients.push(c);
  return c;
}

/** The error a query raises (or null), with its SQLSTATE. */
async function refused(c: pg.Client, text: string, params: unknown[] = []): Promise<{ code: string; message: string } | null> {
  try {
    await c.query(text, params);
    return null;
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
}

beforeAll(async () => {
  cliHome();
  cluster = await startCluster();
}, 60_000);

afterAll(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
  cluster?.stop();
});

describe('team setup', () => {
  it('creates the schema once: a second run applies nothing', async () => {
    const a = await cli('team', 'setup', '--db', cluster.url(), '--json');
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    expect(a.json()).toMatchObject({ from: 0, to: 3, applied: [1, 2, 3] });
    expect(a.out).not.toContain(ADMIN_PASSWORD);
    const b = await cli('team', 'setup', '--db', cluster.url(), '--json');
    expect(b.code).toBe(0);
    expect(b.json()).toMatchObject({ from: 3, to: 3, applied: [] });

    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    clients.push(admin);
    for (const r of ['alice', 'bob', 'carol', 'dave']) await admin.query(`CREATE ROLE ${r} LOGIN PASSWORD '${r}-pw' IN ROLE claimtrail_team`);
  });

  it('keeps every case to its members, its log append-only, its author and sequence the server’s', async () => {
    const alice = await as('alice');
    const bob = await as('bob');
    const carol = await as('carol');
    const dave = await as('dave');
    await alice.query(`INSERT INTO claimtrail.team_cases (id, name, created_by) VALUES ('c1', 'Harbour', 'mallory')`);
    const owner = await alice.query('SELECT role_name, role FROM claimtrail.team_members');
    expect(owner.rows).toEqual([{ role_name: 'alice', role: 'owner' }]);
    expect((await alice.query('SELECT created_by FROM claimtrail.team_cases')).rows).toEqual([{ created_by: 'alice' }]);
    await alice.query(`INSERT INTO claimtrail.team_members VALUES ('c1', 'bob', 'reader'), ('c1', 'dave', 'analyst')`);

    // The author is session_user and seq the server's, whatever the client sends.
    await alice.query(`INSERT INTO claimtrail.team_events (case_id, seq, id, author, at, kind, body, prev_hash, hash, after_seq)
      VALUES ('c1', 99, 'e1', 'mallory', '1999-01-01', 'claim.created', '{"a":1}', 'x', 'y', 0)`);
    const [e1] = (await alice.query<TeamEventRow>('SELECT * FROM claimtrail.team_events')).rows;
    expect(e1).toMatchObject({ seq: '1', author: 'alice', kind: 'claim.created' });
    expect(e1!.at).not.toBe('1999-01-01');

    // A reader reads but cannot write; only an owner changes members.
    expect((await bob.query('SELECT count(*)::int AS n FROM claimtrail.team_events')).rows[0].n).toBe(1);
    const write = `INSERT INTO claimtrail.team_events (case_id, seq, id, author, at, kind, body, prev_hash, hash, after_seq)
      VALUES ('c1', 0, $1, '', '', 'k', '{}', '', '', (SELECT head_seq FROM claimtrail.team_cases WHERE id = 'c1'))`;
    // A row that expects another head than the server's is refused: the writer must pull first.
    const stale = `INSERT INTO claimtrail.team_events (case_id, seq, id, author, at, kind, body, prev_hash, hash, after_seq) VALUES ('c1', 0, 'e-stale', '', '', 'k', '{}', '', '', 0)`;
    expect(await refused(alice, stale)).toMatchObject({ code: '40001' });
    expect(await refused(alice, stale.replace(', 0)', ', NULL)'))).toMatchObject({ code: '40001' });
    expect(await refused(bob, write, ['e-bob'])).toMatchObject({ code: '42501' });
    expect(await refused(dave, `INSERT INTO claimtrail.team_members VALUES ('c1', 'carol', 'owner')`)).toMatchObject({ code: '42501' });

    // Nobody, the table's owner included, updates or deletes an event.
    const admin = clients[0]!;
    for (const c of [alice, dave, admin]) {
      expect(await refused(c, `UPDATE claimtrail.team_events SET body = '{"a":2}'`)).not.toBeNull();
      expect(await refused(c, 'DELETE FROM claimtrail.team_events')).not.toBeNull();
    }
    expect(await refused(admin, 'TRUNCATE claimtrail.team_events')).not.toBeNull();
    expect(await refused(alice, `UPDATE claimtrail.team_cases SET head_seq = 0`)).toMatchObject({ code: '42501' });

    // A role that is not a member sees nothing and writes nothing.
    for (const t of ['team_cases', 'team_members', 'team_events'])
      expect((await carol.query(`SELECT count(*)::int AS n FROM claimtrail.${t}`)).rows[0].n).toBe(0);
    expect(await refused(carol, write, ['e-carol'])).toMatchObject({ code: '42501' });

    // Two analysts appending at once: one gap-free, commit-ordered sequence, and the chain holds. A
    // transaction that read the head before the other committed is refused (40001) and retried, as sync does.
    const burst = (c: pg.Client, who: string) =>
      (async () => {
        for (let i = 0; i < 25; i++)
          for (;;) {
            await c.query('BEGIN');
            try {
              await c.query(write.replace("'k'", "'note'"), [`${who}-${i}`]);
              await c.query(write.replace("'k'", "'note'"), [`${who}-${i}b`]);
              await c.query('COMMIT');
              break;
            } catch (e) {
              await c.query('ROLLBACK');
              if ((e as { code?: string }).code !== '40001') throw e;
            }
          }
      })();
    await Promise.all([burst(alice, 'a'), burst(dave, 'd')]);
    const rows = (await bob.query<TeamEventRow>('SELECT * FROM claimtrail.team_events ORDER BY seq')).rows;
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 101 }, (_, i) => i + 1));
    expect(new Set(rows.slice(1).map((r) => r.author))).toEqual(new Set(['alice', 'dave']));
    expect(verifyTeamChain(rows)).toBeNull();
    // The case's head (moved once per INSERT statement) is the last event.
    const head = (await bob.query<{ head_seq: string; head_hash: string }>('SELECT head_seq, head_hash FROM claimtrail.team_cases')).rows[0]!;
    expect([Number(head.head_seq), head.head_hash]).toEqual([101, rows[100]!.hash]);
    // Each transaction's two events are adjacent: the case row's lock serialises whole appends.
    for (let i = 1; i < rows.length; i += 2) expect(rows[i + 1]!.id).toBe(`${rows[i]!.id}b`);
    // A tampered row is found by the client's check.
    expect(verifyTeamChain(rows.map((r, i) => (i === 40 ? { ...r, body: '{"x":1}' } : r)))).toContain('team event 41');
  });

  it('publish then join gives the same case, whose chain and state verify', async () => {
    const local = tempCase({ sample: true });
    const events = (local.handle.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    local.close();
    const pub = await cli('team', 'publish', '--db', cluster.url('alice', 'alice-pw'), '--case', local.path, '--name', 'Sample', '--json');
    expect(pub.err).toBe('');
    expect(pub.json()).toMatchObject({ name: 'Sample', events });
    const again = await cli('team', 'publish', '--db', cluster.url('alice', 'alice-pw'), '--case', local.path, '--name', 'Sample');
    expect(again.code).toBe(1);
    expect(again.err).toContain('already a copy of team case "Sample"');
    // carol is not a member: the case is not there for her.
    const to = join(tempDir(), 'joined.claimtrail');
    const no = await cli('team', 'join', '--db', cluster.url('carol', 'carol-pw'), '--case-name', 'Sample', '--to', to);
    expect(no.code).toBe(1);
    expect(no.err).toContain('not found');
    const owner = cluster.url('alice', 'alice-pw');
    const notOwner = await cli('team', 'members', 'add', 'bob', '--role', 'owner', '--db', cluster.url('dave', 'dave-pw'), '--case-name', 'Sample');
    expect(notOwner.code).toBe(1);
    expect((await cli('team', 'members', 'add', 'carol', '--role', 'analyst', '--db', owner, '--case-name', 'Sample')).code).toBe(0);
    expect((await cli('team', 'members', 'add', 'bob', '--role', 'reader', '--db', owner, '--case-name', 'Sample')).code).toBe(0);
    expect((await cli('team', 'members', 'remove', 'carol', '--db', owner, '--case-name', 'Sample')).code).toBe(0);
    // No password in the URL: pg reads it from PGPASSFILE.
    const pass = join(tempDir(), 'pgpass');
    writeFileSync(pass, `127.0.0.1:${cluster.port}:postgres:alice:alice-pw\n`, { mode: 0o600 });
    process.env.PGPASSFILE = pass;
    const members = await cli('team', 'members', '--db', `postgresql://alice@127.0.0.1:${cluster.port}/postgres`, '--case-name', 'Sample', '--json');
    delete process.env.PGPASSFILE;
    expect(members.err).toBe('');
    expect(members.json()).toEqual([{ role_name: 'alice', role: 'owner' }, { role_name: 'bob', role: 'reader' }]);
    // `--case NAME`, as the issue spells it (the refusal above used `--case-name`).
    const joined = await cli('team', 'join', '--db', cluster.url('bob', 'bob-pw'), '--case', 'Sample', '--to', to, '--json');
    expect(joined.err).toBe('');
    expect(joined.json()).toMatchObject({ events });
    // The same records and references (by team key) and the same export; the same events in the same order.
    const a = new Database(local.path);
    const b = new Database(to);
    expect(teamState(b)).toEqual(teamState(a));
    expect(exportState(b)).toEqual(exportState(a));
    const ids = (db: Database.Database) => db.prepare('SELECT id FROM events ORDER BY seq').pluck().all();
    expect(ids(b)).toEqual(ids(a));
    a.close();
    b.close();
    const v = await cli('verify', '--case', to, '--json');
    expect(v.json()).toMatchObject({ ok: true, events, state: { ok: true } });
    expect(v.code).toBe(0);
  });

  it('never shows the password in an error', async () => {
    const wrong = cluster.url('alice', 'not-the-pw-s3cret');
    const a = await cli('team', 'setup', '--db', wrong);
    expect(a.code).toBe(1);
    expect(a.err).toContain(`127.0.0.1:${cluster.port}`);
    expect(a.err).not.toContain('not-the-pw-s3cret');
    expect(a.err).not.toContain('alice:');
    const b = await cli('team', 'setup', '--db', cluster.url('bob', 'bob-pw'));
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/team setup failed/);
    expect(b.err).not.toContain('bob-pw');
  });
});
