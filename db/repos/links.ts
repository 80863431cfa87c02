import type { ClaimLink, LinkKind } from '../../core/types';
import { conflict, notFound } from '../errors';
import { all, get, run, sql, type DB } from '../sql';

interface LinkRow {
  id: string;
  from_id: string;
  to_id: string;
  kind: LinkKind;
  note: string;
  from_text: string;
  to_text: string;
}

const SELECT = sql`SELECT l.id, f.id AS from_id, t.id AS to_id, l.kind, l.note, f.text AS from_text, t.text AS to_text
  FROM claim_links l JOIN claims f ON f.rowid = l.from_rowid JOIN claims t ON t.rowid = l.to_rowid`;

export function linksOfClaim(db: DB, claimRowid: number, claimId: string): ClaimLink[] {
  return all<LinkRow>(
    db,
    sql`${SELECT} WHERE l.from_rowid = ${claimRowid} OR l.to_rowid = ${claimRowid} ORDER BY l.rowid`,
  ).map((r) => {
    const outgoing = r.from_id === claimId;
    return {
      id: r.id,
      fromId: r.from_id,
      toId: r.to_id,
      kind: r.kind,
      note: r.note,
      otherText: outgoing ? r.to_text : r.from_text,
      direction: outgoing ? 'outgoing' : 'incoming',
    };
  });
}

export function insertLink(
  db: DB,
  l: { id: string; fromRowid: number; toRowid: number; kind: LinkKind; note: string; at: string },
): void {
  if (l.fromRowid === l.toRowid) throw conflict('a claim cannot be linked to itself');
  const dup = get(
    db,
    sql`SELECT 1 FROM claim_links WHERE from_rowid = ${l.fromRowid} AND to_rowid = ${l.toRowid} AND kind = ${l.kind}`,
  );
  if (dup) throw conflict(`these claims are already linked as ${l.kind}`);
  run(
    db,
    sql`INSERT INTO claim_links (id, from_rowid, to_rowid, kind, note, created_at)
        VALUES (${l.id}, ${l.fromRowid}, ${l.toRowid}, ${l.kind}, ${l.note}, ${l.at})`,
  );
}

export function linkById(db: DB, id: string): LinkRow & { rowid: number } {
  const row = get<LinkRow & { rowid: number }>(db, sql`${SELECT} WHERE l.id = ${id}`);
  if (!row) throw notFound('link', id);
  return row;
}

export function deleteLink(db: DB, id: string): void {
  run(db, sql`DELETE FROM claim_links WHERE id = ${id}`);
}
