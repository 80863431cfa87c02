/**
 * publish: a local case's whole history uploaded as a new team case in one PostgreSQL transaction
 * (the caller becomes its owner); the file becomes a copy of it. join: a new local file built from a
 * team case, every team row verified and applied as sync applies it (db/team/sync.ts), so the joined
 * file's own chain and state verify like any case's.
 */
import { rmSync } from 'node:fs';
import type { ClientBase } from 'pg';
import { newId } from '../../core/ids';
import { CaseError } from '../errors';
import { closeCase, openCase } from '../open';
import { quoteName as q, type DB } from '../sql';
import { verifyTeamChain } from './chain';
import { inTransaction } from './connect';
import { acknowledge, insertTeamRows, linkCase, outboxBodies, pull, teamLink } from './sync';

export async function publishCase(local: DB, client: ClientBase, name: string, server: string): Promise<{ caseId: string; name: string; events: number }> {
  const linked = teamLink(local);
  if (linked) throw new CaseError('conflict', `this case is already a copy of team case "${linked.name}" (${linked.server})`);
  const caseId = newId();
  // The link first (one local transaction, undone below if the upload fails): the bodies name this copy's client id.
  const link = local.transaction(() => linkCase(local, { case_id: caseId, name, server }))();
  try {
    const items = outboxBodies(local, link);
    const rows = await inTransaction(client, async () => {
      await client.query('INSERT INTO claimtrail.team_cases (id, name, created_by) VALUES ($1, $2, session_user)', [caseId, name]);
      return insertTeamRows(client, caseId, 0, items);
    });
    const broken = verifyTeamChain(rows);
    if (broken) throw new CaseError('invalid', `team case "${name}": the server answered the upload with ${broken}`);
    acknowledge(local, rows);
    return { caseId, name, events: rows.length };
  } catch (e) {
    local.transaction(() => {
      local.exec('DELETE FROM team_keys');
      local.exec('DELETE FROM team_link');
    })();
    throw e;
  }
}

export async function joinCase(client: ClientBase, name: string, file: string, server: string): Promise<{ caseId: string; events: number; file: string }> {
  const c = await client.query<{ id: string }>('SELECT id FROM claimtrail.team_cases WHERE name = $1', [name]);
  const caseId = c.rows[0]?.id;
  if (!caseId) throw new CaseError('not_found', `team case "${name}" was not found (or this role is not a member of it)`);
  const handle = openCase(file, { create: true });
  try {
    const db = handle.db;
    const existing = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    if (existing) throw new CaseError('conflict', `${file} already holds a case (${existing} events): join into a new file`);
    const link = db.transaction(() => linkCase(db, { case_id: caseId, name, server }))();
    const r = await withIndexesBuiltAtEnd(db, () => pull(db, client, link));
    return { caseId, events: r.pulled, file };
  } catch (e) {
    closeCase(handle);
    // The file was made for this join: a failed join leaves nothing behind.
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    throw e;
  } finally {
    closeCase(handle);
  }
}


/**
 * A join writes a whole case into a new file: like a bulk import (db/transfer/fts.ts) it drops the
 * triggers that keep the word, trigram and document-text indexes, and rebuilds every index once at
 * the end. A rebuild reads the content tables, so updates and deletes in the log need no care.
 */
async function withIndexesBuiltAtEnd<T>(db: DB, fn: () => Promise<T>): Promise<T> {
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name GLOB '*_fts_a[diu]' OR name GLOB '*_tri_a[diu]')")
    .all() as { name: string; sql: string }[];
  const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5(%'").pluck().all() as string[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${q(t.name)}`);
  try {
    return await fn();
  } finally {
    db.transaction(() => {
      for (const t of triggers) db.exec(t.sql);
      for (const i of indexes) db.exec(`INSERT INTO ${q(i)} (${q(i)}) VALUES ('rebuild')`);
    })();
  }
}
