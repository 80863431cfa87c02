/** Saved briefing versions: the Markdown as delivered and the model it was rendered from. */
import type { RowOf } from '../../core/records/define';
import type { briefingRecord } from '../../core/records/records';
import type { Briefing, BriefingSelection } from '../../core/briefing/types';
import type { BriefingVersion } from '../../core/contract/briefings';
import { parseStoredBriefing, StoredBriefingError } from '../../core/briefing/schema';
import { CaseError, invalid, invalidIssues, notFound } from '../errors';
import { all, empty, get, run, sql, type DB } from '../sql';

/** The stored row, derived from its declaration (core/records/records.ts). */
export type BriefingRow = RowOf<typeof briefingRecord> & { version: number; claim_count: number };

/** What the `snapshot` column holds: the whole model, so a saved version re-renders exactly. */
export interface StoredSnapshot {
  format: 1;
  briefing: Briefing;
}

const SELECT = sql`SELECT b.*,
    (SELECT count(*) FROM briefings p WHERE p.selection_key = b.selection_key AND p.rowid <= b.rowid) AS version,
    CASE WHEN json_valid(b.snapshot) THEN coalesce(json_array_length(b.snapshot, '$.briefing.snapshot.claims'), 0) ELSE 0 END AS claim_count
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

/** The stored model, validated (core/briefing/schema.ts): a damaged one is refused with a clear error, never rendered. */
export function storedBriefing(row: BriefingRow): Briefing {
  const where = `saved briefing ${row.id}`;
  let stored: unknown;
  try {
    stored = JSON.parse(row.snapshot);
  } catch {
    throw invalid(`${where} is damaged and will not be shown: its model is not JSON`);
  }
  const s = stored as Partial<StoredSnapshot> | null;
  if (!s || typeof s !== 'object' || s.format !== 1)
    throw invalid(`${where} is damaged and will not be shown: unknown snapshot format ${String(s?.format)}`);
  try {
    return parseStoredBriefing(s.briefing, where);
  } catch (e) {
    if (e instanceof StoredBriefingError) throw invalidIssues(e.message, e.issues);
    throw e;
  }
}

/** The stored model, or null when it is damaged (for the "previous briefing" a new one compares with). */
export function storedBriefingOrNull(row: BriefingRow): Briefing | null {
  try {
    return storedBriefing(row);
  } catch (e) {
    if (e instanceof CaseError) return null;
    throw e;
  }
}

const parseSelection = (json: string): BriefingSelection => {
  try {
    const s = JSON.parse(json) as unknown;
    return s && typeof s === 'object' && !Array.isArray(s) ? (s as BriefingSelection) : {};
  } catch {
    return {};
  }
};

/** A list entry: never throws for a damaged row, so one bad record cannot hide the others. */
export function toVersion(row: BriefingRow): BriefingVersion {
  return {
    id: row.id,
    title: String(row.title),
    selection: parseSelection(row.selection),
    selectionKey: row.selection_key,
    createdAt: String(row.created_at),
    version: row.version,
    claimCount: row.claim_count,
  };
}
