/**
 * The benchmark harness end to end at a tiny scale: every row runs and results.json has the shape
 * docs/performance.md describes. Nothing here asserts a time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench, ROWS, type BenchResults } from '../../bench/harness';
import { collectSink } from '../../bench/gen/collect';
import { generateCase } from '../../bench/gen/generate';
import { textTable } from '../../bench/lib/table';
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { tempDir } from '../helpers';

const SCALE = 0.002; // 200 claims, 1,000 evidence items, 40 sources

describe('bench harness', () => {
  it('generates the same case from the same seed, and a different one from another seed', () => {
    const a = collectSink();
    const b = collectSink();
    const c = collectSink();
    generateCase({ scale: SCALE, seed: 7 }, a);
    generateCase({ scale: SCALE, seed: 7 }, b);
    generateCase({ scale: SCALE, seed: 8 }, c);
    expect(JSON.stringify(a.claims)).toBe(JSON.stringify(b.claims));
    expect(JSON.stringify(a.claims)).not.toBe(JSON.stringify(c.claims));
    expect(a.claims.length).toBe(200);
    expect(a.claims.reduce((n, x) => n + x.evidence.length, 0)).toBe(1000);
    expect(a.sources.some((s) => s.derived_from !== null)).toBe(true);
  });

  it('runs every row at a tiny scale and writes results.json of the documented shape', async () => {
    const dir = tempDir();
    const out = join(dir, 'results.json');
    const results = await runBench({ scale: SCALE, effort: 0.05, cacheDir: dir, out });
    expect(existsSync(out)).toBe(true);
    const written = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;
    expect(written.rows.length).toBe(results.rows.length);
    expect(written.counts).toMatchObject({ claims: 200, evidence: 1000, sources: 40 });
    const names = written.rows.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const group of ['search claims', 'search all 4 groups', 'open case', 'claim list sort/filter', 'quick-open', 'briefing', 'commit', 'recompute', 'JSON import', 'JSON import peak RSS', 'LIAR', 'CLI start', 'documents-search', 'capture-growth', 'verify:', 'Team publish', 'Team commit'])
      expect(names.some((n) => n.includes(group)), group).toBe(true);
    expect(ROWS.length).toBeGreaterThanOrEqual(7);
    for (const r of written.rows) {
      expect(['pass', 'fail', 'reported', 'not built']).toContain(r.status);
      expect(typeof r.scale).toBe('string');
      expect(r.memory.rssMB).toBeGreaterThan(0);
      expect(r.app!.p95).toBeGreaterThanOrEqual(r.app!.p50);
      expect(r.app!.n).toBeGreaterThan(0);
      if (r.baseline) expect(r.ratio).toBeCloseTo(r.app!.p95 / r.baseline.stats.p95, 6);
      if (r.target.kind === 'ratio') expect(r.status).toBe(r.ratio! <= r.target.max ? 'pass' : 'fail');
      if (r.target.kind === 'absolute') expect(r.status).toBe(r.app!.p95 <= r.target.maxMs ? 'pass' : 'fail');
    }
    expect(textTable(written.rows).split('\n').length).toBe(written.rows.length + 2);
    // Every row at once, with whole-process CLI runs and a bundle build among them: minutes on a loaded machine.
  }, 300_000);

  it('builds a scale case the product opens, verifies and searches', async () => {
    const dir = tempDir();
    const { scaleCase } = await import('../../bench/gen/cache');
    const sc = scaleCase(SCALE, dir);
    expect(scaleCase(SCALE, dir).builtIn).toBeNull(); // second call reuses the cache
    const h = openCase(sc.path);
    try {
      const api = createApi(h.db);
      expect(api.invoke('history.verify', {}).ok).toBe(true);
      expect(h.db.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const t of ['claims', 'sources', 'evidence', 'disputes'])
        expect(() => h.db.prepare(`INSERT INTO ${t}_fts(${t}_fts) VALUES ('integrity-check')`).run()).not.toThrow();
      expect(api.invoke('search.query', { q: 'says', limit: 50 }).total).toBeGreaterThan(0);
      expect(api.invoke('claims.list', { limit: 100 }).total).toBeGreaterThan(150);
    } finally {
      closeCase(h);
    }
  });
});
