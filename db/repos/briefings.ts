/** Saved briefing versions: the Markdown as delivered and the model it was rendered from. */
import type { Briefing, BriefingSelection } from '../../core/briefing/types';
import type { BriefingVersion } from '../../core/contract/briefings';
import { notFound } from '../errors';
import { all, empty, get, run, sql, type DB } from '../sql';

export interface BriefingRow {
  rowid: number;
  id: string;
  title: string;
  selection: string;
  selection_key: string;
  markdown: string;
  snapshot: string;
  created_at: string;
  version: number;
  claim_count: number;
}

/** What the `snapshot` column holds: the whole model, so a saved version re-renders exactly. */
export interface StoredSnapshot {
  format: 1;
  briefing: Briefing;
}

const SELECT = sql`SELECT b.*,
    (SELECT count(*) FROM briefings p WHERE p.selection_key = b.selection_key AND p.rowid <= b.rowid) AS version,
    coalesce(json_array_length(b.snapshot, '$.briefing.snapshot.claims'), 0) AS claim_count
  FROM briefings b`;

export function insertBriefing(
  db: DB,
  b: { id: string; title: string; selection: BriefingSelection; selectionKey: string; markdown: string; briefing: Briefing; at: string },
): void {
  const stored: StoredSnapshot = { format: 1, briefing: b.briefing };
  run(
    db,
    sql`INSERT INTO briefings (id, title, selection, selection_key, markdown, snapshot, created_at)
        VALUES (${b.id}, ${b.title}, ${JSON.stringify(b.selection)}, ${b.selectionKey}, ${b.markdown},
                ${JSON.stringify(stored)}, ${b.at})`,
  );
}

export function briefingRowById(db: DB, id: string): BriefingRow {
  const row = get<BriefingRow>(db, sql`${SELECT} WHERE b.id = ${id}`);
  if (!row) throw notFound('briefing', id);
  return row;
}

/** The latest saved version on a selection, or null. */
export function latestBriefing(db: DB, selectionKey: string): BriefingRow | null {
  return get<BriefingRow>(db, sql`${SELECT} WHERE b.selection_key = ${selectionKey} ORDER BY b.rowid DESC LIMIT 1`) ?? null;
}

export function listBriefings(db: DB, selectionKey: string | null, limit: number): BriefingRow[] {
  const where = selectionKey === null ? empty : sql`WHERE b.selection_key = ${selectionKey}`;
  return all<BriefingRow>(db, sql`${SELECT} ${where} ORDER BY b.rowid DESC LIMIT ${limit}`);
}

export function storedBriefing(row: BriefingRow): Briefing {
  const stored = JSON.parse(row.snapshot) as StoredSnapshot;
  if (stored.format !== 1) throw new Error(`briefing ${row.id}: unknown snapshot format ${String(stored.format)}`);
  return stored.briefing;
}

export function toVersion(row: BriefingRow): BriefingVersion {
  return {
    id: row.id,
    title: row.title,
    selection: JSON.parse(row.selection) as BriefingSelection,
    selectionKey: row.selection_key,
    createdAt: row.created_at,
    version: row.version,
    claimCount: row.claim_count,
  };
}
