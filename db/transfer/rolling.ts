/**
 * Rolling automatic backups: at most one per case per (UTC) day when the app or web mode opens it,
 * or on demand (`claimtrail backup --rolling`), keeping the last settings.backupsToKeep.
 *
 * They live in the user data folder, one folder per case: `<root>/<file name>-<8 hex of its full
 * path>/<file stem>-<UTC stamp>.claimtrail`. The stamps in the file names are the record of when
 * the last backup was taken, so opening a case never writes to it. A copy is made under a hidden
 * `.partial` name and renamed only after it passed integrity_check, so an interrupted backup never
 * counts as one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { getSettings } from '../repos/meta';
import type { DB } from '../sql';
import { backupCase } from './backup';

export interface RollingResult {
  /** The new backup, or null when none was taken. */
  file: string | null;
  /** Older backups deleted to keep the last N. */
  removed: string[];
  /** Why none was taken: turned off (backupsToKeep 0), or one was already taken today. */
  skipped?: 'off' | 'today';
}

export interface RollingOptions {
  /** The backups folder of the user data folder (db/user-data.ts backupsRoot()). */
  root: string;
  /** ISO time; defaults to now. */
  now?: string;
  /** Take one even if there is one from today (`backup --rolling`). */
  force?: boolean;
  /** Checks the copy (default: verifyCopy on this thread). */
  verify?: (file: string) => void | Promise<void>;
}

const EXT = '.claimtrail';

const stem = (casePath: string) => {
  const name = basename(casePath);
  return name.toLowerCase().endsWith(EXT) ? name.slice(0, -EXT.length) : name;
};

/** The folder that holds one case's backups; the hash keeps same-named cases in different folders apart. */
export function caseBackupDir(root: string, casePath: string): string {
  const abs = resolve(casePath);
  const tag = createHash('sha256').update(abs).digest('hex').slice(0, 8);
  return join(root, `${basename(abs)}-${tag}`);
}

/** 2025-01-02T03:04:05.678Z → 20250102T030405Z (sorts in time order). */
export function stamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`Not a time: ${iso}`);
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export interface BackupEntry {
  file: string;
  stamp: string;
  seq: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** This case's finished backups in the folder, oldest first (same-second copies by their -N). */
export function listBackups(dir: string, casePath: string): BackupEntry[] {
  if (!existsSync(dir)) return [];
  const re = new RegExp(`^${escape(stem(casePath))}-(\\d{8}T\\d{6}Z)(?:-(\\d+))?${escape(EXT)}$`);
  const out: BackupEntry[] = [];
  for (const f of readdirSync(dir)) {
    const m = re.exec(f);
    if (m) out.push({ file: join(dir, f), stamp: m[1]!, seq: m[2] ? Number(m[2]) : 1 });
  }
  return out.sort((a, b) => (a.stamp === b.stamp ? a.seq - b.seq : a.stamp < b.stamp ? -1 : 1));
}

/** True when no backup carries today's UTC date (a backup stamped later than now, after a clock change, also counts as today's). */
export function backupDue(latest: string | null, nowStamp: string): boolean {
  return latest === null || latest.slice(0, 8) < nowStamp.slice(0, 8);
}

/** The entries to delete so that `keep` remain (the oldest go first). */
export function toPrune(entries: BackupEntry[], keep: number): BackupEntry[] {
  return entries.slice(0, Math.max(0, entries.length - keep));
}

/** Takes a rolling backup of the open case at `casePath` if one is due, then prunes to the last N. */
export async function rollingBackup(db: DB, casePath: string, opts: RollingOptions): Promise<RollingResult> {
  const keep = getSettings(db).backupsToKeep;
  if (keep <= 0) return { file: null, removed: [], skipped: 'off' };
  const dir = caseBackupDir(opts.root, casePath);
  const now = stamp(opts.now ?? new Date().toISOString());
  const before = listBackups(dir, casePath);
  if (!opts.force && !backupDue(before.at(-1)?.stamp ?? null, now)) return { file: null, removed: [], skipped: 'today' };
  mkdirSync(dir, { recursive: true });
  // Within one second, a later copy gets a higher -N than any kept so far (never a freed lower one,
  // which would sort as the oldest and be pruned at once).
  const seq = Math.max(0, ...before.filter((e) => e.stamp === now).map((e) => e.seq)) + 1;
  let file = join(dir, `${stem(casePath)}-${now}${seq > 1 ? `-${seq}` : ''}${EXT}`);
  for (let n = seq + 1; existsSync(file); n++) file = join(dir, `${stem(casePath)}-${now}-${n}${EXT}`);
  // Copies left unchecked by an interrupted backup never count; clear them away.
  for (const f of readdirSync(dir)) if (f.startsWith(`.${stem(casePath)}-`) && f.endsWith('.partial')) rmSync(join(dir, f), { force: true });
  const partial = join(dir, `.${basename(file)}.partial`);
  try {
    await backupCase(db, partial, opts.verify);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  const removed = toPrune(listBackups(dir, casePath), keep).map((e) => e.file);
  for (const f of removed) rmSync(f, { force: true });
  return { file, removed };
}
