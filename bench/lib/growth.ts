/**
 * How cost grows with the work (issue 17.5): every row measured at more than one scale in
 * bench/results*.json, as a table in docs/performance.md ("How cost grows", between the growth
 * markers) and a log-log plot of app p95 against claims, bench/growth.svg (plain SVG text).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResults } from '../harness';

export interface GrowthPoint {
  claims: number;
  p95: number;
  file: string;
}
export interface GrowthSeries {
  name: string;
  points: GrowthPoint[];
}
export interface Measured {
  file: string;
  results: BenchResults;
}

const claimsOf = (m: Measured): number => m.results.counts.claims ?? 0;

/** Every bench/results*.json in `dir`. */
export function readResults(dir: string): Measured[] {
  return readdirSync(dir)
    .filter((f) => /^results(\.[\w.-]+)?\.json$/.test(f))
    .sort()
    .map((file) => ({ file, results: JSON.parse(readFileSync(join(dir, file), 'utf8')) as BenchResults }));
}

/**
 * One series per row name present at two or more claim counts. Where two files measured the same
 * row at the same count (the --quick run and `--scale 10k`), the one with more runs (effort) wins,
 * then the newer.
 */
export function growthSeries(measured: readonly Measured[]): GrowthSeries[] {
  const better = (a: Measured, b: Measured) =>
    a.results.effort !== b.results.effort ? a.results.effort > b.results.effort : a.results.generatedAt > b.results.generatedAt;
  const byName = new Map<string, Map<number, { m: Measured; p95: number }>>();
  const ordered = [...measured].sort((a, b) => claimsOf(a) - claimsOf(b));
  for (const m of ordered)
    for (const r of m.results.rows) {
      if (!r.app || !Number.isFinite(r.app.p95)) continue;
      const at = byName.get(r.name) ?? new Map<number, { m: Measured; p95: number }>();
      byName.set(r.name, at);
      const prev = at.get(claimsOf(m));
      if (!prev || better(m, prev.m)) at.set(claimsOf(m), { m, p95: r.app.p95 });
    }
  return [...byName]
    .filter(([, at]) => at.size >= 2)
    .map(([name, at]) => ({
      name,
      points: [...at].sort((a, b) => a[0] - b[0]).map(([claims, { m, p95 }]) => ({ claims, p95, file: m.file })),
    }));
}

/** Slope on log-log axes between the first and last point: 1 = cost in proportion to the claims, 0 = flat. */
export function growthExponent(s: GrowthSeries): number {
  const a = s.points[0]!;
  const b = s.points[s.points.length - 1]!;
  return Math.log(b.p95 / a.p95) / Math.log(b.claims / a.claims);
}

export const claimsLabel = (n: number) => (n >= 1e6 ? `${+(n / 1e6).toFixed(1)}M` : n >= 1000 ? `${+(n / 1000).toFixed(1)}k` : String(n));
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

export function growthTable(series: readonly GrowthSeries[]): string {
  const scales = [...new Set(series.flatMap((s) => s.points.map((p) => p.claims)))].sort((a, b) => a - b);
  const esc = (t: string) => t.replace(/\|/g, '\\|');
  return [
    `| # | row | ${scales.map((n) => `p95 ms at ${claimsLabel(n)}`).join(' | ')} | growth |`,
    `|---:|---|${scales.map(() => '---:').join('|')}|---:|`,
    ...series.map((s, i) => {
      const cells = scales.map((n) => {
        const p = s.points.find((x) => x.claims === n);
        return p ? ms(p.p95) : '—';
      });
      return `| ${i + 1} | ${esc(s.name)} | ${cells.join(' | ')} | ${growthExponent(s).toFixed(2)} |`;
    }),
  ].join('\n');
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];
const xml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The log-log plot: p95 against claims, one numbered line per series, a dashed slope-1 guide. */
export function growthSvg(series: readonly GrowthSeries[]): string {
  const pts = series.flatMap((s) => s.points);
  const decade = (v: number, up: boolean) => 10 ** (up ? Math.ceil(Math.log10(v)) : Math.floor(Math.log10(v)));
  const x0 = decade(Math.min(...pts.map((p) => p.claims)), false);
  const x1 = decade(Math.max(...pts.map((p) => p.claims)) * 1.0001, true);
  const y0 = decade(Math.min(...pts.map((p) => p.p95)), false);
  const y1 = decade(Math.max(...pts.map((p) => p.p95)) * 1.0001, true);
  const [L, T, W, H] = [70, 40, 520, 420];
  const legendLine = 15;
  const height = Math.max(T + H + 60, T + series.length * legendLine + 20);
  const X = (v: number) => L + (Math.log10(v / x0) / Math.log10(x1 / x0)) * W;
  const Y = (v: number) => T + H - (Math.log10(v / y0) / Math.log10(y1 / y0)) * H;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="${height}" viewBox="0 0 1200 ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="1200" height="${height}" fill="#fff"/>`,
    `<text x="${L}" y="22" font-size="15">How cost grows: app p95 (ms) against claims in the case, log-log</text>`,
  ];
  for (let v = x0; v <= x1 * 1.0001; v *= 10)
    out.push(`<line x1="${X(v)}" y1="${T}" x2="${X(v)}" y2="${T + H}" stroke="#ddd"/>`, `<text x="${X(v)}" y="${T + H + 18}" text-anchor="middle">${claimsLabel(v)}</text>`);
  for (let v = y0; v <= y1 * 1.0001; v *= 10)
    out.push(`<line x1="${L}" y1="${Y(v)}" x2="${L + W}" y2="${Y(v)}" stroke="#ddd"/>`, `<text x="${L - 6}" y="${Y(v) + 4}" text-anchor="end">${v >= 1 ? v : v.toPrecision(1)}</text>`);
  out.push(
    `<rect x="${L}" y="${T}" width="${W}" height="${H}" fill="none" stroke="#333"/>`,
    `<text x="${L + W / 2}" y="${T + H + 40}" text-anchor="middle">claims</text>`,
    `<text x="18" y="${T + H / 2}" text-anchor="middle" transform="rotate(-90 18 ${T + H / 2})">p95 ms</text>`,
    // Slope 1 from the bottom-left corner: a row parallel to it costs in proportion to the claims.
    `<line x1="${X(x0)}" y1="${Y(y0)}" x2="${X(Math.min(x1, (x0 * y1) / y0))}" y2="${Y(Math.min(y1, (y0 * x1) / x0))}" stroke="#999" stroke-dasharray="6 4"/>`,
    `<text x="${L + 8}" y="${T + H - 8}" fill="#777">dashed: cost ∝ claims (slope 1)</text>`,
  );
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    const dash = Math.floor(i / COLORS.length) % 3 === 1 ? ' stroke-dasharray="4 2"' : Math.floor(i / COLORS.length) % 3 === 2 ? ' stroke-dasharray="1 2"' : '';
    const p = s.points.map((q) => `${X(q.claims).toFixed(1)},${Y(q.p95).toFixed(1)}`).join(' ');
    out.push(`<polyline points="${p}" fill="none" stroke="${color}" stroke-width="1.5"${dash}><title>${xml(s.name)}</title></polyline>`);
    for (const q of s.points) out.push(`<circle cx="${X(q.claims).toFixed(1)}" cy="${Y(q.p95).toFixed(1)}" r="2.5" fill="${color}"/>`);
    const last = s.points[s.points.length - 1]!;
    out.push(`<text x="${(X(last.claims) + 5).toFixed(1)}" y="${(Y(last.p95) + 4).toFixed(1)}" fill="${color}" font-size="10">${i + 1}</text>`);
    const ly = T + i * legendLine + 10;
    out.push(
      `<line x1="${L + W + 30}" y1="${ly - 4}" x2="${L + W + 50}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${dash}/>`,
      `<text x="${L + W + 56}" y="${ly}" font-size="11">${i + 1}. ${xml(s.name.length > 85 ? `${s.name.slice(0, 84)}…` : s.name)} (${growthExponent(s).toFixed(2)})</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

export const GROWTH_BEGIN = '<!-- growth:begin (generated by the bench, bench/lib/growth.ts; edits here are overwritten) -->';
export const GROWTH_END = '<!-- growth:end -->';

/** The generated part of "How cost grows": what it is made of, the table, the plot. */
export function growthSection(measured: readonly Measured[], series: readonly GrowthSeries[], svgLink: string): string {
  const files = measured
    .filter((m) => series.some((s) => s.points.some((p) => p.file === m.file)))
    .map((m) => {
      const later = (m.results.merged ?? []).map((x) => `${x.only.join(',')} re-run ${x.at.slice(0, 16)}Z`);
      return `${m.file} (${claimsLabel(claimsOf(m))} claims, effort ${m.results.effort}, run ${m.results.generatedAt.slice(0, 16)}Z${later.length ? `; ${later.join('; ')}` : ''})`;
    });
  const body = series.length
    ? [
        `App p95 of every row measured at more than one scale. growth = slope between the smallest and largest`,
        `scale on log-log axes: 1 = the cost grows in proportion to the claims, 0 = it does not grow. From ${files.join('; ')}.`,
        '',
        `![app p95 against claims, log-log](${svgLink})`,
        '',
        growthTable(series),
      ]
    : ['No row has been measured at more than one scale yet: run `npm run bench -- --scale 10k` beside the default run.'];
  return [GROWTH_BEGIN, ...body, GROWTH_END].join('\n');
}

/** Puts the generated part into the doc: between its markers, else as a new section before "How it is measured". */
export function spliceGrowth(doc: string, section: string): string {
  const a = doc.indexOf(GROWTH_BEGIN);
  const b = doc.indexOf(GROWTH_END);
  if (a >= 0 && b > a) return doc.slice(0, a) + section + doc.slice(b + GROWTH_END.length);
  const block = `## How cost grows\n\n${section}\n\n`;
  const at = doc.indexOf('## How it is measured');
  return at >= 0 ? doc.slice(0, at) + block + doc.slice(at) : `${doc.trimEnd()}\n\n${block}`;
}

const BENCH_DIR = fileURLToPath(new URL('../', import.meta.url));
const DOC = fileURLToPath(new URL('../../docs/performance.md', import.meta.url));

/** Rewrites the growth table in docs/performance.md and bench/growth.svg from every results file. */
export function writeGrowthReport(dir = BENCH_DIR, doc = DOC): { rows: number; scales: string[]; doc: string; svg: string } {
  const measured = readResults(dir);
  const series = growthSeries(measured);
  const svg = join(dir, 'growth.svg');
  if (series.length) writeFileSync(svg, growthSvg(series));
  if (existsSync(doc)) writeFileSync(doc, spliceGrowth(readFileSync(doc, 'utf8'), growthSection(measured, series, '../bench/growth.svg')));
  const scales = [...new Set(series.flatMap((s) => s.points.map((p) => p.claims)))].sort((x, y) => x - y).map(claimsLabel);
  return { rows: series.length, scales, doc, svg };
}
