/**
 * The user data folder: the recent cases (so `--case` can be left out), the user settings shared by
 * all cases (the analyst's name), the sample case, the rolling backups, web mode's kept secrets.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { RecentCase } from '../core/contract/session';

export function userDataDir(): string {
  if (process.env.CLAIMTRAIL_HOME) return process.env.CLAIMTRAIL_HOME;
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'claimtrail');
}

interface State {
  recent: string[];
}

const stateFile = (dir: string) => join(dir, 'state.json');

function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(value, null, 2));
  renameSync(`${file}.tmp`, file);
}

export function readState(dir = userDataDir()): State {
  try {
    const s = JSON.parse(readFileSync(stateFile(dir), 'utf8')) as Partial<State>;
    return { recent: Array.isArray(s.recent) ? s.recent.filter((x): x is string => typeof x === 'string') : [] };
  } catch {
    return { recent: [] };
  }
}

export function rememberCase(path: string, dir = userDataDir()): void {
  const abs = resolve(path);
  const s = readState(dir);
  s.recent = [abs, ...s.recent.filter((p) => p !== abs)].slice(0, 10);
  writeJson(stateFile(dir), s);
}

export function lastCase(): string | null {
  return readState().recent.find((p) => existsSync(p)) ?? null;
}

/** The recent-case list as the case switcher shows it (the desktop's Open Recent reads the same list). */
export function recentCases(dir = userDataDir()): RecentCase[] {
  return readState(dir).recent.map((path) => ({
    path,
    name: basename(path).replace(/\.claimtrail$/i, ''),
    folder: dirname(path),
    exists: existsSync(path),
  }));
}

/** Settings of the person using ClaimTrail, shared by all cases (settings.json). */
export interface UserSettings {
  /** Who records each change and signs briefings; see docs/desktop-and-web.md "The analyst's name". */
  analystName?: string;
}

const settingsFile = (dir: string) => join(dir, 'settings.json');

export function readUserSettings(dir = userDataDir()): UserSettings {
  try {
    const s = JSON.parse(readFileSync(settingsFile(dir), 'utf8')) as Record<string, unknown>;
    return typeof s.analystName === 'string' && s.analystName.trim() !== '' ? { analystName: s.analystName } : {};
  } catch {
    return {};
  }
}

export function writeUserSettings(change: UserSettings, dir = userDataDir()): UserSettings {
  const next = { ...readUserSettings(dir), ...change };
  writeJson(settingsFile(dir), next);
  return next;
}

export function sampleCasePath(): string {
  return join(userDataDir(), 'sample.claimtrail');
}

/** Rolling automatic backups, one folder per case (db/transfer/rolling.ts). */
export function backupsRoot(): string {
  return join(userDataDir(), 'backups');
}
