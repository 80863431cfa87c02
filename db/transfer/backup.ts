/**
 * Backups only through SQLite's online backup API (consistent while others keep writing), and
 * restore into a NEW file (never over an existing one). Rolling automatic backups: ./rolling.ts.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { CaseFileError } from '../errors';
import { closeCase, openCase } from '../open';
import type { DB } from '../sql';

function refuseExisting(file: string): void {
  if (existsSync(file) && statSync(file).size > 0)
    throw new CaseFileError(file, `${file} already exists; choose a new file name (a backup or restore never overwrites a file)`);
}

/** Makes a fresh copy one self-contained file (no -wal or -shm beside it) and checks its integrity. */
export function verifyCopy(file: string): void {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new CaseFileError(file, `the backup ${file} failed its integrity check (${String(check)})`);
  } finally {
    copy.close();
  }
}

/**
 * Copies the open case to `file` with the online backup API; the copy is checked before it counts.
 * `verify` may run the check elsewhere (the database worker hands it to a helper thread).
 */
export async function backupCase(db: DB, file: string, verify: (file: string) => void | Promise<void> = verifyCopy): Promise<{ file: string; pages: number }> {
  refuseExisting(file);
  mkdirSync(dirname(file), { recursive: true });
  const r = await db.backup(file);
  await verify(file);
  return { file, pages: r.totalPages };
}

/** Restores a backup into a new case file: the backup is opened read-only and checked first. */
export async function restoreCase(backupFile: string, toFile: string): Promise<{ file: string }> {
  refuseExisting(toFile);
  const source = openCase(backupFile, { readonly: true });
  try {
    const check = source.db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new CaseFileError(backupFile, `${backupFile} is damaged (integrity_check: ${String(check)}); try an older backup`);
    mkdirSync(dirname(toFile), { recursive: true });
    await source.db.backup(toFile);
  } finally {
    closeCase(source);
  }
  closeCase(openCase(toFile));
  return { file: toFile };
}
