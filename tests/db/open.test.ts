import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseFileError } from '../../db/errors';
import { APPLICATION_ID, LATEST_VERSION } from '../../db/migrations/index';
import { closeCase, openCase } from '../../db/open';
import { tempDir } from '../helpers';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('openCase', () => {
  it('creates a new case at the latest schema with the durability pragmas', () => {
    const path = join(tempDir(), 'new.claimtrail');
    const h = openCase(path, { create: true });
    expect(h.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect((h.db.pragma('application_id', { simple: true }) as number) >>> 0).toBe(APPLICATION_ID);
    expect(h.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(h.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(h.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(h.db.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(h.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = h.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    for (const t of ['claims', 'sources', 'evidence', 'disputes', 'claim_links', 'tags', 'events', 'briefings', 'claims_fts'])
      expect(tables).toContain(t);
    closeCase(h);
  });

  it('migrates an empty (0-byte) file when asked to create', () => {
    const path = join(tempDir(), 'empty.claimtrail');
    writeFileSync(path, '');
    const h = openCase(path, { create: true });
    expect(h.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    closeCase(h);
  });

  it('reopens an existing case without re-running migrations', () => {
    const path = join(tempDir(), 'again.claimtrail');
    closeCase(openCase(path, { create: true }));
    const h = openCase(path);
    expect(h.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(h.recovered).toBe(false);
    closeCase(h);
  });

  it('refuses a missing file or an empty file unless creating', () => {
    const dir = tempDir();
    expect(() => openCase(join(dir, 'nope.claimtrail'))).toThrow(/no case file at/);
    writeFileSync(join(dir, 'zero.claimtrail'), '');
    expect(() => openCase(join(dir, 'zero.claimtrail'))).toThrow(/empty file/);
  });

  it('refuses a file that is not SQLite, and leaves it untouched', () => {
    const path = join(tempDir(), 'notes.claimtrail');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(20));
    const before = sha(path);
    expect(() => openCase(path, { create: true })).toThrow(CaseFileError);
    expect(() => openCase(path)).toThrow(/not a ClaimTrail case: it is not an SQLite database/);
    expect(sha(path)).toBe(before);
  });

  it("refuses another application's SQLite database without writing to it", () => {
    const path = join(tempDir(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.pragma('application_id = 1234');
    other.close();
    const before = sha(path);
    expect(() => openCase(path)).toThrow(/not a ClaimTrail case: it is an SQLite database of another application/);
    expect(sha(path)).toBe(before);
  });

  it('refuses a plain SQLite database without our schema', () => {
    const path = join(tempDir(), 'plain.db');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const before = sha(path);
    expect(() => openCase(path)).toThrow(/without a ClaimTrail schema/);
    expect(sha(path)).toBe(before);
  });

  it('refuses a case from a newer version with a clear message and no write', () => {
    const path = join(tempDir(), 'future.claimtrail');
    closeCase(openCase(path, { create: true }));
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = sha(path);
    expect(() => openCase(path)).toThrow(
      new RegExp(`newer ClaimTrail \\(case format v${LATEST_VERSION + 1}; this app reads up to v${LATEST_VERSION}\\)`),
    );
    expect(sha(path)).toBe(before);
  });
});
