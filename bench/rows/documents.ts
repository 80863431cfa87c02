/**
 * Captured documents (issue 13). `documents-search`: search over 10,000 captured documents (about
 * 1 GB of text at scale 1) through the contract (`search.query`, kinds documents) against the raw
 * FTS5 MATCH of its first pass on the same index. `capture-growth`: how much the case file grows per
 * MB of documents attached through `captures.attach` (blob + extracted text + word index), by kind.
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { planPass } from '../../core/search/match';
import { parseQuery } from '../../core/search/parse';
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { briefHtml, longReportHtml, printPdf } from '../../tests/fixtures/documents/generate';
import { loadCorpus } from '../gen/corpus';
import { briefParagraphs, documentsCase, documentsFor, page } from '../gen/documents-case';
import { type BenchContext, runs } from '../lib/context';
import { interleave, MemoryWatch, timeOnce } from '../lib/measure';
import { createRng } from '../lib/prng';
import { makeRow, type RowResult } from '../lib/result';

export const DOCUMENT_QUERIES = [
  { label: 'common term', q: 'says', max: 1.5 },
  { label: 'rare term', q: 'filibuster', max: 1.5 },
  { label: 'prefix', q: 'immigra*', max: 1.5 },
  { label: 'phrase', q: '"health care"', max: 1.5 },
  { label: 'filtered source:', q: 'tax source:reuters', max: 2 },
] as const;

const fmt = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(2));

export function documentsSearchRows(ctx: BenchContext): RowResult[] {
  const n = documentsFor(ctx.scale);
  const dc = documentsCase(dirname(ctx.scaleCase.path), n);
  ctx.log(dc.builtIn === null ? `  reused ${dc.path}` : `  built ${dc.path} in ${dc.builtIn.toFixed(1)} s`);
  const scale = `${n.toLocaleString('en')} documents, ${dc.counts.pages.toLocaleString('en')} pages, ${fmt(dc.counts.textMchars)}M chars`;
  const h = openCase(dc.path, { readonly: true });
  const raw = new Database(dc.path, { readonly: true });
  const api = createApi(h.db);
  const rawStmt = raw.prepare('SELECT rowid FROM capture_pages_fts WHERE capture_pages_fts MATCH ? ORDER BY rank LIMIT 50');
  const out: RowResult[] = [];
  try {
    for (const { label, q, max } of DOCUMENT_QUERIES) {
      const mem = new MemoryWatch();
      const primary = planPass(parseQuery(q).clauses, [], 'words', { trigrams: false }).primary!;
      const app = () => {
        const r = api.call('search.query', { q, limit: 50, kinds: ['documents'] });
        if (!r.ok) throw new Error(`search "${q}" failed: ${r.error.message}`);
        return (r.value as { total: number }).total;
      };
      const base = () => rawStmt.all(primary.expr).length;
      const t = interleave(app, base, { warmup: 3, runs: runs(ctx, 30), mem });
      const row = makeRow({
        name: `documents-search: ${label}`,
        scale,
        app: t.app,
        baseline: { name: 'raw FTS5 MATCH … ORDER BY rank LIMIT 50 (capture_pages_fts)', samples: t.base },
        target: { kind: 'ratio', max },
        memory: mem.result(),
      });
      const p50 = row.baseline!.stats.p50 > 0 ? row.app!.p50 / row.baseline!.stats.p50 : NaN;
      row.note = `query ${q}; ${app()} hits (raw ${base()}); p50 ratio ${p50.toFixed(2)}×`;
      out.push(row);
      ctx.log(`  documents-search ${label}: done`);
    }
  } finally {
    raw.close();
    closeCase(h);
  }
  return out;
}

interface Kind {
  label: string;
  fileName: string;
  /** One document of about `size` characters of text. */
  make(i: number, text: string): Uint8Array;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const KINDS: Kind[] = [
  { label: 'text', fileName: 'doc.txt', make: (_, text) => Buffer.from(text) },
  { label: 'Markdown', fileName: 'doc.md', make: (i, text) => Buffer.from(`# Document ${i}\n\n${text.split('\n').join('\n\n')}\n`) },
  {
    label: 'HTML',
    fileName: 'doc.html',
    make: (i, text) =>
      Buffer.from(
        `<!doctype html><html><head><meta charset="utf-8"><title>Document ${i}</title><meta property="og:site_name" content="Bench"></head>` +
          `<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><aside class="ad">Advertisement</aside><article><h1>Document ${i}</h1>` +
          `${text.split('\n').map((p) => `<p>${esc(p)}</p>`).join('')}</article><script>var tracking = 1;</script><footer>© Bench</footer></body></html>`,
      ),
  },
];

const fileBytes = (path: string) => statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);

/** Bytes by table (dbstat) for the tables captured documents live in. */
function tableBytes(db: Database.Database): Record<'blob' | 'text' | 'index', number> {
  const rows = db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name").all() as { name: string; bytes: number }[];
  const sum = (f: (n: string) => boolean) => rows.filter((r) => f(r.name)).reduce((n, r) => n + r.bytes, 0);
  return {
    blob: sum((n) => n === 'blobs' || n.startsWith('sqlite_autoindex_blobs')),
    text: sum((n) => n === 'capture_pages' || n.startsWith('sqlite_autoindex_capture_pages') || n === 'captures' || n.startsWith('captures_')),
    index: sum((n) => n.startsWith('capture_pages_fts')),
  };
}

export function captureGrowthRows(ctx: BenchContext): RowResult[] {
  const rng = createRng(13);
  const corpus = loadCorpus();
  const brief = briefParagraphs();
  const docs = Math.max(2, Math.round(100 * ctx.scale)); // per kind; 100 × ~200 KB = ~20 MB at scale 1
  const pdfPages = Math.max(2, Math.round(20 * Math.min(1, ctx.scale * 4)));
  const pdfs: Kind = {
    label: 'PDF',
    fileName: 'doc.pdf',
    make: (i) => (i === 0 ? printPdf(briefHtml()) : printPdf(longReportHtml(pdfPages))),
  };
  const out: RowResult[] = [];
  for (const kind of [...KINDS, pdfs]) {
    const path = join(ctx.workDir, `growth-${kind.label}.claimtrail`);
    const h = openCase(path, { create: true });
    const api = createApi(h.db, { actor: 'bench' });
    const mem = new MemoryWatch();
    const times: number[] = [];
    let captured = 0;
    try {
      const src = api.invoke('sources.create', { title: `Growth ${kind.label}`, reliability: 'B' });
      h.db.pragma('wal_checkpoint(TRUNCATE)');
      const before = fileBytes(path);
      const tablesBefore = tableBytes(h.db);
      // PDFs: the sample brief and one long report (printing more takes minutes), each once.
      const count = kind === pdfs ? 2 : docs;
      for (let i = 0; i < count; i++) {
        const text = kind === pdfs ? '' : Array.from({ length: 50 }, () => page(rng, corpus.statements, brief, 4_000)).join('\n');
        const bytes = kind.make(i, text);
        captured += bytes.length;
        const b64 = Buffer.from(bytes).toString('base64');
        times.push(timeOnce(() => api.invoke('captures.attach', { sourceId: src.id, bytes: b64, fileName: kind.fileName })));
        mem.sample();
      }
      h.db.pragma('wal_checkpoint(TRUNCATE)');
      const grew = fileBytes(path) - before;
      const t = tableBytes(h.db);
      const mb = captured / 1e6;
      const per = (x: number) => (x / 1e6 / mb).toFixed(2);
      const row = makeRow({ name: `capture-growth: ${kind.label}`, scale: `${count} documents, ${mb.toFixed(1)} MB`, app: times, target: { kind: 'none' }, memory: mem.result() });
      row.note =
        `file grew ${per(grew)} MB per captured MB (blob ${per(t.blob - tablesBefore.blob)}, text ${per(t.text - tablesBefore.text)}, ` +
        `word index ${per(t.index - tablesBefore.index)}); app = ms per captures.attach`;
      out.push(row);
      ctx.log(`  capture-growth ${kind.label}: done`);
    } finally {
      closeCase(h);
    }
  }
  return out;
}
