/** A case file exactly as an older schema version wrote it, with the sample and extra claims. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createApi } from '../../../db/api';
import { APPLICATION_ID, MIGRATIONS } from '../../../db/migrations/index';
import { writeSample } from '../../../db/sample';
import { tempDir } from '../../helpers';

export function oldCase(version: number, claims: readonly string[]): string {
  const path = join(tempDir(), `v${version}.claimtrail`);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.slice(0, version)) db.exec(m.sql);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${version}`);
  const api = createApi(db, { actor: 'tester', path });
  writeSample(api);
  for (const text of claims) api.invoke('claims.create', { text });
  db.close();
  return path;
}

export const count = (db: Database.Database, t: string): number => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;

/** FTS5's own check of each index against its content table (throws on a mismatch). */
export function ftsIntegrity(db: Database.Database, tables: readonly string[]): void {
  for (const t of tables) db.prepare(`INSERT INTO "${t}"("${t}", rank) VALUES('integrity-check', 1)`).run();
}

/** Row counts of the tables a migration must keep whole. */
export const rowCounts = (path: string): Record<string, number> => {
  const raw = new Database(path, { readonly: true });
  const out = Object.fromEntries(['claims', 'sources', 'evidence', 'disputes', 'events'].map((t) => [t, count(raw, t)]));
  raw.close();
  return out;
};
