/**
 * Full-text search through FTS5 (DESIGN §4, docs/search.md). Each kind is searched in passes (stemmed
 * words, quantities, substrings; core/search/match.ts); rank and LIMIT run inside each FTS query and the
 * rows are hydrated afterwards. User text only ever reaches SQLite as a bound, fully quoted MATCH string.
 * Captured documents (the "documents" group) have their own module: db/search-documents.ts.
 */
import type { Stance } from '../core/confidence';
import { hasAmount, planPass, type Atom, type Condition, type Pass, type Plan, type PlanOptions } from '../core/search/match';
import { suggestionNotice } from '../core/search/suggest';
import { ftsMatch, parseQuery, type Filter, type ParsedQuery } from '../core/search/parse';
import { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchResult } from '../core/types';
import { QTY_AMOUNT, QTY_CURRENCY, SEARCH_TABLES } from './migrations/004-search-forgives';
import { claimOtherColumns, claimTitlesByRowid } from './repos/claims';
import { DOCUMENT_TABLES, documentHits, documentHydration, documentKeep } from './search-documents';
import { CLOSE, OPEN, splitHighlight, wordMarker } from './search-marks';
import { matchedSnippets } from './search-snippets';
import { suggestQueries } from './search-suggest';
import { all, join, list, sql, trustedIdentifier, type DB, type Sql } from './sql';

export { splitHighlight } from './search-marks';

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
  /** Claims and documents: the MATCH that found the row (its snippet is made afterwards: db/search-snippets.ts). */
  match?: string;
  /** Claims found by a words MATCH: the claim, read in the same query. */
  id?: string;
  text?: string;
}

interface KindTables {
  words: Sql;
  /** Null: no trigram index (captured documents; planned with `{ trigrams: false }`). */
  trigrams: Sql | null;
  base: Sql;
  /** The base table's indexed columns, for the substring scan of short CJK words. */
  columns: Sql[];
}

const col = (name: string) => trustedIdentifier(name, SEARCH_TABLES.flatMap(([, cols]) => cols));
const TABLES: Record<SearchKind, KindTables> = {
  claims: { words: sql`claims_fts`, trigrams: sql`claims_tri`, base: sql`claims`, columns: [] },
  evidence: { words: sql`evidence_fts`, trigrams: sql`evidence_tri`, base: sql`evidence`, columns: [] },
  sources: { words: sql`sources_fts`, trigrams: sql`sources_tri`, base: sql`sources`, columns: [] },
  disputes: { words: sql`disputes_fts`, trigrams: sql`disputes_tri`, base: sql`disputes`, columns: [] },
  documents: { ...DOCUMENT_TABLES, trigrams: null },
};
const PLAN_OPTIONS: Partial<Record<SearchKind, PlanOptions>> = { documents: { trigrams: false } };

function ftsTable(kind: SearchKind, index: 'words' | 'trigrams'): Sql {
  const t = TABLES[kind];
  const table = index === 'words' ? t.words : t.trigrams;
  if (!table) throw new Error(`${kind} has no ${index} index`);
  return table;
}
for (const [table, cols] of SEARCH_TABLES) TABLES[table as SearchKind].columns = cols.map(col);

const QTY_AMOUNT_SQL = trustedIdentifier(QTY_AMOUNT, [QTY_AMOUNT]);
const QTY_CURRENCY_SQL = trustedIdentifier(QTY_CURRENCY, [QTY_CURRENCY]);

/** A `contains` atom as a condition on the base row `b`. */
function containsSql(kind: SearchKind, a: Extract<Atom, { kind: 'contains' }>): Sql {
  // caseless: LIKE folds ASCII letters only (quoted phrases); else exact characters (CJK words).
  const pattern = likeEscape(a.text);
  const any = join(
    TABLES[kind].columns.map((c) => (a.caseless ? sql`b.${c} LIKE ${pattern} ESCAPE '\\'` : sql`instr(b.${c}, ${a.text}) > 0`)),
    ' OR ',
  );
  return sql`(${any})`;
}

/** One atom as a condition on the FTS/base rowid `r` of a `kind` row. */
function atomSql(kind: SearchKind, a: Atom, r: Sql): Sql {
  const t = TABLES[kind];
  switch (a.kind) {
    case 'fts': {
      const idx = ftsTable(kind, a.index);
      return sql`EXISTS (SELECT 1 FROM ${idx} x WHERE x.${idx} MATCH ${a.expr} AND x.rowid = ${r})`;
    }
    case 'contains':
      return sql`EXISTS (SELECT 1 FROM ${t.base} b WHERE b.rowid = ${r} AND ${containsSql(kind, a)})`;
    case 'quantity': {
      // Uncorrelated: evaluated once through the claims_qty_amount index (same expression text).
      const [lo, hi] = [a.value * (1 - 1e-9), a.value * (1 + 1e-9)];
      const amount = sql`${QTY_AMOUNT_SQL} BETWEEN ${lo} AND ${hi} AND qty_value IS NOT NULL`;
      return a.unit
        ? sql`${r} IN (SELECT rowid FROM claims WHERE ${amount} AND ${QTY_CURRENCY_SQL} = ${a.unit})`
        : sql`${r} IN (SELECT rowid FROM claims WHERE ${amount})`;
    }
  }
}

/**
 * The conditions as SQL on the rowid `r`. Conditions made only of substring checks share one lookup
 * of the base row: a subquery each made SQLite's planner give up on the MATCH once a query had about
 * 15 of them ("unable to use function MATCH in the requested context", found by the fuzz test).
 */
function conditionsSql(kind: SearchKind, conds: readonly Condition[], r: Sql): Sql[] {
  const onBase: Sql[] = [];
  const out: Sql[] = [];
  // Likewise single FTS atoms on one index: one MATCH of them all (AND; negated ones: NOT any).
  const fts = new Map<string, string[]>();
  for (const c of conds) {
    const a = c.anyOf[0]!;
    if (c.anyOf.length === 1 && a.kind === 'fts') {
      const key = `${a.index}:${c.negated}`;
      fts.set(key, [...(fts.get(key) ?? []), a.expr]);
      continue;
    }
    const checks = c.anyOf.every((a) => a.kind === 'contains');
    const any = join(c.anyOf.map((a) => (a.kind === 'contains' && checks ? containsSql(kind, a) : atomSql(kind, a, r))), ' OR ');
    (checks ? onBase : out).push(c.negated ? sql`NOT (${any})` : sql`(${any})`);
  }
  if (onBase.length) out.push(sql`EXISTS (SELECT 1 FROM ${TABLES[kind].base} b WHERE b.rowid = ${r} AND ${join(onBase, ' AND ')})`);
  for (const [key, exprs] of fts) {
    const [index, negated] = key.split(':') as ['words' | 'trigrams', string];
    const expr = negated === 'true' ? exprs.map((e) => `(${e})`).join(' OR ') : exprs.map((e) => `(${e})`).join(' AND ');
    const atom = atomSql(kind, { kind: 'fts', index, expr }, r);
    out.push(negated === 'true' ? sql`NOT (${atom})` : atom);
  }
  return out;
}

/**
 * Rows of one kind for one plan. With a primary FTS query, rank and LIMIT run inside it and `keep`
 * is a per-row condition on the FTS row's rowid (a correlated EXISTS): it is checked only for rows
 * FTS5 yields in rank order, until `limit` pass. Never `rowid IN (subquery)` there: SQLite hands that
 * to FTS5 as one rowid lookup per listed row and sorts afterwards, which is thousands of times slower
 * on a large case. Without a primary (only short CJK words or a quantity), the base table is scanned.
 */
function planRows(db: DB, kind: SearchKind, plan: Plan, keep: Keep, limit: number, skip: ReadonlySet<number>): FtsRow[] {
  const t = TABLES[kind];
  const unseen = (r: Sql) => (skip.size ? [sql`${r} NOT IN ${list([...skip])}`] : []);
  if (plan.primary) {
    const idx = ftsTable(kind, plan.primary.index);
    const r = sql`${idx}.rowid`;
    const rest = [...conditionsSql(kind, plan.conditions, r), ...unseen(r)];
    const match = sql`${idx} MATCH ${plan.primary.expr}`;
    // Claims found by words: the claim is joined and its conditions are on the joined row (not a second
    // lookup of it in an EXISTS); read with the match, their snippets are made afterwards (claimHits).
    if (keep.claims && plan.primary.index === 'words')
      return all<FtsRow>(
        db,
        sql`SELECT ${r} AS rowid, rank, '' AS snip, ${plan.primary.expr} AS match, c.id AS id, c.text AS text
            FROM ${idx} CROSS JOIN claims c ON c.rowid = ${r} WHERE ${join([match, keep.claims, ...rest], ' AND ')} ORDER BY rank LIMIT ${limit}`,
      );
    const where = join([match, keep(r), ...rest], ' AND ');
    if (plan.primary.index === 'trigrams')
      // Trigram snippets count characters, not words, and their marks can stop short of the match's
      // end: the hit shows its main text with the words marked here instead (markWords).
      return all<FtsRow>(db, sql`SELECT rowid, rank, '' AS snip FROM ${idx} WHERE ${where} ORDER BY rank LIMIT ${limit}`);
    // Pages are long and FTS5's snippet() tokenizes the whole page: documents mark their hits afterwards.
    if (kind === 'documents') {
      const page = documentHydration(r);
      return all<FtsRow>(
        db,
        sql`SELECT ${r} AS rowid, rank, '' AS snip, ${plan.primary.expr} AS match, ${page.columns} FROM ${idx} ${page.joins} WHERE ${where} ORDER BY rank LIMIT ${limit}`,
      );
    }
    return all<FtsRow>(
      db,
      sql`SELECT rowid, rank, snippet(${idx}, -1, ${OPEN}, ${CLOSE}, '…', 24) AS snip FROM ${idx} WHERE ${where} ORDER BY rank LIMIT ${limit}`,
    );
  }
  const r = sql`x0.rowid`;
  const where = join([keep(r), ...conditionsSql(kind, plan.conditions, r), ...unseen(r)], ' AND ');
  return all<{ rowid: number }>(db, sql`SELECT x0.rowid FROM ${t.base} x0 WHERE ${where} ORDER BY x0.rowid DESC LIMIT ${limit}`).map((row, i) => ({
    rowid: row.rowid,
    rank: i,
    snip: '',
  }));
}

/** Which rows of a kind are kept: a condition on the FTS/base rowid; for claims also on the joined `claims c`. */
type Keep = ((r: Sql) => Sql) & { claims?: Sql };

const KEEP: Record<SearchKind, (p: ParsedQuery) => Keep> = {
  claims: (p) => {
    const live = join([sql`c.deleted_at IS NULL`, ...claimConditions(p.filters)], ' AND ');
    return Object.assign((r: Sql) => sql`EXISTS (SELECT 1 FROM claims c WHERE c.rowid = ${r} AND ${live})`, { claims: live });
  },
  evidence: (p) => {
    const conds = claimConditions(p.filters.filter((f) => f.kind !== 'grade' && f.kind !== 'source'));
    const srcConds = sourceConditions(p.filters.filter((f) => f.kind === 'grade' || f.kind === 'source')).slice(1);
    const where = join([sql`c.deleted_at IS NULL`, ...conds, ...srcConds], ' AND ');
    return (r) =>
      srcConds.length
        ? sql`EXISTS (SELECT 1 FROM evidence e JOIN claims c ON c.rowid = e.claim_rowid JOIN sources s ON s.rowid = e.source_rowid
                WHERE e.rowid = ${r} AND ${where})`
        : sql`EXISTS (SELECT 1 FROM evidence e JOIN claims c ON c.rowid = e.claim_rowid WHERE e.rowid = ${r} AND ${where})`;
  },
  sources: (p) => {
    const conds = join(sourceConditions(p.filters), ' AND ');
    return (r) => sql`EXISTS (SELECT 1 FROM sources s WHERE s.rowid = ${r} AND ${conds})`;
  },
  disputes: (p) => {
    const where = join([sql`c.deleted_at IS NULL`, ...claimConditions(p.filters)], ' AND ');
    return (r) => sql`EXISTS (SELECT 1 FROM disputes d JOIN claims c ON c.rowid = d.claim_rowid WHERE d.rowid = ${r} AND ${where})`;
  },
  // A captured document: the conditions of the sources group on the capture's source.
  documents: (p) => documentKeep(sourceConditions(p.filters)),
};

/** Rows of one kind from these passes, after the rows found already (`rows`), without repeats. */
function kindRows(db: DB, kind: SearchKind, p: ParsedQuery, limit: number, passes: readonly Pass[], rows: FtsRow[] = []): FtsRow[] {
  const keep = KEEP[kind](p);
  const out = [...rows];
  const seen = new Set(rows.map((r) => r.rowid));
  const o = PLAN_OPTIONS[kind];
  for (const pass of passes) {
    if (out.length >= limit) break;
    if (pass === 'quantity' && (kind !== 'claims' || !hasAmount(p.clauses))) continue;
    // Without a trigram index the words pass is the only one.
    if (pass !== 'words' && o?.trigrams === false) continue;
    const plan = planPass(p.clauses, p.excluded, pass, o);
    // The same plan as the words pass (every word short, quoted or CJK): nothing new to find.
    if (pass !== 'words' && JSON.stringify(plan) === JSON.stringify(planPass(p.clauses, p.excluded, 'words', o))) continue;
    for (const row of planRows(db, kind, plan, keep, limit - out.length, seen)) {
      seen.add(row.rowid);
      out.push(row);
    }
  }
  return out;
}

/**
 * Whether the substrings pass may add something worth its cost (a trigram query per kind): words with
 * digits are what text glues to other words (`H800芯片`, `约USD6mn`, `A100s`); other words only when
 * nothing was found at all (`McCollum` in "McCollumhas"). Stemming and prefixes cover the rest.
 */
const wantsSubstrings = (p: ParsedQuery, found: number): boolean =>
  found === 0 || p.clauses.some((c) => c.some((t) => !t.phrase && !t.cjk && /\d/.test(t.text)));

/** The claim of each row: read with the match where it was, else looked up now (trigram and scan rows). */
function claimsOf(db: DB, rows: readonly FtsRow[]): Map<number, { id: string; text: string }> {
  const out = new Map<number, { id: string; text: string }>();
  for (const r of rows) if (r.id !== undefined && r.text !== undefined) out.set(r.rowid, { id: r.id, text: r.text });
  const missing = rows.filter((r) => !out.has(r.rowid)).map((r) => r.rowid);
  for (const [rowid, c] of claimTitlesByRowid(db, missing)) out.set(rowid, c);
  return out;
}

/** Claims are short: a snippet is usually the whole text, marked (titleMarks), without a second pass over it. */
const CLAIM_SNIPPET = { tokens: 64, before: 160, after: 320 };

function claimHits(db: DB, p: ParsedQuery, rows: FtsRow[]): SearchHit[] {
  const claims = claimsOf(db, rows);
  const matched = rows.flatMap((r) => (r.match && !r.snip ? [{ rowid: r.rowid, match: r.match, text: claims.get(r.rowid)!.text }] : []));
  const snips = matchedSnippets(db, 'claims_fts', p, matched, { ...CLAIM_SNIPPET, others: (rowids) => claimOtherColumns(db, rowids) });
  const mark = wordMarker(p.clauses.flat());
  return rows.map((r) => {
    const c = claims.get(r.rowid)!;
    const snip = r.snip || (snips.get(r.rowid) ?? '');
    const snippet = splitHighlight(snip);
    const whole = snippet.map((x) => x.text).join('') === c.text;
    const titleMarks = whole ? snippet : splitHighlight(mark(c.text));
    return { kind: 'claims', id: c.id, claimId: c.id, title: c.text, titleMarks, snippet: snip ? snippet : titleMarks, rank: r.rank };
  });
}

function evidenceHits(db: DB, p: ParsedQuery, rows: FtsRow[]): SearchHit[] {
  if (!rows.length) return [];
  const meta = new Map(
    all<{ rowid: number; id: string; claim_id: string; claim_text: string; source: string; grade: string; stance: Stance; excerpt: string }>(
      db,
      sql`SELECT e.rowid, e.id, c.id AS claim_id, c.text AS claim_text, s.title AS source, s.reliability || e.credibility AS grade,
                 e.stance, e.excerpt
          FROM evidence e JOIN claims c ON c.rowid = e.claim_rowid JOIN sources s ON s.rowid = e.source_rowid
          WHERE e.rowid IN ${list(rows.map((r) => r.rowid))}`,
    ).map((m) => [m.rowid, m]),
  );
  const mark = wordMarker(p.clauses.flat());
  return rows.map((r) => {
    const m = meta.get(r.rowid)!;
    return {
      kind: 'evidence',
      id: m.id,
      claimId: m.claim_id,
      title: m.claim_text,
      snippet: splitHighlight(r.snip || mark(m.excerpt)),
      rank: r.rank,
      stance: m.stance,
      grade: m.grade,
      source: m.source,
    };
  });
}

function sourceHits(db: DB, p: ParsedQuery, rows: FtsRow[]): SearchHit[] {
  if (!rows.length) return [];
  const meta = new Map(
    all<{ rowid: number; id: string; title: string; reliability: string }>(
      db,
      sql`SELECT rowid, id, title, reliability FROM sources WHERE rowid IN ${list(rows.map((r) => r.rowid))}`,
    ).map((m) => [m.rowid, m]),
  );
  const mark = wordMarker(p.clauses.flat());
  return rows.map((r) => {
    const m = meta.get(r.rowid)!;
    return { kind: 'sources', id: m.id, claimId: null, title: `${m.title} (${m.reliability})`, snippet: splitHighlight(r.snip || mark(m.title)), rank: r.rank };
  });
}

function disputeHits(db: DB, p: ParsedQuery, rows: FtsRow[]): SearchHit[] {
  if (!rows.length) return [];
  const meta = new Map(
    all<{ rowid: number; id: string; claim_id: string; raised_by: string; status: string; position: string }>(
      db,
      sql`SELECT d.rowid, d.id, c.id AS claim_id, d.raised_by, d.status, d.position FROM disputes d JOIN claims c ON c.rowid = d.claim_rowid
          WHERE d.rowid IN ${list(rows.map((r) => r.rowid))}`,
    ).map((m) => [m.rowid, m]),
  );
  const mark = wordMarker(p.clauses.flat());
  return rows.map((r) => {
    const m = meta.get(r.rowid)!;
    return {
      kind: 'disputes',
      id: m.id,
      claimId: m.claim_id,
      title: `Dispute by ${m.raised_by} (${m.status})`,
      snippet: splitHighlight(r.snip || mark(m.position)),
      rank: r.rank,
    };
  });
}

const HITS: Record<SearchKind, (db: DB, p: ParsedQuery, rows: FtsRow[]) => SearchHit[]> = {
  claims: claimHits,
  evidence: evidenceHits,
  sources: sourceHits,
  disputes: disputeHits,
  documents: documentHits,
};

/** Filters and/or exclusions only: matching claims, newest first. */
function listClaims(db: DB, p: ParsedQuery, limit: number): SearchHit[] {
  const where = [sql`c.deleted_at IS NULL`, ...claimConditions(p.filters)];
  const neg = ftsMatch(p.excluded.map((t) => [t]));
  if (neg) where.push(sql`c.rowid NOT IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ${neg})`);
  const rows = all<{ rowid: number }>(
    db,
    sql`SELECT c.rowid FROM claims c WHERE ${join(where, ' AND ')} ORDER BY c.updated_at DESC LIMIT ${limit}`,
  );
  const claims = claimTitlesByRowid(db, rows.map((r) => r.rowid));
  return rows.map((r, i) => {
    const c = claims.get(r.rowid)!;
    return { kind: 'claims', id: c.id, claimId: c.id, title: c.text, snippet: [], rank: i };
  });
}

const emptyGroups = (): SearchResult['groups'] => ({ claims: [], evidence: [], sources: [], disputes: [], documents: [] });

function run(db: DB, parsed: ParsedQuery, limit: number, want: ReadonlySet<SearchKind>): SearchResult['groups'] {
  const groups = emptyGroups();
  if (!parsed.clauses.length) {
    if (want.has('claims')) groups.claims = listClaims(db, parsed, limit);
    return groups;
  }
  const kinds = SEARCH_KINDS.filter((k) => want.has(k));
  const rows = new Map(kinds.map((k) => [k, kindRows(db, k, parsed, limit, ['words', 'quantity'])]));
  if (wantsSubstrings(parsed, [...rows.values()].reduce((n, r) => n + r.length, 0)))
    for (const k of kinds) rows.set(k, kindRows(db, k, parsed, limit, ['substrings'], rows.get(k)));
  for (const k of kinds) groups[k] = HITS[k](db, parsed, rows.get(k)!);
  return groups;
}

const count = (g: SearchResult['groups']) => SEARCH_KINDS.reduce((n, k) => n + g[k].length, 0);

/**
 * The groups to search: those asked for (`kinds`, default all) and, when the query says `in:…`, only
 * those among them; `in:` is then taken out of the filters (it is not a condition on rows).
 */
function groupsWanted(parsed: ParsedQuery, kinds: readonly SearchKind[] | undefined): { want: Set<SearchKind>; parsed: ParsedQuery } {
  const want = new Set<SearchKind>(kinds ?? SEARCH_KINDS);
  const only = parsed.filters.flatMap((f) => (f.kind === 'in' ? f.values : []));
  if (!only.length) return { want, parsed };
  for (const k of [...want]) if (!only.includes(k)) want.delete(k);
  return { want, parsed: { ...parsed, filters: parsed.filters.filter((f) => f.kind !== 'in') } };
}

export function search(db: DB, q: string, limit: number, kinds?: readonly SearchKind[]): SearchResult {
  const { want, parsed } = groupsWanted(parseQuery(q), kinds);
  const notices = [...parsed.notices];
  if (!parsed.clauses.length && !parsed.filters.length && !parsed.excluded.length) {
    if (q.trim()) notices.push('Nothing to search for: type a word, a "phrase" or a filter such as status:disputed.');
    return { query: q, notices, groups: emptyGroups(), total: 0 };
  }
  const groups = run(db, parsed, limit, want);
  let total = count(groups);
  if (total === 0 && parsed.clauses.length) {
    for (const suggestion of suggestQueries(db, q, parsed)) {
      const again = run(db, groupsWanted(parseQuery(suggestion), kinds).parsed, limit, want);
      const n = count(again);
      if (n > 0) {
        notices.push(suggestionNotice(q, suggestion));
        return { query: q, notices, groups: again, total: n, suggestion };
      }
    }
  }
  total = count(groups);
  return { query: q, notices, groups, total };
}
