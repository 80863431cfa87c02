/**
 * The growth report (issue 17.5) and the scale option: series from results files at several scales,
 * the table and the SVG the bench writes, the doc splice, `--scale 10k|1m`, merging an `--only` run.
 * Synthetic results: nothing here measures or asserts a time of this machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergedResults, parseScale, resultsFileName, type BenchResults } from '../../bench/harness';
import { GROWTH_BEGIN, GROWTH_END, growthExponent, growthSeries, growthSvg, growthTable, spliceGrowth, writeGrowthReport, type Measured } from '../../bench/lib/growth';
import { makeRow } from '../../bench/lib/result';
import { tempDir } from '../helpers';

const row = (name: string, ms: number) => makeRow({ name, scale: 'x', app: [ms], target: { kind: 'none' }, memory: { rssMB: 1, heapMB: 1 } });
const results = (claims: number, effort: number, rows: ReturnType<typeof row>[], at = '2026-12-02T06:00:00.000Z'): BenchResults => ({
  generatedAt: at,
  machine: { cpus: 2, cpuModel: 'test', node: 'v20', platform: 'linux' },
  scale: claims / 100_000,
  effort,
  counts: { claims },
  scaleCaseBuildSeconds: null,
  totalSeconds: 1,
  rows,
});

describe('growth report', () => {
  const measured: Measured[] = [
    { file: 'results.json', results: results(100_000, 1, [row('list <a> & b', 10), row('open', 5), row('only here', 1)]) },
    { file: 'results.10k.json', results: results(10_000, 1, [row('list <a> & b', 1), row('open', 5)]) },
    { file: 'results.quick.json', results: results(10_000, 0.25, [row('list <a> & b', 99), row('open', 99)]) },
  ];

  it('keeps rows measured at two or more scales, the fuller run where two measured the same scale', () => {
    const series = growthSeries(measured);
    expect(series.map((s) => s.name)).toEqual(['list <a> & b', 'open']);
    expect(series[0]!.points).toEqual([
      { claims: 10_000, p95: 1, file: 'results.10k.json' },
      { claims: 100_000, p95: 10, file: 'results.json' },
    ]);
    expect(growthExponent(series[0]!)).toBeCloseTo(1, 9);
    expect(growthExponent(series[1]!)).toBeCloseTo(0, 9);
  });

  it('writes a table with a column per scale and an SVG with one escaped, numbered line per row', () => {
    const series = growthSeries(measured);
    const table = growthTable(series).split('\n');
    expect(table[0]).toBe('| # | row | p95 ms at 10k | p95 ms at 100k | growth |');
    expect(table[2]).toBe('| 1 | list <a> & b | 1.00 | 10.0 | 1.00 |');
    const svg = growthSvg(series);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg).toContain('list &lt;a&gt; &amp; b');
    expect(svg).not.toContain('<a>');
    expect(svg).toContain('>10k</text>');
    expect(svg).toContain('>100k</text>');
  });

  it('replaces only its own part of the doc, and adds the section once when missing', () => {
    const doc = '# Performance\n\n## How it is measured\n\nText.\n';
    const once = spliceGrowth(doc, `${GROWTH_BEGIN}\nA\n${GROWTH_END}`);
    expect(once).toMatch(/## How cost grows\n\n<!-- growth:begin[^\n]*\nA\n<!-- growth:end -->\n\n## How it is measured/);
    const twice = spliceGrowth(`${once}\nHand-written after.\n`, `${GROWTH_BEGIN}\nB\n${GROWTH_END}`);
    expect(twice.match(/## How cost grows/g)).toHaveLength(1);
    expect(twice).toContain('\nB\n');
    expect(twice).not.toContain('\nA\n');
    expect(twice).toContain('Hand-written after.');
  });

  it('writes both files from a folder of results', () => {
    const dir = tempDir();
    for (const m of measured) writeFileSync(join(dir, m.file), JSON.stringify(m.results));
    const doc = join(dir, 'performance.md');
    writeFileSync(doc, '# Performance\n');
    const g = writeGrowthReport(dir, doc);
    expect(g).toMatchObject({ rows: 2, scales: ['10k', '100k'] });
    expect(readFileSync(join(dir, 'growth.svg'), 'utf8')).toContain('<polyline');
    expect(readFileSync(doc, 'utf8')).toContain('| 2 | open | 5.00 | 5.00 | 0.00 |');
  });
});

describe('bench scale option and partial runs', () => {
  it('takes a multiple or a claim count', () => {
    expect(parseScale('1m')).toBe(10);
    expect(parseScale('10k')).toBe(0.1);
    expect(parseScale('100K')).toBe(1);
    expect(parseScale('0.5')).toBe(0.5);
    expect(() => parseScale('2m')).toThrow(/--scale must be/);
    expect(() => parseScale('lots')).toThrow(/--scale must be/);
    expect([1, 0.1, 10, 0.002].map(resultsFileName)).toEqual(['results.json', 'results.10k.json', 'results.1m.json', 'results.200.json']);
  });

  it('merges an --only run into the results file of the same scale', () => {
    const file = join(tempDir(), 'results.json');
    writeFileSync(file, JSON.stringify(results(100_000, 1, [row('a', 1), row('b', 2)])));
    const merged = mergedResults(file, results(100_000, 1, [row('b', 3), row('c', 4)], '2026-12-02T07:00:00.000Z'), ['list']);
    expect(merged.rows.map((r) => [r.name, r.app!.p95])).toEqual([['a', 1], ['b', 3], ['c', 4]]);
    expect(merged.generatedAt).toBe('2026-12-02T06:00:00.000Z');
    expect(merged.merged).toEqual([{ at: '2026-12-02T07:00:00.000Z', only: ['list'] }]);
    expect(mergedResults(file, results(10_000, 1, [row('b', 3)])).rows).toHaveLength(1);
  });
});
