/**
 * Opening hostile case files (DESIGN §9): an empty file migrates to the latest version; a newer,
 * truncated or bit-flipped file gives a clear CaseFileError and stays byte-identical, or opens
 * and then answers every call without crashing. Never another kind of error.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../db/api';
import { CaseFileError } from '../../db/errors';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS } from '../../db/migrations/index';
import { closeCase, openCase } from '../../db/open';
import { stress, tempCase, tempDir } from '../helpers';
import { caseProblems } from './integrity';

const RUNS = stress(40, 400);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let base: Buffer;
let dir: string;
beforeAll(() => {
  dir = tempDir();
  const c = tempCase({ sample: true });
  for (let i = 0; i < 150; i++) c.api.invoke('claims.create', { text: `Claim number ${i} about chips`, notes: 'note '.repeat(200) });
  c.close();
  base = readFileSync(c.path);
});

type Outcome = 'refused' | 'opened intact' | 'opened, content change detected' | 'opened, structure damaged';
const zero = (): Record<Outcome, number> => ({
  refused: 0,
  'opened intact': 0,
  'opened, content change detected': 0,
  'opened, structure damaged': 0,
});

/** Opens a damaged copy: only CaseFileError may escape, and a refused file must be unchanged. */
function tryOpen(file: string): Outcome {
  const before = sha(file);
  let h;
  try {
    h = openCase(file);
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(CaseFileError);
    expect((e as Error).message).toContain(file);
    expect(sha(file), 'a refused file was changed').toBe(before);
    return 'refused';
  }
  try {
    const api = createApi(h.db);
    for (const m of ['case.info', 'claims.list', 'sources.list', 'history.verify', 'history.recent'])
      expect(typeof api.call(m, {}).ok).toBe('boolean');
    try {
      if ((h.db.prepare('PRAGMA integrity_check').pluck().all() as string[]).join() !== 'ok') return 'opened, structure damaged';
      // A flipped byte inside a text cell keeps SQLite's structure valid: the FTS check or the hash chain catches it.
      return caseProblems(h.db).length === 0 ? 'opened intact' : 'opened, content change detected';
    } catch {
      return 'opened, structure damaged';
    }
  } finally {
    closeCase(h);
  }
}

/** A small seeded generator, so a failing case can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

describe('migrations', () => {
  it('an empty (0-byte) file is created at the latest version with our application id', () => {
    const file = join(tempDir(), 'empty.claimtrail');
    writeFileSync(file, '');
    expect(() => openCase(file)).toThrow(/is an empty file, not a ClaimTrail case/);
    const h = openCase(file, { create: true });
    expect(h.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect((h.db.pragma('application_id', { simple: true }) as number) >>> 0).toBe(APPLICATION_ID);
    expect(caseProblems(h.db)).toEqual([]);
    closeCase(h);
  });

  it.each(MIGRATIONS.map((m) => m.version - 1))('a case at version %i migrates to the latest and is whole', (from) => {
    const file = join(tempDir(), `v${from}.claimtrail`);
    const raw = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version <= from)) raw.exec(m.sql);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${from}`);
    raw.close();
    const h = from === 0 ? openCase(file, { create: true }) : openCase(file);
    expect(h.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    createApi(h.db).invoke('claims.create', { text: 'after migration' });
    expect(caseProblems(h.db)).toEqual([]);
    closeCase(h);
  });

  it('a file from a newer ClaimTrail is refused with a clear message and not changed, even with a pending -wal', () => {
    const d = tempDir();
    const file = join(d, 'future.claimtrail');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.exec('CREATE TABLE future (x TEXT)');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.prepare('INSERT INTO future VALUES (?)').run('data only in the wal');
    // Copy while the writer is open: the copy's newest pages are still in its -wal.
    const copy = join(d, 'future-copy.claimtrail');
    copyFileSync(file, copy);
    copyFileSync(`${file}-wal`, `${copy}-wal`);
    raw.close();
    for (const f of [file, copy]) {
      const before = sha(f);
      const walBefore = existsSync(`${f}-wal`) ? sha(`${f}-wal`) : null;
      for (const opts of [{}, { create: true }, { readonly: true }])
        expect(() => openCase(f, opts)).toThrow(
          new RegExp(`written by a newer ClaimTrail \\(case format v${LATEST_VERSION + 1}; this app reads up to v${LATEST_VERSION}\\).*not changed`),
        );
      expect(sha(f)).toBe(before);
      if (walBefore) expect(sha(`${f}-wal`)).toBe(walBefore);
    }
  });
});

describe(`damaged files (${RUNS} truncations, ${RUNS} bit-flip patterns)`, () => {
  it('a truncated case is refused clearly and left unchanged, never opened damaged', () => {
    const next = rng(Number(process.env.CT_SEED ?? 1));
    const counts = zero();
    for (let i = 0; i < RUNS; i++) {
      const file = join(dir, `cut-${i}.claimtrail`);
      writeFileSync(file, base.subarray(0, 100 + Math.floor(next() * (base.length - 100))));
      counts[tryOpen(file)]++;
    }
    console.log(`truncated files: ${JSON.stringify(counts)}`);
    expect(counts.refused).toBe(RUNS);
  });

  it('a case with random bytes flipped is refused clearly (and unchanged) or opens and answers every call', () => {
    const next = rng(Number(process.env.CT_SEED ?? 2));
    const counts = zero();
    for (let i = 0; i < RUNS; i++) {
      const file = join(dir, `flip-${i}.claimtrail`);
      const b = Buffer.from(base);
      const flips = 1 + Math.floor(next() * 16);
      for (let j = 0; j < flips; j++) b[Math.floor(next() * b.length)]! ^= 1 + Math.floor(next() * 255);
      writeFileSync(file, b);
      counts[tryOpen(file)]++;
    }
    console.log(`bit-flipped files: ${JSON.stringify(counts)}`);
    expect(Object.values(counts).reduce((a, b) => a + b)).toBe(RUNS);
  });
});
