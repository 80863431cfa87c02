/** How many records of each kind a case holds (case.info); `events` is counted by db/repos/events.ts. */
import type { CaseInfo } from '../../core/types';
import { get, sql, type DB, type Sql } from '../sql';

const count = (db: DB, q: Sql) => get<{ n: number }>(db, q)!.n;

export function recordCounts(db: DB, events: number): CaseInfo['counts'] {
  return {
    claims: count(db, sql`SELECT count(*) AS n FROM claims WHERE deleted_at IS NULL`),
    sources: count(db, sql`SELECT count(*) AS n FROM sources WHERE deleted_at IS NULL`),
    evidence: count(db, sql`SELECT count(*) AS n FROM evidence`),
    disputes: count(db, sql`SELECT count(*) AS n FROM disputes`),
    events,
    trash: count(db, sql`SELECT count(*) AS n FROM claims WHERE deleted_at IS NOT NULL`),
  };
}
