/**
 * Team cases on PostgreSQL (issue 15), on a throwaway loopback cluster (tests/team/pg.ts; not built
 * without PostgreSQL): a case of N events made through the contract (claims with tags, a source per
 * 20 claims, evidence on every other claim), N = 10,000 at the 100k scale (making 100k events through
 * the contract takes minutes here; the scale case itself is bulk-loaded and has no row changes in its
 * history to publish).
 *
 * - publish: the case uploaded as a new team case (bodies in team form, the append trigger's
 *   chain and seq per row) against a raw multi-row INSERT of the same (id, kind, body) texts into a
 *   plain table without trigger, in one transaction with the same batches. Target ≤ 3×.
 * - pull: `team join` of that case into a new file (chain verified, every row applied and recorded,
 *   claims recomputed) against a raw SELECT of the same rows plus prepared SQLite INSERTs of them.
 * - commit → visible: one analyst changes a claim and syncs; a teammate's `sync --watch` (LISTEN)
 *   pulls it; the time from the first sync's start to the change in the teammate's file. Against a bare
 *   NOTIFY round trip between the same two connections. Target p95 ≤ 1 s.
 */
import pg from 'pg';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { joinCase, publishCase } from '../../db/team/publish';
import { setupTeam } from '../../db/team/schema';
import { linkCase, outboxBodies, sync, teamLink } from '../../db/team/sync';
import { startCluster } from '../../tests/team/pg';
import { type BenchContext, runs } from '../lib/context';
import { interleaveAsync, MemoryWatch } from '../lib/measure';
import { makeRow, notBuilt, type RowResult } from '../lib/result';
import { copyFileSync } from 'node:fs';

function makeSource(path: string, n: number): void {
  const h = openCase(path, { create: true });
  const api = createApi(h.db, { actor: 'bench' });
  h.db.transaction(() => {
    let source = '';
    for (let i = 0; i < n; i++) {
      if (i % 20 === 0) source = api.invoke('sources.create', { title: `Wire report ${i}`, reliability: 'B' }).id;
      const c = api.invoke('claims.create', { text: `Claim ${i}: the cluster used ${i % 7} thousand H800 chips`, tags: i % 3 ? ['chips'] : [] });
      if (i % 2) api.invoke('evidence.create', { claimId: c.id, sourceId: source, stance: 'supports', credibility: 3, excerpt: `Quote ${i}` });
    }
  })();
  closeCase(h);
}

async function removeEvents(admin: pg.Client, name: string): Promise<void> {
  await admin.query('ALTER TABLE claimtrail.team_events DISABLE TRIGGER USER');
  await admin.query('DELETE FROM claimtrail.team_events WHERE case_id = (SELECT id FROM claimtrail.team_cases WHERE name = $1)', [name]);
  await admin.query('ALTER TABLE claimtrail.team_events ENABLE TRIGGER USER');
}

/** The source case's history in team form (on a linked copy), for the raw baseline. */
function teamBodies(source: string, scratch: string): { id: string; kind: string; body: string }[] {
  copyFileSync(source, scratch);
  const h = openCase(scratch);
  try {
    const link = h.db.transaction(() => linkCase(h.db, { case_id: 'raw', name: 'raw', server: '' }))();
    return outboxBodies(h.db, link);
  } finally {
    closeCase(h);
  }
}

export async function teamRows(ctx: BenchContext): Promise<RowResult[]> {
  const n = Math.max(50, Math.round(10_000 * Math.min(1, ctx.scale)));
  const label = `${n >= 1000 ? `${n / 1000}k` : n} claims made through the contract`;
  let cluster;
  try {
    cluster = await startCluster();
  } catch (e) {
    const why = `needs PostgreSQL: ${(e as Error).message}`;
    return ['Team publish', 'Team pull (join)', 'Team commit → visible'].map((name) => notBuilt(name, label, why));
  }
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  const clients: pg.Client[] = [admin];
  const connect = async () => {
    const c = new pg.Client({ connectionString: cluster.url() });
    await c.connect();
    clients.push(c);
    return c;
  };
  try {
    await setupTeam(admin);
    await admin.query('CREATE TABLE raw_events (case_id text, id text, kind text, body text)');
    const source = join(ctx.workDir, 'team-source.claimtrail');
    ctx.log(`  team: making ${n} claims through the contract…`);
    makeSource(source, n);
    const rawBodies = teamBodies(source, join(ctx.workDir, 'team-bodies.claimtrail'));
    const mem = new MemoryWatch();
    const rows: RowResult[] = [];

    // Publish: a fresh copy of the source each run, a new team case name.
    let events = 0;
    let published = '';
    const pub = await interleaveAsync(
      async (i) => {
        // Event ids are unique on the server: the previous run's upload is removed first (as superuser).
        if (published) await removeEvents(admin, published);
        const file = join(ctx.workDir, `team-pub-${i}.claimtrail`);
        copyFileSync(source, file);
        const h = openCase(file);
        const r = await publishCase(h.db, admin, `pub-${i}`, '');
        events = r.events;
        published = `pub-${i}`;
        closeCase(h);
      },
      async (i) => {
        // The same bodies, made outside the timing like the app's are made inside it: compare the upload alone.
        await admin.query('BEGIN');
        for (let k = 0; k < rawBodies.length; k += 200) {
          const part = rawBodies.slice(k, k + 200);
          const params: string[] = [`raw-${i}`];
          const values = part.map((b) => {
            params.push(b.id + i, b.kind, b.body);
            const m = params.length;
            return `($1, $${m - 2}, $${m - 1}, $${m})`;
          });
          await admin.query(`INSERT INTO raw_events (case_id, id, kind, body) VALUES ${values.join(', ')}`, params);
        }
        await admin.query('COMMIT');
      },
      { warmup: 0, runs: runs(ctx, 3, 2), mem },
    );
    rows.push(
      makeRow({
        name: `Team publish (${events} events)`,
        scale: label,
        app: pub.app,
        baseline: { name: 'multi-row INSERT of the same bodies into a plain table, one transaction', samples: pub.base },
        target: { kind: 'ratio', max: 3 },
        memory: mem.result(),
        note: 'app side includes making the team bodies (team keys) and the chain trigger per row; the baseline gets the bodies ready-made',
      }),
    );

    // Pull: join the published case into a new file, against SELECT + prepared SQLite INSERTs of the same rows.
    const pull = await interleaveAsync(
      async (i) => {
        await joinCase(admin, published, join(ctx.workDir, `team-join-${i}.claimtrail`), '');
      },
      async (i) => {
        const id = (await admin.query<{ id: string }>('SELECT id FROM claimtrail.team_cases WHERE name = $1', [published])).rows[0]!.id;
        const got = await admin.query<{ seq: string; id: string; body: string }>('SELECT seq, id, body FROM claimtrail.team_events WHERE case_id = $1 ORDER BY seq', [id]);
        const db = new Database(join(ctx.workDir, `team-raw-${i}.sqlite`));
        db.exec('CREATE TABLE t (seq INTEGER PRIMARY KEY, id TEXT, body TEXT)');
        const ins = db.prepare('INSERT INTO t VALUES (?, ?, ?)');
        db.transaction(() => {
          for (const r of got.rows) ins.run(Number(r.seq), r.id, r.body);
        })();
        db.close();
      },
      { warmup: 0, runs: runs(ctx, 3, 2), mem },
    );
    rows.push(
      makeRow({
        name: `Team pull (join, ${events} events)`,
        scale: label,
        app: pull.app,
        baseline: { name: 'SELECT of the same rows + prepared SQLite INSERTs, one transaction', samples: pull.base },
        target: { kind: 'none' },
        memory: mem.result(),
        note: 'app side verifies the chain, applies every change, records each event in the local chain and recomputes the claims',
      }),
    );

    // Commit → visible: alice's copy and bob's (joined); bob listens and syncs on each notification.
    await removeEvents(admin, published);
    const aFile = join(ctx.workDir, 'team-live-a.claimtrail');
    copyFileSync(source, aFile);
    const a = openCase(aFile);
    const aApi = createApi(a.db, { actor: 'alice' });
    const aClient = await connect();
    await publishCase(a.db, aClient, 'live', '');
    const bFile = join(ctx.workDir, 'team-live-b.claimtrail');
    const bClient = await connect();
    await joinCase(bClient, 'live', bFile, '');
    const b = openCase(bFile);
    const caseId = teamLink(a.db)!.case_id;
    let wake: (() => void) | null = null;
    let syncing = Promise.resolve();
    bClient.on('notification', (m) => {
      if (m.channel !== 'claimtrail_events' || m.payload?.split(' ')[0] !== caseId) return;
      syncing = syncing.then(async () => {
        await sync(b.db, bClient);
        wake?.();
      });
    });
    await bClient.query('LISTEN claimtrail_events');
    const probe = await connect();
    await probe.query('LISTEN ct_bench_ping');
    const claim = aApi.invoke('claims.list', { limit: 1 }).items[0]!.id;
    const seen = b.db.prepare('SELECT text FROM claims WHERE id = ?').pluck();
    const live = await interleaveAsync(
      async (i) => {
        const text = `Claim edited live ${i}`;
        aApi.invoke('claims.update', { id: claim, text });
        const visible = new Promise<void>((resolve) => {
          wake = () => {
            if (seen.get(claim) === text) resolve();
          };
        });
        await sync(a.db, aClient);
        await visible;
      },
      async (i) => {
        const got = new Promise<void>((resolve) => probe.once('notification', () => resolve()));
        await admin.query(`NOTIFY ct_bench_ping, '${i}'`);
        await got;
      },
      { warmup: 1, runs: runs(ctx, 20, 5), mem },
    );
    await syncing;
    rows.push(
      makeRow({
        name: 'Team commit → visible to a teammate',
        scale: label,
        app: live.app,
        baseline: { name: 'bare NOTIFY round trip between two connections', samples: live.base },
        target: { kind: 'absolute', maxMs: 1000 },
        memory: mem.result(),
        note: 'from alice’s sync start to the change in bob’s file: push, NOTIFY, bob’s pull and apply (sync --watch does the same)',
      }),
    );
    closeCase(a);
    closeCase(b);
    return rows;
  } finally {
    for (const c of clients) await c.end().catch(() => undefined);
    cluster.stop();
  }
}
