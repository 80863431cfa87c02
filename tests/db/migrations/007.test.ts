/** Migration 007 (ACH boards, assumptions, indicators; provisional number) from v6 with data. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeCase } from '../../../db/open';
import { openMigrated, rowCount as count, sampleCaseAtVersion } from './legacy';

const TABLES = ['ach_boards', 'ach_hypotheses', 'ach_rows', 'ach_ratings', 'assumptions', 'assumption_claims', 'indicators'];

describe('migration 007 (structured analytic techniques) from v6 with data', () => {
  it('v6 has none of the tables', () => {
    const db = new Database(sampleCaseAtVersion(6, 'Only H800 chips were used.'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name IN (${TABLES.map(() => '?').join(',')})`).pluck().get(...TABLES)).toBe(0);
    db.close();
  });

  it('keeps every row and the chain; boards, assumptions and indicators then work on the old claims', () => {
    const { h, api } = openMigrated(sampleCaseAtVersion(6, 'Only H800 chips were used.'));
    for (const t of TABLES) expect(count(h.db, t)).toBe(0);
    const claims = api.invoke('claims.list', { limit: 2 }).items;
    const board = api.invoke('ach.create', { title: 'Old claims', claimIds: claims.map((c) => c.id) });
    expect(board.hypotheses).toHaveLength(2);
    api.invoke('assumptions.add', { text: 'It holds.', likelihood: 'high', impact: 'low', claimIds: [claims[0]!.id] });
    api.invoke('indicators.add', { text: 'A sign.', claimId: claims[1]!.id, direction: 'undercuts' });
    expect(count(h.db, 'ach_boards')).toBe(1);
    expect(api.invoke('history.verify', {}).ok).toBe(true);
    closeCase(h);
  });
});
