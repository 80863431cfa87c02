/**
 * A case file exactly as an older schema version wrote it, with data: the data is written by
 * today's API into a scratch case, then every row is copied, column by column, into a file created
 * by the migrations up to `version` only (FTS indexes and the chain head fill through their own
 * triggers). Columns the old schema lacks are left behind, as an old build would never have had them.
 */
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { createApi } from '../../../db/api';
import { openCase, type CaseHandle } from '../../../db/open';
import { join } from 'node:path';
import type { CaseApi } from '../../../db/api';
import type { SampleCase } from '../../../core/sample/deepseek';
import { writeSample } from '../../../db/sample';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS } from '../../../db/migrations/index';
import { tempCase, tempDir } from '../../helpers';
import { eventHash, GENESIS_HASH, type EventRow } from '../../../db/repos/events';

const SKIP = new Set(['chain_head', 'events']);

/**
 * The events as an old build hashed them: before schema v10 an event had no row changes, so each is
 * re-hashed without them (the chain links recomputed in order), as that build would have written it.
 */
function copyEvents(db: Database.Database): void {
  const cols = db.prepare(`SELECT name FROM pragma_table_info('events')`).pluck().all() as string[];
  const insert = db.prepare(`INSERT INTO main.events (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
  let prev = GENESIS_HASH;
  for (const e of db.prepare('SELECT * FROM src.events ORDER BY seq').all() as EventRow[]) {
    const row = Object.fromEntries(cols.filter((c) => c !== 'prev_hash' && c !== 'hash').map((c) => [c, (e as unknown as Record<string, unknown>)[c]])) as unknown as EventRow;
    const hash = eventHash(prev, row);
    insert.run({ ...row, prev_hash: prev, hash });
    prev = hash;
  }
}

export function caseAtVersion(version: number, fill: (api: CaseApi) => void): string {
  const scratch = tempCase();
  fill(scratch.api);
  scratch.close();
  const path = join(tempDir(), `v${version}.claimtrail`);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  for (const m of MIGRATIONS.filter((x) => x.version <= version)) db.exec(m.sql);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${version}`);
  db.prepare('ATTACH DATABASE ? AS src').run(scratch.path);
  const tables = db
    .prepare(
      `SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND sql NOT LIKE 'CREATE VIRTUAL%'
         AND name NOT IN (SELECT name FROM main.pragma_table_list WHERE type = 'shadow')`,
    )
    .pluck()
    .all() as string[];
  // Shadow tables of virtual tables (the trigram indexes of v4, …) fill through their own triggers.
  const virtual = db.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'`).pluck().all() as string[];
  const shadow = (t: string) => virtual.some((v) => t.startsWith(`${v}_`));
  db.transaction(() => {
    for (const t of tables.filter((x) => !SKIP.has(x) && !shadow(x))) {
      const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).map((c) => `"${c}"`).join(', ');
      db.exec(`INSERT INTO main."${t}" (${cols}) SELECT ${cols} FROM src."${t}"`);
    }
    copyEvents(db);
  })();
  db.exec('DETACH DATABASE src');
  db.close();
  return path;
}

/** The sample case plus one claim of the given text, as schema `version` wrote it. */
export function sampleCaseAtVersion(version: number, extraClaim: string, sample?: SampleCase): string {
  return caseAtVersion(version, (api) => {
    writeSample(api, sample);
    api.invoke('claims.create', { text: extraClaim });
  });
}

export const rowCount = (db: Database.Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** Opens (and so migrates) an old case, asserting it reaches the latest version with every row and a valid chain. */
export function openMigrated(path: string): { h: CaseHandle; api: CaseApi } {
  const raw = new Database(path, { readonly: true });
  const before = Object.fromEntries(['claims', 'sources', 'evidence', 'disputes', 'events'].map((t) => [t, rowCount(raw, t)]));
  raw.close();
  const h = openCase(path);
  expect(h.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  // Every row is kept; migration 010 adds its snapshot events after the old ones (tests/db/migrations/010.test.ts).
  for (const t of Object.keys(before)) {
    if (t === 'events') expect(rowCount(h.db, t)).toBeGreaterThanOrEqual(before[t]!);
    else expect(rowCount(h.db, t)).toBe(before[t]);
  }
  const api = createApi(h.db, { path });
  expect(api.invoke('history.verify', {}).ok).toBe(true);
  return { h, api };
}

/** FTS5's own check of each index against its content table (throws on a mismatch). */
export function ftsIntegrity(db: Database.Database, tables: readonly string[]): void {
  for (const t of tables) db.prepare(`INSERT INTO "${t}"("${t}", rank) VALUES('integrity-check', 1)`).run();
}
