import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeCase } from '../../../db/open';
import { FTS_TABLES } from '../../../db/migrations/001-initial';
import { openMigrated, sampleCaseAtVersion } from './legacy';

/** A case exactly as schema v1 wrote it, with data. */
const v1Case = () => sampleCaseAtVersion(1, 'Chips were routed via \u2066Singapore\u2069 resellers');

describe('migration 002 (FTS separators) from v1 with data', () => {
  it('v1 cannot find a word wrapped in bidi isolates', () => {
    const path = v1Case();
    const db = new Database(path);
    // The v1 index itself (today's search also reads indexes that later versions add).
    expect(db.prepare(`SELECT count(*) FROM claims_fts WHERE claims_fts MATCH '"Singapore"'`).pluck().get()).toBe(0);
    db.close();
  });

  it('migrates to the latest version keeping every row, events and a valid chain, and finds the word', () => {
    const path = v1Case();
    const { h, api } = openMigrated(path);
    for (const t of FTS_TABLES) h.db.prepare(`INSERT INTO ${t} (${t}) VALUES ('integrity-check')`).run();
    const hits = api.invoke('search.query', { q: 'Singapore' }).groups.claims;
    expect(hits).toHaveLength(1);
    expect(hits[0]!.title).toBe('Chips were routed via \u2066Singapore\u2069 resellers'); // stored verbatim
    expect(api.invoke('search.query', { q: 'H800' }).groups.claims.length).toBeGreaterThan(0);
    // New writes keep the index in sync under the new tokenizer.
    api.invoke('claims.create', { text: 'Zero\u200bwidth joined words' });
    expect(api.invoke('search.query', { q: 'width' }).groups.claims).toHaveLength(1);
    for (const t of FTS_TABLES) h.db.prepare(`INSERT INTO ${t} (${t}) VALUES ('integrity-check')`).run();
    closeCase(h);
  });
});
