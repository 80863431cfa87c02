/**
 * Sync between a local copy and its team case (issue 15, docs/team.md).
 *
 * - The outbox is every local event whose id is not in the copy's team_log.
 * - pull: the team rows after the copy's last one are read, their chain verified from the copy's
 *   last hash, and each is applied (db/team/incoming.ts) and recorded as a local event with the
 *   team event's id, author and time; an event this copy pushed itself (its id is already a local
 *   event: the acknowledgement was lost) is only noted. One SQLite transaction per batch.
 * - push: the outbox in team form (db/team/outgoing.ts), in one PostgreSQL transaction. Each row
 *   names the head it expects (after_seq); the server refuses the whole push when someone else
 *   wrote first (serialization_failure), and sync pulls and pushes again.
 */
import type { ClientBase } from 'pg';
import { newId } from '../../core/ids';
import { CaseError } from '../errors';
import { decodeChanges } from '../records/changes';
import { inUnit, logEvent } from '../records/log';
import type { EventRow } from '../repos/events';
import type { DB } from '../sql';
import { recomputeClaims } from '../transfer/recompute';
import { TEAM_GENESIS, verifyTeamChain, type TeamEventRow } from './chain';
import { inTransaction } from './connect';
import { fieldKey, TeamApplier } from './incoming';
import { declOf, TeamKeys } from './keys';
import { teamChanges, type TeamBody } from './outgoing';

export interface TeamLink {
  case_id: string;
  name: string;
  server: string;
  client_id: string;
  linked_at: string;
}

export const teamLink = (db: DB): TeamLink | null =>
  (db.prepare('SELECT case_id, name, server, client_id, linked_at FROM team_link').get() as TeamLink | undefined) ?? null;

export function requireLink(db: DB): TeamLink {
  const l = teamLink(db);
  if (!l) throw new CaseError('invalid', 'this case is not a team copy: publish it (team publish) or join a team case (team join)');
  return l;
}

export function linkCase(db: DB, link: Omit<TeamLink, 'client_id' | 'linked_at'>): TeamLink {
  const full = { ...link, client_id: newId(), linked_at: new Date().toISOString() };
  db.prepare('INSERT INTO team_link (one, case_id, name, server, client_id, linked_at) VALUES (1, ?, ?, ?, ?, ?)').run(
    full.case_id, full.name, full.server, full.client_id, full.linked_at,
  );
  return full;
}

/** The copy's last team row (seq 0 and the genesis hash before the first). */
export function lastPulled(db: DB): { seq: number; hash: string } {
  return (db.prepare('SELECT seq, hash FROM team_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: TEAM_GENESIS };
}

export const outboxCount = (db: DB): number =>
  db.prepare('SELECT count(*) FROM events WHERE id NOT IN (SELECT id FROM team_log)').pluck().get() as number;

type LocalEvent = EventRow & { changes: string | null };

/** The outbox as team bodies, in local order, each with its base (team keys registered on the way). */
export function outboxBodies(db: DB, link: TeamLink): { id: string; kind: string; body: string }[] {
  const first = db.prepare('SELECT min(seq) FROM events WHERE id NOT IN (SELECT id FROM team_log)').pluck().get() as number | null;
  if (first === null) return [];
  let base = (db.prepare('SELECT max(t.seq) FROM events e JOIN team_log t ON t.id = e.id WHERE e.seq < ?').pluck().get(first) as number | null) ?? 0;
  const keys = new TeamKeys(db);
  const out: { id: string; kind: string; body: string }[] = [];
  db.transaction(() => {
    const rows = db.prepare('SELECT e.*, t.seq AS team_seq FROM events e LEFT JOIN team_log t ON t.id = e.id WHERE e.seq >= ? ORDER BY e.seq').all(first) as (LocalEvent & { team_seq: number | null })[];
    for (const e of rows) {
      if (e.team_seq !== null) {
        base = Math.max(base, e.team_seq);
        continue;
      }
      const body: TeamBody = {
        v: 1,
        client: link.client_id,
        base,
        event: { at: e.at, actor: e.actor, kind: e.kind, entity_type: e.entity_type, entity_id: e.entity_id, claim_id: e.claim_id, payload: e.payload, rationale: e.rationale },
        ...teamChanges(db, keys, e.id, decodeChanges(e.changes)),
      };
      out.push({ id: e.id, kind: e.kind, body: JSON.stringify(body) });
    }
  })();
  return out;
}

/** What this copy's outbox changed (fieldKey()s): pulled updates leave those fields alone. */
function pendingFields(db: DB): Set<string> {
  const out = new Set<string>();
  const rows = db.prepare('SELECT changes FROM events WHERE changes IS NOT NULL AND id NOT IN (SELECT id FROM team_log) ORDER BY seq').pluck().all() as string[];
  for (const text of rows)
    for (const c of decodeChanges(text)) {
      const d = declOf(c[1]);
      // An insert sets every field: the same setting, tag or anchor made elsewhere lands as an update under it.
      if (c[0] !== 'd') for (const col of Object.keys(c[3])) if (!d.fields[col]?.derived) out.add(fieldKey(c[1], c[2], col));
    }
  return out;
}

function parseBody(r: TeamEventRow): TeamBody {
  try {
    const b = JSON.parse(r.body) as TeamBody;
    if (b.v !== 1 || !Array.isArray(b.changes) || typeof b.client !== 'string' || typeof b.base !== 'number') throw new Error('not a version 1 body');
    return b;
  } catch (e) {
    throw new CaseError('invalid', `team event ${r.seq} (${r.id}) has a body this ClaimTrail cannot read: ${(e as Error).message}`);
  }
}

const PULL_BATCH = 2_000;

export interface PullResult {
  pulled: number;
  applied: number;
  /** Own events whose acknowledgement had been lost, noted now. */
  acknowledged: number;
}

/** Applies verified team rows to the copy, in one SQLite transaction. */
export function applyTeamRows(db: DB, rows: readonly TeamEventRow[], r: PullResult = { pulled: 0, applied: 0, acknowledged: 0 }): PullResult {
  if (!rows.length) return r;
  const keys = new TeamKeys(db);
  const own = db.prepare('SELECT 1 FROM events WHERE id = ?').pluck();
  const note = db.prepare('INSERT INTO team_log (seq, id, author, at, kind, body, prev_hash, hash, base, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const bodies = rows.map(parseBody);
  db.pragma('foreign_keys = OFF');
  try {
    const applier = new TeamApplier(db, keys, pendingFields(db));
    inUnit(db, () => ({ actor: 'sync', at: new Date().toISOString(), kind: 'team.recomputed', entityType: 'case', entityId: 'team', payload: {} }), () => {
      rows.forEach((row, i) => {
        const b = bodies[i]!;
        note.run(Number(row.seq), row.id, row.author, row.at, row.kind, row.body, row.prev_hash, row.hash, b.base, b.client);
        r.pulled++;
        if (own.get(row.id)) {
          // Pushed before, its acknowledgement lost: now on the server, so no longer pending. What
          // follows it in the team log came later and wins over it.
          r.acknowledged++;
          applier.pending = pendingFields(db);
          return;
        }
        for (const c of b.changes) applier.apply(c, b.bytes);
        applier.endEvent();
        const e = b.event;
        logEvent(db, {
          id: row.id,
          actor: row.author,
          at: e.at,
          kind: e.kind,
          entityType: e.entity_type,
          entityId: e.entity_id,
          claimId: e.claim_id,
          payload: JSON.parse(e.payload) as unknown,
          rationale: e.rationale,
        });
        r.applied++;
      });
      // The model's outputs are not shipped: recompute what the pull touched (the changes go with the last event).
      const set = applier.all ? { above: 0 } : { rowids: [...applier.touched] };
      if (applier.all || applier.touched.size) recomputeClaims(db, set);
    });
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return r;
}

/** Pulls and applies every team row after the copy's last, verifying the chain. */
export async function pull(db: DB, client: ClientBase, link: TeamLink): Promise<PullResult> {
  const r: PullResult = { pulled: 0, applied: 0, acknowledged: 0 };
  for (;;) {
    const last = lastPulled(db);
    if (last.seq > 0) {
      // The row this copy already holds must still be the server's (a tampered head is named now).
      const same = await client.query<{ hash: string }>('SELECT hash FROM claimtrail.team_events WHERE case_id = $1 AND seq = $2', [link.case_id, last.seq]);
      if (same.rows[0]?.hash !== last.hash) throw new CaseError('invalid', `team case "${link.name}": team event ${last.seq} on the server no longer matches this copy's`);
    }
    const rows = (
      await client.query<TeamEventRow>('SELECT * FROM claimtrail.team_events WHERE case_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [link.case_id, last.seq, PULL_BATCH])
    ).rows;
    if (!rows.length) return r;
    const broken = verifyTeamChain(rows, last);
    if (broken) throw new CaseError('invalid', `team case "${link.name}": ${broken}`);
    applyTeamRows(db, rows, r);
    if (rows.length < PULL_BATCH) return r;
  }
}

const PUSH_BATCH = 200;

/** Inserts team rows after `after` (the head the pusher expects); returns the server's rows. */
export async function insertTeamRows(client: ClientBase, caseId: string, after: number, items: readonly { id: string; kind: string; body: string }[]): Promise<TeamEventRow[]> {
  const out: TeamEventRow[] = [];
  for (let i = 0; i < items.length; i += PUSH_BATCH) {
    const part = items.slice(i, i + PUSH_BATCH);
    const params: unknown[] = [caseId];
    const values = part.map((it, j) => {
      params.push(it.id, it.kind, it.body, after + i + j);
      const n = params.length;
      return `($1, $${n - 3}, $${n - 2}, $${n - 1}, $${n}::bigint)`;
    });
    // The VALUES order is the seq order: WITH ORDINALITY keeps it through the INSERT … SELECT.
    const res = await client.query<TeamEventRow>(
      `INSERT INTO claimtrail.team_events (case_id, id, kind, body, after_seq, seq, author, at, prev_hash, hash)
       SELECT v.case_id, v.id, v.kind, v.body, v.after_seq, 0, '', '', '', '' FROM (VALUES ${values.join(', ')}) AS v (case_id, id, kind, body, after_seq)
       RETURNING case_id, seq, id, author, at, kind, body, prev_hash, hash`,
      params,
    );
    out.push(...res.rows.sort((a, b) => Number(a.seq) - Number(b.seq)));
  }
  return out;
}

/** Notes pushed rows in the copy's team log: they are no longer in the outbox. */
export function acknowledge(db: DB, rows: readonly TeamEventRow[]): void {
  const note = db.prepare('INSERT INTO team_log (seq, id, author, at, kind, body, prev_hash, hash, base, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const row of rows) {
      const b = parseBody(row);
      note.run(Number(row.seq), row.id, row.author, row.at, row.kind, row.body, row.prev_hash, row.hash, b.base, b.client);
    }
  })();
}

/** A push refused because the team log moved on: pull, then push again. */
export class Behind extends Error {}

/**
 * Test seams: beforeCommit runs inside the push's transaction (a connection lost there leaves the
 * server unchanged); afterCommit between the server's commit and the copy's acknowledgement (a crash
 * there is survived: the next pull recognises the copy's own events).
 */
export const hooks: { beforeCommit?: () => void; afterCommit?: () => void } = {};

export async function push(db: DB, client: ClientBase, link: TeamLink): Promise<number> {
  const items = outboxBodies(db, link);
  if (!items.length) return 0;
  const last = lastPulled(db);
  let rows: TeamEventRow[];
  try {
    rows = await inTransaction(client, async () => {
      const inserted = await insertTeamRows(client, link.case_id, last.seq, items);
      hooks.beforeCommit?.();
      return inserted;
    });
  } catch (e) {
    const code = e && typeof e === 'object' && 'code' in e ? (e as { code: unknown }).code : '';
    if (code === '40001' || code === '23505') throw new Behind('the team log moved on');
    throw e;
  }
  hooks.afterCommit?.();
  const broken = verifyTeamChain(rows, last);
  if (broken) throw new CaseError('invalid', `team case "${link.name}": the server answered the push with ${broken}`);
  acknowledge(db, rows);
  return rows.length;
}

export interface SyncResult extends PullResult {
  pushed: number;
  pending: number;
  head: number;
}

/** Pull, then push the outbox; when someone wrote in between, pull and push again. */
export async function sync(db: DB, client: ClientBase, attempts = 10): Promise<SyncResult> {
  const link = requireLink(db);
  const total: SyncResult = { pulled: 0, applied: 0, acknowledged: 0, pushed: 0, pending: 0, head: 0 };
  for (let i = 0; ; i++) {
    const p = await pull(db, client, link);
    total.pulled += p.pulled;
    total.applied += p.applied;
    total.acknowledged += p.acknowledged;
    try {
      total.pushed += await push(db, client, link);
      break;
    } catch (e) {
      if (!(e instanceof Behind) || i + 1 >= attempts) throw e instanceof Behind ? new CaseError('conflict', `sync gave up after ${attempts} tries: others keep writing; try again`) : e;
    }
  }
  total.pending = outboxCount(db);
  total.head = lastPulled(db).seq;
  return total;
}
