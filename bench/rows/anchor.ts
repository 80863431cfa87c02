/**
 * Anchoring quotes in a long document (issue 13): a text of 300 pages (at full scale, ~3,000 characters a
 * page of the brief's words) holding the 54 sample quotes, 10 of them with one word changed (short ones
 * then fall below the close threshold) and 4 missing; the row times what a re-capture does
 * for a source's quotes (core/documents/anchor.ts: normalize the document once, then each quote exact,
 * close or not found) against a bare `indexOf` of each quote in the raw text (exact only, no
 * normalization, no fuzzy search). Reported, not a target.
 */
import { anchorQuote, prepareDocument } from '../../core/documents/anchor';
import { deepseekSample } from '../../core/sample/deepseek';
import { briefText } from '../../tests/fixtures/documents/generate';
import { type BenchContext, runs } from '../lib/context';
import { interleave, MemoryWatch } from '../lib/measure';
import { makeRow, type RowResult } from '../lib/result';

export async function anchorRows(ctx: BenchContext): Promise<RowResult[]> {
  const pages = Math.max(3, Math.round(300 * Math.min(1, ctx.scale)));
  const words = [...new Set(briefText().toLowerCase().match(/[a-z]{3,}/g) ?? [])];
  const quotes = deepseekSample.evidence.map((e) => e.excerpt).filter(Boolean);
  // Pages of about 3,000 characters of the brief's words in a varying order; the quotes are planted once each.
  const text: string[] = Array.from({ length: pages }, (_, p) =>
    Array.from({ length: 6 }, (_, k) => Array.from({ length: 75 }, (_, i) => words[(p * 7 + k * 13 + i * 5) % words.length]).join(' ')).join('.\n'),
  );
  quotes.forEach((q, k) => {
    if (k >= quotes.length - 4) return; // missing
    const planted = k < 10 ? q.replace(/\b([A-Za-z]{5,})\b/, 'zebra') : q; // one word changed: close
    text[(k * 7919) % pages] += `\n${planted}`;
  });
  const whole = text.join('\n\n');
  const starts: number[] = [];
  let at = 0;
  for (const p of text) {
    starts.push(at);
    at += p.length + 2;
  }
  const counts = { exact: 0, close: 0, 'not-found': 0 };
  const mem = new MemoryWatch();
  const app = () => {
    const doc = prepareDocument(whole, starts);
    counts.exact = counts.close = counts['not-found'] = 0;
    for (const q of quotes) counts[anchorQuote(doc, q).status]++;
  };
  let found = 0;
  const base = () => {
    found = 0;
    for (const q of quotes) if (whole.indexOf(q) >= 0) found++;
  };
  const t = interleave(app, base, { warmup: 1, runs: runs(ctx, 5), mem });
  return [
    makeRow({
      name: `Anchoring ${quotes.length} quotes (${pages} pages)`,
      scale: `${pages} pages, ${(whole.length / 1e6).toFixed(2)} M characters`,
      app: t.app,
      baseline: { name: 'String.indexOf of each quote in the raw text (exact only)', samples: t.base },
      target: { kind: 'none' },
      memory: mem.result(),
      note: `exact ${counts.exact}, close ${counts.close}, not found ${counts['not-found']} (indexOf finds ${found}); includes normalizing the document once`,
    }),
  ];
}
