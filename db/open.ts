/**
 * Opening a case file (DESIGN §9): refuse foreign or newer files before anything is written,
 * set the durability pragmas, migrate on user_version, check integrity after an unclean shutdown.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { CaseFileError } from './errors';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS } from './migrations/index';
import { schemaProblems } from './schema-check';
import type { DB } from './sql';
import { installChangeCapture } from './records/capture';

export interface OpenOptions {
  /** Create the file when missing (an empty file counts as missing). */
  create?: boolean;
  readonly?: boolean;
  /**
   * Note every row change for the history (db/records/capture.ts; default true). Only raw loaders
   * that stand for "SQLite without the product" (the benchmarks' baselines) turn it off.
   */
  captureChanges?: boolean;
}

export interface CaseHandle {
  db: DB;
  path: string;
  /** True when the previous session did not close cleanly and quick_check was run. */
  recovered: boolean;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

interface Header {
  userVersion: number;
  applicationId: number;
}

/** Checks the file's magic without SQLite, so that a foreign file is never opened (or written) by it. */
function readHeader(path: string, walPending: boolean): 'empty' | 'sqlite' {
  const size = statSync(path).size;
  if (size === 0) return 'empty';
  if (size < 100) throw new CaseFileError(path, `${path} is not a ClaimTrail case: it is too short to be a database (${size} bytes)`);
  const buf = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (buf.toString('latin1', 0, 16) !== SQLITE_MAGIC)
    throw new CaseFileError(path, `${path} is not a ClaimTrail case: it is not an SQLite database`);
  // The header's page count is trustworthy when its "version-valid-for" matches the change counter,
  // and only without a pending -wal: a checkpoint killed half-way leaves page 1 (the new size) in the
  // file before the pages after it; the -wal still holds them all, and quick_check runs on recovery.
  const pageSize = buf.readUInt16BE(16) === 1 ? 65536 : buf.readUInt16BE(16);
  const pages = buf.readUInt32BE(28);
  if (!walPending && buf.readUInt32BE(92) === buf.readUInt32BE(24) && size < pageSize * pages)
    throw new CaseFileError(
      path,
      `${path} is damaged: it is truncated (${size} bytes of ${pageSize * pages}); restore it from a backup. The file was not changed.`,
    );
  return 'sqlite';
}

function checkHeader(path: string, h: Header): void {
  if (h.applicationId !== APPLICATION_ID && !(h.applicationId === 0 && h.userVersion === 0))
    throw new CaseFileError(path, `${path} is not a ClaimTrail case: it is an SQLite database of another application`);
  if (h.applicationId === 0 && h.userVersion === 0)
    throw new CaseFileError(path, `${path} is not a ClaimTrail case: it is an SQLite database without a ClaimTrail schema`);
  if (h.userVersion > LATEST_VERSION)
    throw new CaseFileError(
      path,
      `${path} was written by a newer ClaimTrail (case format v${h.userVersion}; this app reads up to v${LATEST_VERSION}). Update ClaimTrail to open it; the file was not changed.`,
    );
}

/** Read through SQLite (not the raw header): after a crash the newest header may still be in the WAL. */
function readIdentity(db: DB): Header {
  return {
    userVersion: db.pragma('user_version', { simple: true }) as number,
    applicationId: (db.pragma('application_id', { simple: true }) as number) >>> 0,
  };
}

function setPragmas(db: DB, readonly: boolean): void {
  db.pragma('foreign_keys = ON');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
}

export function migrate(db: DB): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) throw new Error(`case format v${current} is newer than this app (v${LATEST_VERSION})`);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.after?.(db);
      if (m.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Refuses a file whose schema is not exactly what the migrations create for its version (db/schema-check.ts). */
function checkSchema(path: string, db: DB, version: number): void {
  const problems = schemaProblems(db, version);
  if (!problems.length) return;
  const shown = problems.slice(0, 6).join('; ') + (problems.length > 6 ? `; and ${problems.length - 6} more` : '');
  throw new CaseFileError(
    path,
    `${path} was refused: its database holds SQL that ClaimTrail does not create (${shown}). A case file can carry triggers or views that would run on open; the file was not opened and not changed.`,
  );
}

/**
 * Reads the identity and the schema through a read-only connection first: a read-write connection
 * that is closed checkpoints the -wal into the file, which would change a refused (foreign, newer or
 * hostile) case, and nothing of the file's own SQL may run before its schema is known to be ours.
 */
function checkFileReadOnly(path: string): void {
  let probe: DB;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new CaseFileError(path, `${path} could not be opened: ${(e as Error).message}`);
  }
  try {
    probe.pragma('trusted_schema = OFF');
    const identity = readIdentity(probe);
    checkHeader(path, identity);
    checkSchema(path, probe, identity.userVersion);
  } catch (e) {
    if (e instanceof CaseFileError) throw e;
    throw new CaseFileError(path, `${path} could not be opened as a ClaimTrail case: ${(e as Error).message}`);
  } finally {
    probe.close();
  }
}

export function openCase(path: string, opts: OpenOptions = {}): CaseHandle {
  const exists = existsSync(path);
  const walExists = existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0;
  const header = exists ? readHeader(path, walExists) : 'empty';
  if (header === 'empty' && !opts.create)
    throw new CaseFileError(path, exists ? `${path} is an empty file, not a ClaimTrail case` : `no case file at ${path}`);
  if (header !== 'empty') checkFileReadOnly(path);
  let db: DB;
  try {
    db = new Database(path, { readonly: !!opts.readonly, fileMustExist: !opts.create });
  } catch (e) {
    throw new CaseFileError(path, `${path} could not be opened: ${(e as Error).message}`);
  }
  try {
    // Nothing may be written before the file is known to be ours and not from the future.
    db.pragma('trusted_schema = OFF');
    db.pragma('busy_timeout = 5000');
    if (header !== 'empty') checkHeader(path, readIdentity(db));
    setPragmas(db, !!opts.readonly);
    const recovered = header !== 'empty' && walExists;
    if (recovered) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new CaseFileError(path, `${path} is damaged (quick_check: ${String(check)}); restore it from a backup`);
    }
    if (!opts.readonly) {
      migrate(db);
      if (opts.captureChanges !== false) installChangeCapture(db);
    }
    return { db, path, recovered };
  } catch (e) {
    db.close();
    if (e instanceof CaseFileError) throw e;
    throw new CaseFileError(path, `${path} could not be opened as a ClaimTrail case: ${(e as Error).message}`);
  }
}

export function closeCase(h: CaseHandle): void {
  if (h.db.open) h.db.close();
}
