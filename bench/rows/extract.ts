/**
 * Text extraction of a long PDF (issue 13): a report of 300 pages (at full scale) printed by Chromium,
 * read by extractDocumentSync (what attaching does: a fresh worker thread that loads pdf.js, then reading
 * order, columns, hyphens) against poppler's `pdftotext` on the same file (a fresh process; both timed
 * from start to text); and the same extraction warm, in this thread (pdf.js already loaded). Reported,
 * not a target.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocumentSync } from '../../db/documents/extract';
import { extractDocument } from '../../db/documents/extract/document';
import { longReportHtml, printPdf } from '../../tests/fixtures/documents/generate';
import { type BenchContext, runs } from '../lib/context';
import { interleave, MemoryWatch } from '../lib/measure';
import { makeRow, notBuilt, type RowResult } from '../lib/result';

export async function extractRows(ctx: BenchContext): Promise<RowResult[]> {
  const pages = Math.max(3, Math.round(300 * Math.min(1, ctx.scale)));
  const name = `PDF text extraction (${pages} pages)`;
  const scale = `${pages}-page PDF`;
  if (spawnSync('pdftotext', ['-v']).error) return [notBuilt(name, scale, 'pdftotext (poppler-utils) is not installed')];
  ctx.log(`  printing a ${pages}-page report with Chromium (cached)…`);
  const pdf = printPdf(longReportHtml(pages));
  const file = join(ctx.workDir, 'report.pdf');
  writeFileSync(file, pdf);
  const mem = new MemoryWatch();
  let ours = 0;
  let theirs = 0;
  const app = () => {
    const doc = extractDocumentSync(pdf, { fileName: 'report.pdf' });
    if (doc.pages.length !== pages) throw new Error(`extracted ${doc.pages.length} pages, expected ${pages}`);
    ours = doc.pages.reduce((n, p) => n + p.length, 0);
  };
  const base = () => {
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    theirs = r.stdout.length;
  };
  const t = interleave(app, base, { warmup: 1, runs: runs(ctx, 5), mem });
  const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const warm: number[] = [];
  for (let i = 0; i <= runs(ctx, 5); i++) {
    const t0 = performance.now();
    await extractDocument(pdf, { fileName: 'report.pdf' });
    if (i > 0) warm.push(performance.now() - t0);
    mem.sample();
  }
  return [
    makeRow({
      name,
      scale,
      app: t.app,
      baseline: { name: 'pdftotext -enc UTF-8 FILE - (poppler, own process)', samples: t.base },
      target: { kind: 'none' },
      memory: mem.result(),
      note: `${Math.round((pages / p50(t.app)) * 1000)} pages/s; ${(pdf.length / 1024 / 1024).toFixed(1)} MB; characters: ours ${ours}, pdftotext ${theirs}; ours includes starting the worker thread and loading pdf.js`,
    }),
    makeRow({
      name: `${name}, warm in-process`,
      scale,
      app: warm,
      baseline: { name: 'pdftotext -enc UTF-8 FILE - (poppler, own process)', samples: t.base },
      target: { kind: 'none' },
      memory: mem.result(),
      note: `${Math.round((pages / p50(warm)) * 1000)} pages/s; extractDocument with pdf.js loaded (the reading itself, without the worker start)`,
    }),
  ];
}
