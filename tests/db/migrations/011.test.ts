/** Migration 011 (claim list indexes) from the previous version (v10) with data. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeCase } from '../../../db/open';
import { openMigrated, sampleCaseAtVersion } from './legacy';

const v10Case = () => sampleCaseAtVersion(10, 'A claim written by schema v10 about turbine tariffs.');
const INDEXES = ['claims_live_band', 'claims_live_created', 'claims_live_p_asc', 'claims_live_p_desc', 'claims_live_status', 'claims_live_text'];
const listIndexes = (db: Database.Database) =>
  db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name IN (${INDEXES.map(() => '?').join(', ')}) ORDER BY name`).pluck().all(...INDEXES);

describe('migration 011 (claim list indexes) from v10 with data', () => {
  it('v10 has none of the list indexes', () => {
    const db = new Database(v10Case(), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(listIndexes(db)).toEqual([]);
    db.close();
  });

  it('keeps every row and the chain, adds the indexes, and the old claims list in every order', () => {
    const { h, api } = openMigrated(v10Case());
    expect(listIndexes(h.db)).toEqual(INDEXES);
    expect(h.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const all = api.invoke('claims.list', { limit: 500 });
    expect(all.items.some((c) => c.text.includes('schema v10'))).toBe(true);
    for (const sort of ['updated', 'created', 'probability', 'text'] as const)
      for (const direction of ['asc', 'desc'] as const) {
        const page = api.invoke('claims.list', { limit: 500, sort, direction });
        expect(page.total).toBe(all.total);
        expect(new Set(page.items.map((c) => c.id))).toEqual(new Set(all.items.map((c) => c.id)));
      }
    const byText = api.invoke('claims.list', { limit: 500, sort: 'text', direction: 'asc' }).items.map((c) => c.text.toLowerCase());
    expect(byText).toEqual([...byText].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const tag = all.items.find((c) => c.tags.length)!.tags[0]!;
    const tagged = api.invoke('claims.list', { limit: 500, tag, sort: 'probability' });
    expect(tagged.total).toBe(all.items.filter((c) => c.tags.includes(tag)).length);
    closeCase(h);
  });
});
