/**
 * A team log held in memory, for tests of what a team copy shows without a PostgreSQL server: it
 * appends rows as the server's trigger does (gap-free seq, the author it is told, a server time,
 * the SHA-256 chain of db/team/chain.ts) and refuses a push on a stale head; copies push their real
 * outbox (outboxBodies + acknowledge) and pull through the real applyTeamRows, chain verified.
 * tests/team/sync.test.ts does the same against a real server.
 */
import { newId } from '../../core/ids';
import { TEAM_GENESIS, teamEventHash, verifyTeamChain, type TeamEventRow } from '../../db/team/chain';
import { acknowledge, applyTeamRows, lastPulled, linkCase, outboxBodies, requireLink } from '../../db/team/sync';
import type { DB } from '../../db/sql';
import { tempCase, type TestCase } from '../helpers';

export class MemoryTeamLog {
  readonly rows: TeamEventRow[] = [];
  readonly caseId = newId();
  constructor(
    readonly name: string,
    /** Server time of seq 1; each later row is one minute on. */
    readonly start = Date.parse('2026-03-01T09:00:00.000Z'),
  ) {}

  atOf(seq: number): string {
    return new Date(this.start + (seq - 1) * 60_000).toISOString();
  }

  link(db: DB): void {
    db.transaction(() => linkCase(db, { case_id: this.caseId, name: this.name, server: 'postgresql://db.example/claimtrail' }))();
  }

  /** Appends the copy's outbox as `author` and acknowledges it there (as `push` in db/team/sync.ts). */
  push(db: DB, author: string): TeamEventRow[] {
    const head = lastPulled(db);
    if (head.seq !== this.rows.length) throw new Error(`the log is at ${this.rows.length}, the push expects ${head.seq}: pull first`);
    const out: TeamEventRow[] = [];
    for (const it of outboxBodies(db, requireLink(db))) {
      const prev = this.rows[this.rows.length - 1]?.hash ?? TEAM_GENESIS;
      const seq = this.rows.length + 1;
      const row = { case_id: this.caseId, seq, id: it.id, author, at: this.atOf(seq), kind: it.kind, body: it.body, prev_hash: prev };
      const full = { ...row, hash: teamEventHash(row) };
      this.rows.push(full);
      out.push(full);
    }
    acknowledge(db, out);
    return out;
  }

  /** Applies what the copy has not pulled yet, its chain verified from the copy's last row. */
  pull(db: DB): number {
    const last = lastPulled(db);
    const rows = this.rows.slice(last.seq);
    const broken = verifyTeamChain(rows, last);
    if (broken) throw new Error(broken);
    return applyTeamRows(db, rows).pulled;
  }
}

export const CONFLICT_CLAIM = 'The harbour dredging cost USD 40mn';
export const ALICE_TEXT = 'The harbour dredging cost USD 42mn';
export const BOB_TEXT = 'The harbour dredging cost USD 38mn (port accounts)';

/**
 * Two copies of team case "Harbour": alice's (made here) and `bob` (given, a fresh case), each of
 * which changed the claim's text without seeing the other's, both synced: one open conflict, whose
 * standing value is bob's (his push came later). Returns alice's copy, the log and the claim's id.
 */
export function harbourConflict(bob: TestCase): { alice: TestCase; log: MemoryTeamLog; claimId: string } {
  const log = new MemoryTeamLog('Harbour');
  const alice = tempCase({ actor: 'alice', name: 'alice.claimtrail' });
  const claim = alice.api.invoke('claims.create', { text: CONFLICT_CLAIM, claimant: 'Port authority' });
  alice.api.invoke('claims.create', { text: 'Dredging began in March' });
  log.link(alice.handle.db);
  log.push(alice.handle.db, 'alice');
  log.link(bob.handle.db);
  log.pull(bob.handle.db);
  // Both edit the text, neither having seen the other's edit.
  alice.api.invoke('claims.update', { id: claim.id, text: ALICE_TEXT });
  bob.api.invoke('claims.update', { id: claim.id, text: BOB_TEXT });
  log.push(alice.handle.db, 'alice');
  log.pull(bob.handle.db);
  log.push(bob.handle.db, 'bob');
  log.pull(alice.handle.db);
  return { alice, log, claimId: claim.id };
}
