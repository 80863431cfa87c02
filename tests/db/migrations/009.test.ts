/** Migration 009 (duplicate review: merges, pairs kept apart) from the previous version (v8) with data. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeCase } from '../../../db/open';
import { openMigrated, rowCount, sampleCaseAtVersion } from './legacy';

const v8Case = () => sampleCaseAtVersion(8, 'DeepSeek-V3 training cost about USD6mn of compute on Nvidia H800 chips.');

describe('migration 009 (merges, duplicate_verdicts) from v8 with data', () => {
  it('v8 has neither table', () => {
    const db = new Database(v8Case(), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name IN ('merges', 'duplicate_verdicts')`).all()).toEqual([]);
    db.close();
  });

  it('keeps every row and the chain; the old claims are offered as duplicates, merged and un-merged', () => {
    const { h, api } = openMigrated(v8Case());
    expect(rowCount(h.db, 'merges')).toBe(0);
    expect(rowCount(h.db, 'duplicate_verdicts')).toBe(0);
    const [pair] = api.invoke('duplicates.list', {}).claims;
    expect(pair).toMatchObject({ reason: 'same-words' });
    const m = api.invoke('duplicates.merge', { entity: 'claim', survivorId: pair!.a.id, mergedId: pair!.b.id });
    api.invoke('duplicates.unmerge', { id: m.id });
    api.invoke('duplicates.dismiss', { entity: 'claim', aId: pair!.a.id, bId: pair!.b.id });
    expect(api.invoke('duplicates.list', {}).claims).toEqual([]);
    expect(rowCount(h.db, 'merges')).toBe(1);
    expect(api.invoke('history.verify', {}).ok).toBe(true);
    closeCase(h);
  });
});
