import { all, get, list, run, sql, type DB } from '../sql';

export function tagsOf(db: DB, claimRowid: number): string[] {
  return all<{ name: string }>(
    db,
    sql`SELECT t.name FROM claim_tags ct JOIN tags t ON t.rowid = ct.tag_rowid
        WHERE ct.claim_rowid = ${claimRowid} ORDER BY t.name COLLATE NOCASE`,
  ).map((r) => r.name);
}

/** Tags of many claims at once (one query for a page of rows). */
export function tagsOfMany(db: DB, claimRowids: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (claimRowids.length === 0) return out;
  const rows = all<{ claim_rowid: number; name: string }>(
    db,
    sql`SELECT ct.claim_rowid, t.name FROM claim_tags ct JOIN tags t ON t.rowid = ct.tag_rowid
        WHERE ct.claim_rowid IN ${list(claimRowids)} ORDER BY t.name COLLATE NOCASE`,
  );
  for (const r of rows) {
    const cur = out.get(r.claim_rowid);
    if (cur) cur.push(r.name);
    else out.set(r.claim_rowid, [r.name]);
  }
  return out;
}

export function tagRowid(db: DB, name: string): number {
  const found = get<{ rowid: number }>(db, sql`SELECT rowid FROM tags WHERE name = ${name}`);
  if (found) return found.rowid;
  return Number(run(db, sql`INSERT INTO tags (name) VALUES (${name})`).lastInsertRowid);
}

export function setTags(db: DB, claimRowid: number, names: readonly string[]): void {
  run(db, sql`DELETE FROM claim_tags WHERE claim_rowid = ${claimRowid}`);
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    run(db, sql`INSERT INTO claim_tags (claim_rowid, tag_rowid) VALUES (${claimRowid}, ${tagRowid(db, name)})`);
  }
}

/** The claims (rowids) that carry a tag. */
export function claimRowidsWithTag(db: DB, tag: string): number[] {
  return all<{ rowid: number }>(
    db,
    sql`SELECT ct.claim_rowid AS rowid FROM claim_tags ct JOIN tags t ON t.rowid = ct.tag_rowid WHERE t.name = ${tag}`,
  ).map((x) => x.rowid);
}

export function listTags(db: DB): { name: string; count: number }[] {
  return all<{ name: string; count: number }>(
    db,
    sql`SELECT t.name, count(c.rowid) AS count FROM tags t
        JOIN claim_tags ct ON ct.tag_rowid = t.rowid
        JOIN claims c ON c.rowid = ct.claim_rowid AND c.deleted_at IS NULL
        GROUP BY t.rowid ORDER BY count DESC, t.name COLLATE NOCASE`,
  );
}
