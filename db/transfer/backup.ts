/**
 * Backups only through SQLite's online backup API (consistent while others keep writing), rolling
 * automatic backups that keep the last N, and restore into a NEW file (never over an existing one).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CaseFileError } from '../errors';
import { closeCase, openCase } from '../open';
import { getSettings } from '../repos/meta';
import type { DB } from '../sql';

function refuseExisting(file: string): void {
  if (existsSync(file) && statSync(file).size > 0)
    throw new CaseFileError(file, `${file} already exists; choose a new file name (a backup or restore never overwrites a file)`);
}

/** Copies the open case to `file` with the online backup API; the copy is checked before it counts. */
export async function backupCase(db: DB, file: string): Promise<{ file: string; pages: number }> {
  refuseExisting(file);
  mkdirSync(dirname(file), { recursive: true });
  const r = await db.backup(file);
  // A backup is one self-contained file: no -wal or -shm beside it.
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new CaseFileError(file, `the backup ${file} failed its integrity check (${String(check)})`);
  } finally {
    copy.close();
  }
  return { file, pages: r.totalPages };
}

/** Where automatic backups of a case go: a sibling folder named after the case. */
export function backupDir(casePath: string): string {
  return join(dirname(casePath), `${basename(casePath)}.backups`);
}

/** Timestamped file names sort in time order. */
function stamp(now: string): string {
  return now.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Takes an automatic backup and deletes the oldest beyond settings.backupsToKeep (0 turns them off). */
export async function rollingBackup(db: DB, casePath: string, now = new Date().toISOString()): Promise<{ file: string | null; removed: string[] }> {
  const keep = getSettings(db).backupsToKeep;
  if (keep <= 0) return { file: null, removed: [] };
  const dir = backupDir(casePath);
  mkdirSync(dir, { recursive: true });
  let file = join(dir, `${stamp(now)}.claimtrail`);
  for (let n = 2; existsSync(file); n++) file = join(dir, `${stamp(now)}-${n}.claimtrail`);
  await backupCase(db, file);
  const all = readdirSync(dir)
    .filter((f) => /^\d{8}T\d{6}Z(-\d+)?\.claimtrail$/.test(f))
    .sort();
  const removed = all.slice(0, Math.max(0, all.length - keep)).map((f) => join(dir, f));
  for (const f of removed) rmSync(f, { force: true });
  return { file, removed };
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
