/** The user data folder: the recent cases (so `--case` can be left out), the sample case, the rolling backups. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export function userDataDir(): string {
  if (process.env.CLAIMTRAIL_HOME) return process.env.CLAIMTRAIL_HOME;
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'claimtrail');
}

interface State {
  recent: string[];
}

const stateFile = () => join(userDataDir(), 'state.json');

export function readState(): State {
  try {
    const s = JSON.parse(readFileSync(stateFile(), 'utf8')) as Partial<State>;
    return { recent: Array.isArray(s.recent) ? s.recent.filter((x): x is string => typeof x === 'string') : [] };
  } catch {
    return { recent: [] };
  }
}

export function rememberCase(path: string): void {
  const abs = resolve(path);
  const s = readState();
  s.recent = [abs, ...s.recent.filter((p) => p !== abs)].slice(0, 10);
  const file = stateFile();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(s, null, 2));
  renameSync(`${file}.tmp`, file);
}

export function lastCase(): string | null {
  return readState().recent.find((p) => existsSync(p)) ?? null;
}

export function sampleCasePath(): string {
  return join(userDataDir(), 'sample.claimtrail');
}

/** Rolling automatic backups, one folder per case (db/transfer/rolling.ts). */
export function backupsRoot(): string {
  return join(userDataDir(), 'backups');
}
