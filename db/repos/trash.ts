/** The trash: deleted claims and sources with the actor and rationale of the event that deleted each. */
import type { TrashedItem } from '../../core/contract/trash';
import { all, sql, type DB } from '../sql';

export function trashedClaims(db: DB, limit: number): TrashedItem[] {
  return all<TrashedItem>(
    db,
    sql`SELECT c.id, c.text, c.deleted_at AS deletedAt, e.actor AS deletedBy, e.rationale AS reason
        FROM claims c
        LEFT JOIN events e ON e.seq = (SELECT max(seq) FROM events WHERE entity_id = c.id AND kind = 'claim.deleted')
        WHERE c.deleted_at IS NOT NULL
        ORDER BY c.deleted_at DESC, c.rowid DESC LIMIT ${limit}`,
  );
}

export function trashedSources(db: DB, limit: number): TrashedItem[] {
  return all<TrashedItem>(
    db,
    sql`SELECT s.id, s.title AS text, s.deleted_at AS deletedAt, e.actor AS deletedBy, e.rationale AS reason
        FROM sources s
        LEFT JOIN events e ON e.seq = (SELECT max(seq) FROM events WHERE entity_id = s.id AND kind = 'source.deleted')
        WHERE s.deleted_at IS NOT NULL
        ORDER BY s.deleted_at DESC, s.rowid DESC LIMIT ${limit}`,
  );
}
