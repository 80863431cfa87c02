/**
 * Large imports index full text in bulk: the insert triggers are dropped inside the import's
 * transaction and recreated from the migration's text. Whatever happens — success, a refused file,
 * a cancel — the triggers are there afterwards, byte for byte, and every FTS index matches its table.
 */
import { describe, expect, it } from 'vitest';
import { CaseError } from '../../../db/errors';
import { FTS_TABLES } from '../../../db/migrations/001-initial';
import { TRIGRAM_TABLES } from '../../../db/migrations/004-search-forgives';
import { BULK_FTS_ROWS } from '../../../db/transfer/fts';
import type { DB } from '../../../db/sql';
import { tempCase } from '../../helpers';
import { bundleFile } from './bundle-file';

const json = (content: string) => ({ format: 'json' as const, content, fileName: 'big.json' });

const triggers = (db: DB) =>
  db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all() as { name: string; sql: string }[];

function ftsIntact(db: DB): void {
  // rank = 1 compares each index with its content table as well as with itself; throws on a mismatch.
  // The word indexes and the trigram indexes beside them (migration 004) are both fed in bulk.
  for (const t of [...FTS_TABLES, ...TRIGRAM_TABLES]) db.prepare(`INSERT INTO "${t}"("${t}", rank) VALUES('integrity-check', 1)`).run();
}

const hits = (api: ReturnType<typeof tempCase>['api'], q: string) => api.invoke('search.query', { q, limit: 50, kinds: ['claims'] }).groups.claims.length;

describe('bulk full-text indexing on large imports', () => {
  const big = { claims: 700, sources: 40, perClaim: 3 };
  const fresh = triggers(tempCase().handle.db);

  it('an import above the threshold into an empty case: triggers recreated exactly, indexes whole, new rows searchable', () => {
    const t = tempCase();
    const file = bundleFile({ ...big, tag: 'zebra' });
    expect(700 + 40 + 2100).toBeGreaterThan(BULK_FTS_ROWS);
    const r = t.api.invoke('transfer.import', json(file.content));
    expect(r.ok).toBe(true);
    expect(triggers(t.handle.db)).toEqual(fresh);
    ftsIntact(t.handle.db);
    expect(hits(t.api, 'zebra')).toBe(50);
    expect(t.api.invoke('search.query', { q: 'excerpt turbine', limit: 5, kinds: ['evidence'] }).groups.evidence.length).toBe(5);
    // the recreated insert trigger indexes what comes next
    t.api.invoke('claims.create', { text: 'A quokka census was taken' });
    expect(hits(t.api, 'quokka')).toBe(1);
    // the trigram index found the imported rows too (a substring inside a word is only in it)
    expect(t.handle.db.prepare(`SELECT count(*) FROM claims_tri WHERE claims_tri MATCH '"ebr"'`).pluck().get()).toBeGreaterThanOrEqual(50);
    ftsIntact(t.handle.db);
  });

  it('a large import into a case that already has more rows indexes only the new rows (no rebuild) and stays whole', () => {
    const t = tempCase();
    expect(t.api.invoke('transfer.import', json(bundleFile({ ...big, tag: 'first' }).content)).ok).toBe(true);
    expect(t.api.invoke('transfer.import', json(bundleFile({ claims: 600, sources: 10, perClaim: 3, tag: 'second' }).content)).ok).toBe(true);
    expect(t.api.invoke('transfer.import', json(bundleFile({ claims: 40, sources: 2, perClaim: 1, tag: 'third' }).content)).ok).toBe(true);
    expect(triggers(t.handle.db)).toEqual(fresh);
    ftsIntact(t.handle.db);
    for (const tag of ['first', 'second', 'third']) expect(hits(t.api, tag)).toBeGreaterThan(0);
  });

  it('a refused large import rolls back the trigger drop with everything else', () => {
    const t = tempCase({ sample: true });
    const before = t.api.invoke('case.info', {}).counts;
    const r = t.api.invoke('transfer.import', json(bundleFile({ ...big, badLast: true }).content));
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({ record: 'evidence[2099]', field: 'sourceId' });
    expect(triggers(t.handle.db)).toEqual(fresh);
    ftsIntact(t.handle.db);
    expect(t.api.invoke('case.info', {}).counts).toEqual(before);
    t.api.invoke('claims.create', { text: 'An okapi was sighted' });
    expect(hits(t.api, 'okapi')).toBe(1);
  });

  it('a cancelled large import (mid-write or while indexing) leaves triggers and indexes as they were', () => {
    for (const stopAt of ['importing', 'indexing']) {
      let stop = false;
      const t = tempCase({ isCancelled: () => stop, onProgress: (_d, _t, label) => (stop ||= label === stopAt) });
      expect(() => t.api.invoke('transfer.import', json(bundleFile(big).content))).toThrow(CaseError);
      expect(triggers(t.handle.db)).toEqual(fresh);
      ftsIntact(t.handle.db);
      expect(t.api.invoke('case.info', {}).counts.claims).toBe(0);
    }
  });

  it('when a trigger is not the migration\'s own text (a later schema changed it), the import indexes row by row and leaves it alone', () => {
    const t = tempCase();
    const db = t.handle.db;
    db.exec(`DROP TRIGGER claims_fts_ai;
      CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts (rowid, text, claimant, notes, context) VALUES (new.rowid, new.text, new.claimant, new.notes, new.context); END`);
    const custom = triggers(db);
    expect(t.api.invoke('transfer.import', json(bundleFile({ ...big, tag: 'walrus' }).content)).ok).toBe(true);
    expect(triggers(db)).toEqual(custom);
    ftsIntact(db);
    expect(hits(t.api, 'walrus')).toBe(50);
  });
});
