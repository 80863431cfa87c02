/**
 * The scale case is generated once and kept under bench/.cache/ (gitignored), keyed by scale, seed,
 * generator version and schema version, so every later run reuses it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LATEST_VERSION } from '../../db/migrations/index';
import { closeCase, openCase } from '../../db/open';
import { writeSnapshot } from '../../db/records/snapshot';
import { DEFAULT_SEED, generateCase } from './generate';
import { rawBulkLoad, rawSink, type LoadCounts } from './raw-load';

/** Bump when the generator's output changes. */
export const GENERATOR_VERSION = 3;
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../.cache/', import.meta.url));

export interface ScaleCase {
  path: string;
  counts: LoadCounts;
  /** Seconds it took to build now, or null when it came from the cache. */
  builtIn: number | null;
}

export function scaleCasePath(dir: string, scale: number, seed = DEFAULT_SEED): string {
  return join(dir, `scale-${scale}-seed${seed}-g${GENERATOR_VERSION}-s${LATEST_VERSION}.claimtrail`);
}

/** Fills a fresh case file at `path` with the generated set, the raw way. */
export function buildScaleCase(path: string, scale: number, seed = DEFAULT_SEED): LoadCounts {
  const h = openCase(path, { create: true, captureChanges: false });
  try {
    const sink = rawSink(h.db);
    rawBulkLoad(h.db, () => generateCase({ scale, seed }, sink));
    // Written the raw way, its state starts the replayable history as a migrated case's does.
    // writeSnapshot appends each part's event while still iterating the rows (db/records/snapshot.ts),
    // which better-sqlite3 refuses past one part (2,000 rows) unless unsafe mode is on; the rows it
    // reads are not the events it writes, so the iteration is unaffected.
    h.db.unsafeMode(true);
    try {
      h.db.transaction(() => writeSnapshot(h.db, '2026-01-01T00:00:00.000Z', 'bench scale case: the generated state'))();
    } finally {
      h.db.unsafeMode(false);
    }
    h.db.pragma('wal_checkpoint(TRUNCATE)');
    return sink.counts;
  } finally {
    closeCase(h);
  }
}

export function scaleCase(scale: number, dir = DEFAULT_CACHE_DIR, seed = DEFAULT_SEED): ScaleCase {
  mkdirSync(dir, { recursive: true });
  return cachedCase(scaleCasePath(dir, scale, seed), (tmp) => buildScaleCase(tmp, scale, seed));
}

/**
 * A case file built once at `path` (by `build`, into a temporary name renamed when done) and reused
 * while it and its marker (`path`.json, the counts `build` returned) exist.
 */
export function cachedCase<C>(path: string, build: (tmp: string) => C): { path: string; counts: C; builtIn: number | null } {
  const marker = `${path}.json`;
  if (existsSync(path) && existsSync(marker)) return { path, counts: JSON.parse(readFileSync(marker, 'utf8')) as C, builtIn: null };
  const tmp = `${path}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, path]) rmSync(f, { force: true });
  const t0 = performance.now();
  const counts = build(tmp);
  renameSync(tmp, path);
  writeFileSync(marker, JSON.stringify(counts));
  return { path, counts, builtIn: (performance.now() - t0) / 1000 };
}
