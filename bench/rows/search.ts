/**
 * Search through the contract against raw FTS5 on the same file (DESIGN §10): claims-only search
 * against the raw claims MATCH, the four-group search against the sum of the four raw MATCHes.
 */
import Database from 'better-sqlite3';
import { planPass } from '../../core/search/match';
import { parseQuery } from '../../core/search/parse';
import { createApi, type CaseApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { type BenchContext, runs, scaleLabel } from '../lib/context';
import { interleave, MemoryWatch } from '../lib/measure';
import { makeRow, type RowResult } from '../lib/result';

export const UNFILTERED = [
  { label: 'common term', q: 'says' },
  { label: 'rare term', q: 'filibuster' },
  { label: 'prefix', q: 'immigra*' },
  { label: 'phrase', q: '"health care"' },
] as const;

export const FILTERED = [
  { label: 'status:', q: 'tax status:supported' },
  { label: 'tag:', q: 'tax tag:economy' },
  { label: 'p:>0.8', q: 'tax p:>0.8' },
  { label: 'grade:A-B', q: 'tax grade:A-B' },
] as const;

const GROUPS = ['claims_fts', 'evidence_fts', 'sources_fts', 'disputes_fts'] as const;

/** The raw MATCH the app's first pass runs, on its index (stemmed words, or trigrams for `prefix*`). */
function rawMatch(raw: Database.Database, tables: readonly string[]) {
  const prepare = (table: string) => raw.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rank LIMIT 50`);
  const words = tables.map(prepare);
  const trigrams = tables.map((t) => prepare(t.replace(/_fts$/, '_tri')));
  return (q: string) => {
    const primary = planPass(parseQuery(q).clauses, [], 'words').primary!;
    const stmts = primary.index === 'words' ? words : trigrams;
    return () => {
      let n = 0;
      for (const s of stmts) n += s.all(primary.expr).length;
      return n;
    };
  };
}

function appSearch(api: CaseApi, q: string, kinds?: string[]): () => number {
  return () => {
    const r = api.call('search.query', { q, limit: 50, ...(kinds ? { kinds } : {}) });
    if (!r.ok) throw new Error(`search "${q}" failed: ${r.error.message}`);
    return (r.value as { total: number }).total;
  };
}

export function searchRows(ctx: BenchContext): RowResult[] {
  const h = openCase(ctx.scaleCase.path, { readonly: true });
  const raw = new Database(ctx.scaleCase.path, { readonly: true });
  const api = createApi(h.db);
  const rawClaims = rawMatch(raw, ['claims_fts']);
  const rawAll = rawMatch(raw, GROUPS);
  const out: RowResult[] = [];
  const n = runs(ctx, 40);
  const measure = (name: string, q: string, all: boolean, max: number) => {
    const mem = new MemoryWatch();
    // The four groups of the scale case (its documents group is empty; documents have their own rows).
    const app = appSearch(api, q, all ? ['claims', 'evidence', 'sources', 'disputes'] : ['claims']);
    const base = all ? rawAll(q) : rawClaims(q);
    const t = interleave(app, base, { warmup: 5, runs: n, mem });
    out.push(
      makeRow({
        name,
        scale: scaleLabel(ctx),
        app: t.app,
        baseline: { name: all ? 'sum of 4 raw FTS5 MATCH … LIMIT 50' : 'raw FTS5 MATCH … LIMIT 50', samples: t.base },
        target: { kind: 'ratio', max },
        memory: mem.result(),
        note: `query ${q}; ${app()} hits`,
      }),
    );
    ctx.log(`  ${name}: done`);
  };
  try {
    for (const { label, q } of UNFILTERED) measure(`search claims: ${label}`, q, false, 1.5);
    for (const { label, q } of FILTERED) measure(`search claims filtered: ${label}`, q, false, 2);
    for (const { label, q } of UNFILTERED) measure(`search all 4 groups: ${label}`, q, true, 1.5);
  } finally {
    raw.close();
    closeCase(h);
  }
  return out;
}
