/** Row counts of every table: the "nothing was written" check. */
import type { DB } from '../../../db/sql';

const TABLES = [
  'claims', 'sources', 'evidence', 'disputes', 'dispute_evidence', 'dispute_responses',
  'claim_links', 'tags', 'claim_tags', 'events', 'briefings', 'meta',
];

export function tableCounts(db: DB): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number)]));
}
