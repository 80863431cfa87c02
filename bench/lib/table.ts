/** The one table `npm run bench` prints (and docs/performance.md carries). */
import type { RowResult, Target } from './result';

const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function target(t: Target): string {
  if (t.kind === 'ratio') return `≤ ${t.max}×${t.maxRssMB !== undefined ? `, rss ≤ ${t.maxRssMB} MB` : ''}`;
  if (t.kind === 'absolute') return `p95 ≤ ${t.maxMs} ms`;
  return 'reported';
}

export const HEADER = ['row', 'scale', 'app p50', 'app p95', 'baseline p95', 'ratio', 'target', 'status', 'peak rss / heap MB'];

export function cells(r: RowResult): string[] {
  const unit = r.unit === 'ms' ? '' : ` ${r.unit}`;
  return [
    r.name,
    r.scale,
    r.app ? ms(r.app.p50) + unit : '—',
    r.app ? ms(r.app.p95) + unit : '—',
    r.baseline ? ms(r.baseline.stats.p95) + unit : '—',
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    target(r.target),
    r.status,
    r.app ? `${r.memory.rssMB} / ${r.memory.heapMB}` : '—',
  ];
}

export function textTable(rows: readonly RowResult[]): string {
  const body = rows.map(cells);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function markdownTable(rows: readonly RowResult[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map((_, i) => (i >= 2 && i <= 5 ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
  ].join('\n');
}
