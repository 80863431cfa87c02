/** Migration 012 (team copies) from the previous version (v11) with data. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeCase } from '../../../db/open';
import { openMigrated, sampleCaseAtVersion } from './legacy';

const v11Case = () => sampleCaseAtVersion(11, 'A claim written by schema v11 about harbour cranes.');
const TABLES = ['team_keys', 'team_link', 'team_log'];
const teamTables = (db: Database.Database) =>
  db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'team_%' ORDER BY name`).pluck().all();

describe('migration 012 (team copies) from v11 with data', () => {
  it('v11 has no team tables', () => {
    const db = new Database(v11Case(), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(teamTables(db)).toEqual([]);
    db.close();
  });

  it('keeps every row and the chain, adds empty team tables: the file is no team copy', () => {
    const { h, api } = openMigrated(v11Case());
    expect(teamTables(h.db)).toEqual(TABLES);
    for (const t of TABLES) expect(h.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
    expect(h.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(api.invoke('claims.list', { limit: 500 }).items.some((c) => c.text.includes('schema v11'))).toBe(true);
    expect(api.invoke('history.verify', {})).toMatchObject({ ok: true });
    closeCase(h);
  });
});
