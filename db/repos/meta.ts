import type { Settings } from '../../core/types';
import { all, get, run, sql, type DB } from '../sql';

export const DEFAULT_SETTINGS: Settings = { analystName: 'analyst', caveat: '', backupsToKeep: 10, reviewBaseUrl: '' };

export function getMeta(db: DB, key: string): string | undefined {
  return get<{ value: string }>(db, sql`SELECT value FROM meta WHERE key = ${key}`)?.value;
}

export function setMeta(db: DB, key: string, value: string): void {
  run(db, sql`INSERT INTO meta (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
}

export function getSettings(db: DB): Settings {
  const rows = all<{ key: string; value: string }>(db, sql`SELECT key, value FROM meta WHERE key LIKE 'settings.%'`);
  const s: Settings = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    const k = r.key.slice('settings.'.length);
    if (k === 'analystName' || k === 'caveat' || k === 'reviewBaseUrl') s[k] = r.value;
    if (k === 'backupsToKeep') s.backupsToKeep = Number(r.value);
  }
  return s;
}

export function setSetting<K extends keyof Settings>(db: DB, key: K, value: Settings[K]): void {
  setMeta(db, `settings.${key}`, String(value));
}
