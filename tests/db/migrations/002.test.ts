import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../db/api';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS } from '../../../db/migrations/index';
import { closeCase, openCase } from '../../../db/open';
import { writeSample } from '../../../db/sample';
import { FTS_TABLES } from '../../../db/migrations/001-initial';
import { tempDir } from '../../helpers';

/** A case exactly as schema v1 wrote it, with data. */
function v1Case(): string {
  const path = join(tempDir(), 'v1.claimtrail');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(MIGRATIONS[0]!.sql);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 1');
  const api = createApi(db, { actor: 'tester', path });
  writeSample(api);
  api.invoke('claims.create', { text: 'Chips were routed via \u2066Singapore\u2069 resellers' });
  db.close();
  return path;
}

const count = (db: Database.Database, t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;

describe('migration 002 (FTS separators) from v1 with data', () => {
  it('v1 cannot find a word wrapped in bidi isolates', () => {
    const path = v1Case();
    const db = new Database(path);
    const api = createApi(db, { path });
    expect(api.invoke('search.query', { q: 'Singapore' }).groups.claims).toHaveLength(0);
    db.close();
  });

  it('migrates to the latest version keeping every row, events and a valid chain, and finds the word', () => {
    const path = v1Case();
    const raw = new Database(path, { readonly: true });
    const before = Object.fromEntries(['claims', 'sources', 'evidence', 'disputes', 'events'].map((t) => [t, count(raw, t)]));
    raw.close();
    const h = openCase(path);
    expect(h.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    for (const t of Object.keys(before)) expect(count(h.db, t)).toBe(before[t]);
    for (const t of FTS_TABLES) h.db.prepare(`INSERT INTO ${t} (${t}) VALUES ('integrity-check')`).run();
    const api = createApi(h.db, { path });
    expect(api.invoke('history.verify', {}).ok).toBe(true);
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
