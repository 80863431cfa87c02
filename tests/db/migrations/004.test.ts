/** Migration 004 (search that forgives) from the previous version (v2) with data: re-indexes old cases. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FTS_TABLES } from '../../../db/migrations/001-initial';
import { TRIGRAM_TABLES } from '../../../db/migrations/004-search-forgives';
import { closeCase } from '../../../db/open';
import { ftsIntegrity, openMigrated, rowCount as count, sampleCaseAtVersion } from './legacy';


/** A case exactly as schema v2 wrote it, with the sample and a Chinese claim (v2 triggers kept its word indexes). */
const v2Case = () => sampleCaseAtVersion(2, '深度求索公司表示其模型仅使用H800芯片训练');

describe('migration 004 (stemmed words, trigrams, vocabulary, quantity index) from v2 with data', () => {
  it('v2 is what the migration starts from: no stemming, no trigram index', () => {
    const db = new Database(v2Case(), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(count(db, `claims_fts WHERE claims_fts MATCH 'chip'`)).toBe(1); // only "chip demand": not "chips"
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'claims_tri'`).pluck().get()).toBe(0);
    db.close();
  });

  it('keeps every row and the chain, re-indexes old rows, and new writes stay in step', () => {
    const { h, api } = openMigrated(v2Case());
    ftsIntegrity(h.db, [...FTS_TABLES, ...TRIGRAM_TABLES]);
    for (const t of ['claims', 'sources', 'evidence', 'disputes']) expect(count(h.db, `${t}_tri`)).toBe(count(h.db, t));
    const claims = (q: string) => api.invoke('search.query', { q }).groups.claims.map((c) => c.title);
    // Old rows, re-indexed: stems, amounts (text and quantity), CJK words.
    expect(claims('chip').length).toBeGreaterThan(3);
    expect(claims('$6 million')).toContain('Training DeepSeek-V3 cost about USD6mn in compute, using Nvidia H800 chips.');
    expect(claims('芯片')).toEqual(['深度求索公司表示其模型仅使用H800芯片训练']);
    expect(api.invoke('search.query', { q: 'trainng' }).suggestion).toBe('training');
    // The quantity index is the one amount queries use.
    const plan = h.db.prepare(`EXPLAIN QUERY PLAN SELECT rowid FROM claims WHERE (qty_value * CASE lower(substr(qty_unit, instr(qty_unit, ' ') + 1))
  WHEN 'k' THEN 1e3 WHEN 'thousand' THEN 1e3 WHEN 'm' THEN 1e6 WHEN 'mn' THEN 1e6 WHEN 'million' THEN 1e6
  WHEN 'bn' THEN 1e9 WHEN 'billion' THEN 1e9 WHEN 'tn' THEN 1e12 WHEN 'trillion' THEN 1e12 ELSE 1 END) BETWEEN 1 AND 2 AND qty_value IS NOT NULL`).all();
    expect(JSON.stringify(plan)).toMatch(/claims_qty_amount/);
    // New writes, edits and deletes keep both indexes in step.
    const id = api.invoke('claims.create', { text: 'ファーウェイのチップ供給' }).id;
    api.invoke('claims.update', { id, text: 'ファーウェイのチップ供給が増えた' });
    expect(claims('チップ')).toEqual(['ファーウェイのチップ供給が増えた']);
    api.invoke('claims.delete', { id });
    ftsIntegrity(h.db, [...FTS_TABLES, ...TRIGRAM_TABLES]);
    closeCase(h);
  });
});
