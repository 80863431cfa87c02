/**
 * publish: a local case's whole history uploaded as a new team case, in one transaction (the caller
 * becomes its owner). join: a new local case file built from a team case's events, the team chain
 * verified first: each event's row changes are replayed (db/records/replay.ts) and the events stored
 * as they were, so the joined file's own chain and state verify like the original's.
 * Document bytes (logged by hash) are not carried yet.
 */
import type { ClientBase } from 'pg';
import { newId } from '../../core/ids';
import { CaseError } from '../errors';
import { closeCase, openCase } from '../open';
import { Replayer } from '../records/replay';
import type { RowChange } from '../records/changes';
import type { EventRow } from '../repos/events';
import type { DB } from '../sql';
import { verifyTeamChain, type TeamEventRow } from './chain';
import { inTransaction } from './connect';

const COLUMNS = ['seq', 'id', 'at', 'actor', 'kind', 'entity_type', 'entity_id', 'claim_id', 'payload', 'rationale', 'changes', 'prev_hash', 'hash'] as const;

export async function publishCase(local: DB, client: ClientBase, name: string): Promise<{ caseId: string; name: string; events: number }> {
  const rows = local.prepare(`SELECT ${COLUMNS.join(', ')} FROM events ORDER BY seq`).all() as EventRow[];
  const caseId = newId();
  await inTransaction(client, async () => {
    await client.query('INSERT INTO claimtrail.team_cases (id, name, created_by) VALUES ($1, $2, session_user)', [caseId, name]);
    for (let i = 0; i < rows.length; i += 500) {
      const part = rows.slice(i, i + 500);
      // $1 is the case id; each row adds its id, kind and body (the local event row as JSON).
      const params: string[] = [caseId];
      const values = part.map((r) => {
        params.push(r.id, r.kind, JSON.stringify(Object.fromEntries(COLUMNS.map((c) => [c, r[c] ?? null]))));
        const n = params.length;
        return `($1, $${n - 2}, $${n - 1}, $${n})`;
      });
      await client.query(`INSERT INTO claimtrail.team_events (case_id, id, kind, body, seq, author, at, prev_hash, hash)
         SELECT v.case_id, v.id, v.kind, v.body, 0, '', '', '', '' FROM (VALUES ${values.join(', ')}) AS v (case_id, id, kind, body)`, params);
    }
  });
  return { caseId, name, events: rows.length };
}

export async function joinCase(client: ClientBase, name: string, file: string): Promise<{ caseId: string; events: number; changes: number; file: string }> {
  const c = await client.query<{ id: string }>('SELECT id FROM claimtrail.team_cases WHERE name = $1', [name]);
  const caseId = c.rows[0]?.id;
  if (!caseId) throw new CaseError('not_found', `team case "${name}" was not found (or this role is not a member of it)`);
  const rows = (await client.query<TeamEventRow>('SELECT * FROM claimtrail.team_events WHERE case_id = $1 ORDER BY seq', [caseId])).rows;
  const broken = verifyTeamChain(rows);
  if (broken) throw new CaseError('invalid', `team case "${name}": ${broken}`);
  const handle = openCase(file, { create: true, captureChanges: false });
  try {
    const db = handle.db;
    const existing = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    if (existing) throw new CaseError('conflict', `${file} already holds a case (${existing} events): join into a new file`);
    const insert = db.prepare(`INSERT INTO events (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
    const replayer = new Replayer(db);
    db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      for (const r of rows) {
        const e = JSON.parse(r.body) as EventRow;
        if (e.changes) for (const ch of JSON.parse(e.changes) as RowChange[]) replayer.apply(e.seq, ch);
        insert.run(...COLUMNS.map((k) => e[k] ?? null));
      }
    })();
    db.pragma('foreign_keys = ON');
    return { caseId, events: rows.length, changes: replayer.changes, file };
  } finally {
    closeCase(handle);
  }
}
