/**
 * Full-text search through FTS5 (DESIGN §4). Rank and LIMIT run inside the FTS query; the rows are
 * hydrated afterwards. User text only ever reaches SQLite as a bound, fully quoted MATCH string.
 */
import { ftsMatch, parseQuery, type Filter, type ParsedQuery } from '../core/search/parse';
import type { HighlightSegment, SearchHit, SearchKind, SearchResult } from '../core/types';
import { claimTitlesByRowid } from './repos/claims';
import { all, join, list, sql, type DB, type Sql } from './sql';

const OPEN = '\u0002';
const CLOSE = '\u0003';

export function splitHighlight(s: string): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  let rest = s;
  while (rest.length) {
    const a = rest.indexOf(OPEN);
    if (a === -1) {
      out.push({ text: rest, match: false });
      break;
    }
    if (a > 0) out.push({ text: rest.slice(0, a), match: false });
    const b = rest.indexOf(CLOSE, a + 1);
    const end = b === -1 ? rest.length : b;
    out.push({ text: rest.slice(a + 1, end), match: true });
    rest = rest.slice(end + 1);
  }
  return out.filter((s) => s.text.length > 0);
}

const likeEscape = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** Conditions on `claims c` for every filter (grade and source: the claim cites such a source). */
function claimConditions(filters: readonly Filter[]): Sql[] {
  const out: Sql[] = [];
  for (const f of filters) {
    switch (f.kind) {
      case 'status':
        out.push(sql`c.status IN ${list(f.values)}`);
        break;
      case 'tag':
        out.push(
          sql`EXISTS (SELECT 1 FROM claim_tags ct JOIN tags t ON t.rowid = ct.tag_rowid WHERE ct.claim_rowid = c.rowid AND t.name = ${f.value})`,
        );
        break;
      case 'claimant':
        out.push(sql`c.claimant LIKE ${likeEscape(f.value)} ESCAPE '\\'`);
        break;
      case 'p':
        out.push(f.minInclusive ? sql`c.probability >= ${f.min}` : sql`c.probability > ${f.min}`);
        out.push(f.maxInclusive ? sql`c.probability <= ${f.max}` : sql`c.probability < ${f.max}`);
        break;
      case 'before':
        out.push(sql`coalesce(c.claimed_at, substr(c.created_at, 1, 10)) < ${f.date}`);
        break;
      case 'after':
        out.push(sql`coalesce(c.claimed_at, substr(c.created_at, 1, 10)) >= ${f.date}`);
        break;
      case 'is':
        out.push(f.value === 'disputed' ? sql`(c.open_disputes > 0 OR c.status = 'disputed')` : sql`c.override_p IS NOT NULL`);
        break;
      case 'grade':
        out.push(
          sql`EXISTS (SELECT 1 FROM evidence e JOIN sources s ON s.rowid = e.source_rowid WHERE e.claim_rowid = c.rowid AND s.reliability IN ${list(f.values)})`,
        );
        break;
      case 'source':
        out.push(
          sql`EXISTS (SELECT 1 FROM evidence e JOIN sources s ON s.rowid = e.source_rowid WHERE e.claim_rowid = c.rowid
                AND (s.title LIKE ${likeEscape(f.value)} ESCAPE '\\' OR s.publisher LIKE ${likeEscape(f.value)} ESCAPE '\\'))`,
        );
        break;
    }
  }
  return out;
}

function sourceConditions(filters: readonly Filter[]): Sql[] {
  const out: Sql[] = [sql`s.deleted_at IS NULL`];
  const claimOnly = filters.filter((f) => f.kind !== 'grade' && f.kind !== 'source');
  for (const f of filters) {
    if (f.kind === 'grade') out.push(sql`s.reliability IN ${list(f.values)}`);
    if (f.kind === 'source')
      out.push(sql`(s.title LIKE ${likeEscape(f.value)} ESCAPE '\\' OR s.publisher LIKE ${likeEscape(f.value)} ESCAPE '\\')`);
  }
  if (claimOnly.length)
    out.push(
      sql`EXISTS (SELECT 1 FROM evidence e JOIN claims c ON c.rowid = e.claim_rowid
            WHERE e.source_rowid = s.rowid AND c.deleted_at IS NULL AND ${join(claimConditions(claimOnly), ' AND ')})`,
    );
  return out;
}

interface FtsRow {
  rowid: number;
  rank: number;
  snip: string;
}

const FTS_TABLE: Record<SearchKind, Sql> = {
  claims: sql`claims_fts`,
  evidence: sql`evidence_fts`,
  sources: sql`sources_fts`,
  disputes: sql`disputes_fts`,
};

/**
 * Rows of one FTS table, ranked and limited inside the FTS query. `keep` is a per-row condition on
 * the FTS row's rowid (a correlated EXISTS): it is checked only for rows FTS5 yields in rank order,
 * until `limit` pass. Never `rowid IN (subquery)`: SQLite hands that to FTS5 as one rowid lookup per
 * listed row and sorts afterwards, which is thousands of times slower on a large case.
 */
function ftsRows(db: DB, table: SearchKind, match: string, keep: (ftsRowid: Sql) => Sql, limit: number): FtsRow[] {
  const t = FTS_TABLE[table];
  return all<FtsRow>(
    db,
    sql`SELECT rowid, rank, snippet(${t}, -1, ${OPEN}, ${CLOSE}, '…', 24) AS snip
        FROM ${t} WHERE ${t} MATCH ${match} AND ${keep(sql`${t}.rowid`)} ORDER BY rank LIMIT ${limit}`,
  );
}

function searchClaims(db: DB, p: ParsedQuery, match: string | null, limit: number): SearchHit[] {
  const conds = claimConditions(p.filters);
  if (match) {
    const live = join([sql`c.deleted_at IS NULL`, ...conds], ' AND ');
    const rows = ftsRows(db, 'claims', match, (r) => sql`EXISTS (SELECT 1 FROM claims c WHERE c.rowid = ${r} AND ${live})`, limit);
    const claims = claimTitlesByRowid(db, rows.map((r) => r.rowid));
    return rows.map((r) => {
      const c = claims.get(r.rowid)!;
      return { kind: 'claims', id: c.id, claimId: c.id, title: c.text, snippet: splitHighlight(r.snip), rank: r.rank };
    });
  }
  // Filters and/or exclusions only: list matching claims, newest first.
  const where = [sql`c.deleted_at IS NULL`, ...conds];
  const neg = ftsMatch(p.excluded.map((t) => [t]));
  if (neg) where.push(sql`c.rowid NOT IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ${neg})`);
  const rows = all<{ rowid: number }>(
    db,
    sql`SELECT c.rowid FROM claims c WHERE ${join(where, ' AND ')} ORDER BY c.updated_at DESC LIMIT ${limit}`,
  );
  const claims = claimTitlesByRowid(db, rows.map((r) => r.rowid));
  return rows.map((r, i) => {
    const c = claims.get(r.rowid)!;
    return { kind: 'claims', id: c.id, claimId: c.id, title: c.text, snippet: [{ text: c.text, match: false }], rank: i };
  });
}

function searchEvidence(db: DB, p: ParsedQuery, match: string, limit: number): SearchHit[] {
  const conds = claimConditions(p.filters.filter((f) => f.kind !== 'grade' && f.kind !== 'source'));
  const srcConds = sourceConditions(p.filters.filter((f) => f.kind === 'grade' || f.kind === 'source')).slice(1);
  const where = join([sql`c.deleted_at IS NULL`, ...conds, ...srcConds], ' AND ');
  const rows = ftsRows(
    db,
    'evidence',
    match,
    (r) =>
      srcConds.length
        ? sql`EXISTS (SELECT 1 FROM evidence e JOIN claims c ON c.rowid = e.claim_rowid JOIN sources s ON s.rowid = e.source_rowid
                WHERE e.rowid = ${r} AND ${where})`
        : sql`EXISTS (SELECT 1 FROM evidence e JOIN claims c ON c.rowid = e.claim_rowid WHERE e.rowid = ${r} AND ${where})`,
    limit,
  );
  if (!rows.length) return [];
  const meta = new Map(
    all<{ rowid: number; id: string; claim_id: string; title: string; grade: string }>(
      db,
      sql`SELECT e.rowid, e.id, c.id AS claim_id, s.title, s.reliability || e.credibility AS grade
          FROM evidence e JOIN claims c ON c.rowid = e.claim_rowid JOIN sources s ON s.rowid = e.source_rowid
          WHERE e.rowid IN ${list(rows.map((r) => r.rowid))}`,
    ).map((m) => [m.rowid, m]),
  );
  return rows.map((r) => {
    const m = meta.get(r.rowid)!;
    return { kind: 'evidence', id: m.id, claimId: m.claim_id, title: `${m.title} (${m.grade})`, snippet: splitHighlight(r.snip), rank: r.rank };
  });
}

function searchSources(db: DB, p: ParsedQuery, match: string, limit: number): SearchHit[] {
  const conds = join(sourceConditions(p.filters), ' AND ');
  const rows = ftsRows(db, 'sources', match, (r) => sql`EXISTS (SELECT 1 FROM sources s WHERE s.rowid = ${r} AND ${conds})`, limit);
  if (!rows.length) return [];
  const meta = new Map(
    all<{ rowid: number; id: string; title: string; reliability: string }>(
      db,
      sql`SELECT rowid, id, title, reliability FROM sources WHERE rowid IN ${list(rows.map((r) => r.rowid))}`,
    ).map((m) => [m.rowid, m]),
  );
  return rows.map((r) => {
    const m = meta.get(r.rowid)!;
    return { kind: 'sources', id: m.id, claimId: null, title: `${m.title} (${m.reliability})`, snippet: splitHighlight(r.snip), rank: r.rank };
  });
}

function searchDisputes(db: DB, p: ParsedQuery, match: string, limit: number): SearchHit[] {
  const where = join([sql`c.deleted_at IS NULL`, ...claimConditions(p.filters)], ' AND ');
  const rows = ftsRows(
    db,
    'disputes',
    match,
    (r) => sql`EXISTS (SELECT 1 FROM disputes d JOIN claims c ON c.rowid = d.claim_rowid WHERE d.rowid = ${r} AND ${where})`,
    limit,
  );
  if (!rows.length) return [];
  const meta = new Map(
    all<{ rowid: number; id: string; claim_id: string; raised_by: string; status: string }>(
      db,
      sql`SELECT d.rowid, d.id, c.id AS claim_id, d.raised_by, d.status FROM disputes d JOIN claims c ON c.rowid = d.claim_rowid
          WHERE d.rowid IN ${list(rows.map((r) => r.rowid))}`,
    ).map((m) => [m.rowid, m]),
  );
  return rows.map((r) => {
    const m = meta.get(r.rowid)!;
    return { kind: 'disputes', id: m.id, claimId: m.claim_id, title: `Dispute by ${m.raised_by} (${m.status})`, snippet: splitHighlight(r.snip), rank: r.rank };
  });
}

export function search(db: DB, q: string, limit: number, kinds?: readonly SearchKind[]): SearchResult {
  const parsed = parseQuery(q);
  const want = new Set<SearchKind>(kinds ?? ['claims', 'evidence', 'sources', 'disputes']);
  const groups: SearchResult['groups'] = { claims: [], evidence: [], sources: [], disputes: [] };
  const match = ftsMatch(parsed.clauses, parsed.excluded);
  const notices = [...parsed.notices];
  if (!match && !parsed.filters.length && !parsed.excluded.length) {
    if (q.trim()) notices.push('Nothing to search for: type a word, a "phrase" or a filter such as status:disputed.');
    return { query: q, notices, groups, total: 0 };
  }
  if (want.has('claims')) groups.claims = searchClaims(db, parsed, match, limit);
  if (match) {
    if (want.has('evidence')) groups.evidence = searchEvidence(db, parsed, match, limit);
    if (want.has('sources')) groups.sources = searchSources(db, parsed, match, limit);
    if (want.has('disputes')) groups.disputes = searchDisputes(db, parsed, match, limit);
  }
  const total = groups.claims.length + groups.evidence.length + groups.sources.length + groups.disputes.length;
  return { query: q, notices, groups, total };
}
