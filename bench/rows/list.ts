/**
 * Claim list sort/filter (issue 17.3: ≤ 50 ms p95 at 1M claims): `claims.list` (a page of 100 and its
 * total) for each sort × filter, through the contract on an open case, beside a raw prepared SELECT of
 * the same page that SQLite plans with the same indexes (no count, no hydration of tags, no
 * validation). Pages move through the first five so both sides read more than one cached page.
 */
import Database from 'better-sqlite3';
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { type BenchContext, runs, scaleLabel } from '../lib/context';
import { interleave, MemoryWatch } from '../lib/measure';
import { makeRow, type RowResult } from '../lib/result';

const SORTS = {
  updated: 'updated_at DESC, rowid DESC',
  created: 'created_at DESC, rowid DESC',
  probability: "kind <> 'not-checkable' DESC, probability DESC, rowid DESC",
  text: 'text COLLATE NOCASE ASC, rowid ASC',
} as const;
type Sort = keyof typeof SORTS;

interface Filter {
  /** The same at every scale, so the growth report can set the scales side by side. */
  name: string;
  /** What the filter picked in this case. */
  picked: string;
  input: { status?: string[]; tag?: string; band?: string[] };
  raw: string;
  params: unknown[];
}

/** The filters measured: none, the commonest status, the commonest and a rare tag, the commonest band, status and tag together. */
function filters(db: Database.Database): Filter[] {
  const tags = db
    .prepare('SELECT t.rowid, t.name, count(*) AS n FROM tags t JOIN claim_tags ct ON ct.tag_rowid = t.rowid GROUP BY t.rowid ORDER BY n DESC, t.rowid')
    .all() as { rowid: number; name: string; n: number }[];
  const common = tags[0]!;
  const rare = tags.find((t) => t.n <= common.n / 50) ?? tags[tags.length - 1]!;
  const band = db.prepare("SELECT band FROM claims WHERE deleted_at IS NULL AND kind <> 'not-checkable' GROUP BY band ORDER BY count(*) DESC LIMIT 1").pluck().get() as string;
  const tagged = 'rowid IN (SELECT claim_rowid FROM claim_tags WHERE tag_rowid = ?)';
  const count = (sqlText: string, ...params: unknown[]) => raw(db, sqlText, params);
  const unverified = count("SELECT count(*) FROM claims WHERE deleted_at IS NULL AND status = 'unverified'");
  const inBand = count("SELECT count(*) FROM claims WHERE deleted_at IS NULL AND band = ? AND kind <> 'not-checkable'", band);
  const both = count(`SELECT count(*) FROM claims WHERE deleted_at IS NULL AND status = 'unverified' AND ${tagged}`, common.rowid);
  return [
    { name: 'no filter', picked: 'all live claims', input: {}, raw: '', params: [] },
    { name: 'status', picked: `status unverified: ${unverified} claims`, input: { status: ['unverified'] }, raw: "AND status = 'unverified'", params: [] },
    { name: 'commonest tag', picked: `tag ${common.name}: ${common.n} claims`, input: { tag: common.name }, raw: `AND ${tagged}`, params: [common.rowid] },
    { name: 'rare tag', picked: `tag ${rare.name}: ${rare.n} claims`, input: { tag: rare.name }, raw: `AND ${tagged}`, params: [rare.rowid] },
    { name: 'band', picked: `band ${band}: ${inBand} claims`, input: { band: [band] }, raw: "AND band = ? AND kind <> 'not-checkable'", params: [band] },
    {
      name: 'status + commonest tag',
      picked: `status unverified and tag ${common.name}: ${both} claims`,
      input: { status: ['unverified'], tag: common.name },
      raw: `AND status = 'unverified' AND ${tagged}`,
      params: [common.rowid],
    },
  ];
}

const raw = (db: Database.Database, text: string, params: unknown[]) => db.prepare(text).pluck().get(...params) as number;

const PAGE = 100;

export function listRows(ctx: BenchContext): RowResult[] {
  const h = openCase(ctx.scaleCase.path);
  const rawDb = new Database(ctx.scaleCase.path, { readonly: true });
  const api = createApi(h.db);
  const out: RowResult[] = [];
  try {
    for (const f of filters(rawDb))
      for (const sort of Object.keys(SORTS) as Sort[]) {
        const direction = sort === 'text' ? 'asc' : 'desc';
        const mem = new MemoryWatch();
        const page = rawDb.prepare(`SELECT * FROM claims WHERE deleted_at IS NULL ${f.raw} ORDER BY ${SORTS[sort]} LIMIT ${PAGE} OFFSET ?`);
        const offset = (i: number) => (i % 5) * PAGE;
        const t = interleave(
          (i) => {
            const r = api.call('claims.list', { limit: PAGE, offset: offset(i), sort, direction, ...f.input });
            if (!r.ok) throw new Error(r.error.message);
          },
          (i) => page.all(...f.params, offset(i)),
          { warmup: 2, runs: runs(ctx, 30), mem },
        );
        out.push(
          makeRow({
            name: `claim list sort/filter: ${sort} × ${f.name}`,
            scale: scaleLabel(ctx),
            app: t.app,
            baseline: { name: 'raw prepared SELECT * of the same page (no count, no tags)', samples: t.base },
            target: { kind: 'absolute', maxMs: 50 },
            memory: mem.result(),
            note: `${f.picked}; claims.list = total (count) + page of 100 + tags; pages 1–5; ratio is informational`,
          }),
        );
      }
  } finally {
    rawDb.close();
    closeCase(h);
  }
  return out;
}
