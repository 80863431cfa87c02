/** Migration 003 (claim kinds, attribution, copy marks, outcomes) from a v2 case with data. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeCase } from '../../../db/open';
import { storedJudgment } from '../../../db/repos/claims';
import { judgmentOf } from '../../../core/judgment';
import { modelForClaim } from '../../../db/service/recompute';
import { deepseekSample } from '../../../core/sample/deepseek';
import { caseAtVersion, openMigrated, rowCount, sampleCaseAtVersion } from './legacy';

/** The sample as a v2 build knew it: no speaksFor, no kinds (those fields did not exist). */
const v2Sample = {
  ...deepseekSample,
  sources: deepseekSample.sources.map(({ speaksFor: _s, ...s }) => s),
  claims: deepseekSample.claims.map(({ kind: _k, kindRationale: _r, ...c }) => c),
};
const v2Case = () => sampleCaseAtVersion(2, 'Nobody has looked at this one yet', v2Sample);

describe('migration 003 from v2 with data', () => {
  it('the v2 file has none of the new columns', () => {
    const db = new Database(v2Case(), { readonly: true });
    const cols = db.prepare(`SELECT name FROM pragma_table_info('claims')`).pluck().all();
    expect(cols).not.toContain('kind');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('keeps every row, makes every claim a fact, derives "assessed" as the model does, and keeps a valid chain', () => {
    const path = v2Case();
    const { h, api } = openMigrated(path);
    const claims = api.invoke('claims.list', { limit: 1000 }).items;
    expect(claims.every((c) => c.kind === 'fact')).toBe(true);
    expect(claims.find((c) => c.text === 'Nobody has looked at this one yet')!.assessment).toBe('not-assessed');
    expect(claims.filter((c) => c.assessment === 'assessed').length).toBeGreaterThan(5);
    // What the migration stored is what the model computes now (so nothing is stale after the upgrade).
    const ctx = { db: h.db } as Parameters<typeof modelForClaim>[0];
    for (const row of h.db.prepare('SELECT * FROM claims').all() as Parameters<typeof modelForClaim>[1][])
      expect(storedJudgment(row)).toEqual(judgmentOf(modelForClaim(ctx, row), row.override_p));
    const ev = h.db.prepare('SELECT attribution FROM evidence').pluck().all();
    expect(new Set(ev)).toEqual(new Set([0]));
    expect(rowCount(h.db, 'evidence_independent')).toBe(0);
    // The new fields work on the migrated file.
    const c = claims[0]!;
    expect(api.invoke('claims.update', { id: c.id, kind: 'not-checkable', kindRationale: 'a value judgment' }).probability).toBeNull();
    closeCase(h);
  });

  it('brings stored probabilities in line with the model (undeclared copies) in the same migration', () => {
    const quote = 'The company said the final training run cost about six million dollars in rented GPU hours.';
    const path = caseAtVersion(2, (api) => {
      const c = api.invoke('claims.create', { text: 'Copied twice' });
      for (const title of ['Outlet A', 'Outlet B']) {
        const s = api.invoke('sources.create', { title, reliability: 'B' });
        api.invoke('evidence.create', { claimId: c.id, sourceId: s.id, stance: 'supports', credibility: 2, excerpt: quote });
      }
    });
    // What a v2 build stored: both outlets as independent origins.
    const raw = new Database(path);
    const v2 = 1 / (1 + Math.exp(-2 * Math.log(4) * 0.64));
    raw.prepare(`UPDATE claims SET computed_p = ?, probability = ?, band = 'very likely'`).run(v2, v2);
    raw.close();
    const { h, api } = openMigrated(path);
    const [c] = api.invoke('claims.list', {}).items;
    const d = api.invoke('claims.get', { id: c!.id });
    expect(d.possibleCopies).toHaveLength(1);
    expect(c!.probability).toBeCloseTo(d.model.probability, 12);
    expect(c!.probability).toBeLessThan(v2 - 0.05);
    closeCase(h);
  });
});
