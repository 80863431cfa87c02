/**
 * Hostile case files (issue 12.4): a file that carries SQL the migrations do not create is refused on
 * open by name, before any write, and stays byte-identical. Each attack is first shown to do harm when
 * the file is used without the check (a raw connection), then refused by openCase.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../db/api';
import { CaseFileError } from '../../db/errors';
import { MIGRATIONS } from '../../db/migrations/index';
import { closeCase, openCase } from '../../db/open';
import { expectedSchema, schemaProblems } from '../../db/schema-check';
import { tempCase, tempDir } from '../helpers';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

let clean: string;
let claimId: string;
let sourceId: string;
beforeAll(() => {
  const t = tempCase({ sample: true });
  const claim = t.api.invoke('claims.create', { text: 'The lab trained the model for USD 6 million' });
  const source = t.api.invoke('sources.create', { title: 'Cost audit', reliability: 'B' });
  claimId = claim.id;
  sourceId = source.id;
  t.close();
  clean = t.path;
});

/** A copy of the clean case with `ddl` planted through a raw connection (as an attacker would), in rollback-journal mode. */
function planted(ddl: string): string {
  const file = join(tempDir(), 'hostile.claimtrail');
  copyFileSync(clean, file);
  const raw = new Database(file);
  raw.exec(ddl);
  raw.pragma('journal_mode = DELETE');
  raw.close();
  return file;
}

function expectRefused(file: string, message: RegExp): void {
  const before = sha(file);
  for (const opts of [{}, { readonly: true }]) {
    let error: unknown;
    try {
      closeCase(openCase(file, opts));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CaseFileError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain('not changed');
  }
  expect(sha(file), 'a refused file was written').toBe(before);
  expect(existsSync(`${file}-wal`) && readFileSync(`${file}-wal`).length > 0).toBe(false);
}

const EVIL_TRIGGER = `CREATE TRIGGER t_evil AFTER INSERT ON evidence BEGIN
  UPDATE evidence SET stance = 'supports', credibility = 1 WHERE rowid = new.rowid; END;`;

describe('hostile case files are refused by name, unchanged', () => {
  it('the clean case and a freshly created one open (the reference is the migrations themselves)', () => {
    const h = openCase(clean);
    expect(schemaProblems(h.db, MIGRATIONS.at(-1)!.version)).toEqual([]);
    closeCase(h);
    expect(expectedSchema(MIGRATIONS.at(-1)!.version).objects.size).toBeGreaterThan(40);
  });

  it('a planted trigger that turns refuting evidence into strong support', () => {
    const file = planted(EVIL_TRIGGER);
    // The attack, on a copy opened without the check: refuting evidence is stored as support.
    const victim = join(tempDir(), 'victim.claimtrail');
    copyFileSync(file, victim);
    const raw = new Database(victim);
    const api = createApi(raw);
    const e = api.invoke('evidence.create', { claimId, sourceId, stance: 'refutes', credibility: 2, excerpt: 'It cost far more.' });
    expect(raw.prepare('SELECT stance FROM evidence WHERE id = ?').pluck().get(e.id)).toBe('supports');
    raw.close();
    expectRefused(file, /unexpected trigger t_evil on evidence/);
  });

  it('a planted view (a recursive query that would hang a reader)', () => {
    const file = planted(`CREATE VIEW v_spin AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n;`);
    expectRefused(file, /unexpected view v_spin/);
  });

  it('a planted virtual table (and its shadow tables)', () => {
    const file = planted(`CREATE VIRTUAL TABLE evil_fts USING fts5(x);`);
    expectRefused(file, /unexpected virtual table evil_fts.*unexpected table evil_fts_/);
  });

  it('an extra index', () => {
    const file = planted(`CREATE INDEX claims_evil ON claims (notes, text, context);`);
    expectRefused(file, /unexpected index claims_evil on claims/);
  });

  it('an extra column', () => {
    const file = planted(`ALTER TABLE claims ADD COLUMN evil TEXT DEFAULT 'x';`);
    expectRefused(file, /unexpected column evil on claims/);
  });

  it('a changed trigger body: the append-only guard replaced by one that lets history be rewritten', () => {
    const file = planted(`DROP TRIGGER events_no_update;
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT 1; END;`);
    expectRefused(file, /changed trigger events_no_update on events/);
  });

  it('full-text settings FTS5 would obey (a rank function, a page size) changed in the index config', () => {
    const file = planted(`INSERT INTO claims_fts (claims_fts, rank) VALUES ('pgsz', 64000);`);
    expectRefused(file, /changed full-text settings in claims_fts_config \(pgsz=64000\)/);
  });

  it('a missing trigger (the FTS sync dropped)', () => {
    const file = planted(`DROP TRIGGER claims_fts_ai;`);
    expectRefused(file, /missing trigger claims_fts_ai on claims/);
  });

  it('a planted trigger still in the -wal (copied while the writer was open): refused, file and -wal unchanged', () => {
    const d = tempDir();
    const file = join(d, 'live.claimtrail');
    copyFileSync(clean, file);
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('wal_autocheckpoint = 0');
    raw.exec(EVIL_TRIGGER);
    const copy = join(d, 'copy.claimtrail');
    copyFileSync(file, copy);
    copyFileSync(`${file}-wal`, `${copy}-wal`);
    raw.close();
    const before = [sha(copy), sha(`${copy}-wal`)];
    expect(() => openCase(copy)).toThrow(/unexpected trigger t_evil on evidence/);
    expect([sha(copy), sha(`${copy}-wal`)]).toEqual(before);
  });

  it('a file at an older version is compared with what the migrations up to that version create', () => {
    for (const m of MIGRATIONS.slice(0, -1)) {
      const file = join(tempDir(), `v${m.version}.claimtrail`);
      const raw = new Database(file);
      for (const x of MIGRATIONS) if (x.version <= m.version) raw.exec(x.sql);
      raw.pragma(`application_id = ${0x436c5472}`);
      raw.pragma(`user_version = ${m.version}`);
      raw.close();
      const h = openCase(file);
      expect(schemaProblems(h.db, MIGRATIONS.at(-1)!.version)).toEqual([]);
      closeCase(h);
    }
  });
});
