/**
 * The dispute history: an append-only, SHA-256 hash-chained event log. Each event's hash covers the
 * previous hash and the canonical JSON of the event, so any edited, deleted, reordered or forged row
 * breaks the chain at a nameable place.
 */
import type { Statement } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/canonical-json';
import { newId } from '../../core/ids';
import type { CaseEvent, VerifyResult } from '../../core/types';
import { all, get, run, sql, type DB } from '../sql';

export const GENESIS_HASH = '0'.repeat(64);

export interface NewEvent {
  /** The event's id; new when absent (a team copy keeps the id of an event it pulled). */
  id?: string;
  actor: string;
  at: string;
  kind: string;
  entityType: string;
  entityId: string;
  claimId?: string | null;
  payload: unknown;
  rationale?: string | null;
  /** The row changes the event's mutation made, encoded by db/records/changes.ts (null: none). */
  changes?: string | null;
}

export interface EventRow {
  seq: number;
  id: string;
  at: string;
  actor: string;
  kind: string;
  entity_type: string;
  entity_id: string;
  claim_id: string | null;
  payload: string;
  rationale: string | null;
  /** Schema v10: the row changes, a JSON array (db/records/changes.ts); null (or absent) for events without any. */
  changes?: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * What the hash covers: the canonical JSON of the event's fields, the payload hashed as stored (its
 * JSON text, already canonical), so storage cannot drift. Written out in canonical member order so
 * the hot path builds no object and sorts nothing; a row with a missing member takes the generic
 * path, whose output this equals for every complete row (tests/db/repos/events-hash.test.ts).
 */
export function hashedBody(r: Omit<EventRow, 'hash' | 'prev_hash'>): string {
  const complete = [r.seq, r.id, r.at, r.actor, r.kind, r.entity_type, r.entity_id, r.claim_id, r.payload, r.rationale].every((v) => v !== undefined);
  if (!complete) return genericHashedBody(r);
  // An event without row changes hashes exactly as before schema v10, so old chains still verify.
  const changes = r.changes == null ? '' : `,"changes":${canonicalJson(r.changes)}`;
  return (
    `{"actor":${canonicalJson(r.actor)},"at":${canonicalJson(r.at)}${changes},"claimId":${canonicalJson(r.claim_id)}` +
    `,"entityId":${canonicalJson(r.entity_id)},"entityType":${canonicalJson(r.entity_type)},"id":${canonicalJson(r.id)}` +
    `,"kind":${canonicalJson(r.kind)},"payload":${canonicalJson(r.payload)},"rationale":${canonicalJson(r.rationale)}` +
    `,"seq":${canonicalJson(r.seq)}}`
  );
}

/** The definition: the canonical JSON of the event as an object. */
export function genericHashedBody(r: Omit<EventRow, 'hash' | 'prev_hash'>): string {
  return canonicalJson({
    ...(r.changes == null ? {} : { changes: r.changes }),
    seq: r.seq,
    id: r.id,
    at: r.at,
    actor: r.actor,
    kind: r.kind,
    entityType: r.entity_type,
    entityId: r.entity_id,
    claimId: r.claim_id,
    payload: r.payload,
    rationale: r.rationale,
  });
}

export function eventHash(prevHash: string, r: Omit<EventRow, 'hash' | 'prev_hash'>): string {
  return createHash('sha256').update(prevHash).update('\n').update(hashedBody(r)).digest('hex');
}

function head(db: DB): { seq: number; hash: string } {
  return get<{ seq: number; hash: string }>(db, sql`SELECT seq, hash FROM chain_head WHERE id = 1`) ?? {
    seq: 0,
    hash: GENESIS_HASH,
  };
}

/** The stored row of a new event (all but its hashes). */
function newRow(seq: number, e: NewEvent): Omit<EventRow, 'hash' | 'prev_hash'> {
  return {
    seq,
    id: e.id ?? newId(),
    at: e.at,
    actor: e.actor,
    kind: e.kind,
    entity_type: e.entityType,
    entity_id: e.entityId,
    claim_id: e.claimId ?? null,
    payload: canonicalJson(e.payload ?? null),
    rationale: e.rationale ?? null,
    changes: e.changes ?? null,
  };
}

/** Appends one event; call inside the transaction of the mutation it records. */
export function appendEvent(db: DB, e: NewEvent): CaseEvent {
  const prev = head(db);
  const row = newRow(prev.seq + 1, e);
  const hash = eventHash(prev.hash, row);
  run(
    db,
    sql`INSERT INTO events (seq, id, at, actor, kind, entity_type, entity_id, claim_id, payload, rationale, changes, prev_hash, hash)
        VALUES (${row.seq}, ${row.id}, ${row.at}, ${row.actor}, ${row.kind}, ${row.entity_type}, ${row.entity_id},
                ${row.claim_id}, ${row.payload}, ${row.rationale}, ${row.changes}, ${prev.hash}, ${hash})`,
  );
  return toEvent({ ...row, prev_hash: prev.hash, hash });
}

export interface EventBatch {
  append(e: NewEvent): void;
  /** Checks that nothing else appended meanwhile (the head is still this batch's last event). */
  finish(): { count: number; headHash: string };
}

const insertStatements = new WeakMap<DB, Statement<unknown[]>>();

/**
 * Appends many events in one transaction: the head is read once and kept in memory, and one prepared
 * INSERT is reused. The hashes are the same as appendEvent's, so the chain verifies the same way.
 * Nothing else may append to the chain until finish(), which throws (rolling back) if something did.
 */
export function eventBatch(db: DB): EventBatch {
  let prev = head(db);
  let count = 0;
  let insert = insertStatements.get(db);
  if (!insert) {
    insert = db.prepare<unknown[]>(`INSERT INTO events (seq, id, at, actor, kind, entity_type, entity_id, claim_id, payload, rationale, changes, prev_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    insertStatements.set(db, insert);
  }
  const stmt = insert;
  return {
    append(e) {
      const row = newRow(prev.seq + 1, e);
      const hash = eventHash(prev.hash, row);
      stmt.run(row.seq, row.id, row.at, row.actor, row.kind, row.entity_type, row.entity_id, row.claim_id, row.payload, row.rationale, row.changes, prev.hash, hash);
      prev = { seq: row.seq, hash };
      count++;
    },
    finish() {
      const now = head(db);
      if (now.seq !== prev.seq || now.hash !== prev.hash)
        throw new Error(`event batch: the chain head moved to ${now.seq} while the batch held ${prev.seq}; another writer appended meanwhile`);
      return { count, headHash: prev.hash };
    },
  };
}

export function toEvent(r: EventRow): CaseEvent {
  return {
    seq: r.seq,
    id: r.id,
    at: r.at,
    actor: r.actor,
    kind: r.kind,
    entityType: r.entity_type,
    entityId: r.entity_id,
    claimId: r.claim_id,
    payload: JSON.parse(r.payload) as unknown,
    rationale: r.rationale,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export function eventsForClaim(db: DB, claimId: string): CaseEvent[] {
  return all<EventRow>(db, sql`SELECT * FROM events WHERE claim_id = ${claimId} ORDER BY seq`).map(toEvent);
}

export function recentEvents(db: DB, limit: number): CaseEvent[] {
  return all<EventRow>(db, sql`SELECT * FROM events ORDER BY seq DESC LIMIT ${limit}`).map(toEvent);
}

/** The newest event's hash and how many events there are (a briefing's provenance). */
export function historyHead(db: DB): { hash: string; events: number } | null {
  const h = get<{ hash: string; n: number }>(db, sql`SELECT hash, (SELECT count(*) FROM events) AS n FROM events ORDER BY seq DESC LIMIT 1`);
  return h ? { hash: h.hash, events: h.n } : null;
}

export function countEvents(db: DB): number {
  return get<{ n: number }>(db, sql`SELECT count(*) AS n FROM events`)!.n;
}

/** Walks the whole chain in order and names the first event that does not fit. */
export function verifyChain(db: DB): VerifyResult {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  const broken = (seq: number, id: string | null, reason: string): VerifyResult => ({
    ok: false,
    events: count,
    headHash: null,
    firstBroken: { seq, id, reason },
  });
  for (const r of db.prepare('SELECT * FROM events ORDER BY seq').iterate() as IterableIterator<EventRow>) {
    if (r.seq > expectedSeq)
      return broken(expectedSeq, null, `event ${expectedSeq} is missing: the sequence jumps from ${expectedSeq - 1} to ${r.seq} (events were removed or renumbered)`);
    if (r.seq !== expectedSeq)
      return broken(r.seq, r.id, `event ${r.seq} is out of sequence (expected ${expectedSeq}): it was inserted or renumbered`);
    if (r.prev_hash !== prevHash)
      return broken(r.seq, r.id, 'its link to the previous event does not match: an earlier event was removed, changed or reordered');
    if (eventHash(prevHash, r) !== r.hash) return broken(r.seq, r.id, 'its content does not match its hash: it was edited');
    prevHash = r.hash;
    expectedSeq++;
    count++;
  }
  const h = get<{ seq: number; hash: string }>(db, sql`SELECT seq, hash FROM chain_head WHERE id = 1`);
  if (count > 0 || h) {
    if (!h || h.seq !== count || h.hash !== prevHash)
      return broken(count + 1, null, `the chain ends at event ${count} but the recorded head is event ${h?.seq ?? 'none'}: trailing events were removed`);
  }
  return { ok: true, events: count, headHash: count ? prevHash : null, firstBroken: null };
}
