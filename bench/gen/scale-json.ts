/**
 * The scale set as a ClaimTrail JSON file (what `claimtrail export --format json` writes), kept beside
 * the cached scale case in bench/.cache/ so the import rows and `tsx bench/gen/scale-json.ts` reuse it.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { exportSnapshot } from '../../core/transfer/export';
import { closeCase, openCase } from '../../db/open';
import { readSnapshot } from '../../db/transfer/read';
import { DEFAULT_CACHE_DIR, scaleCase } from './cache';

/** The JSON export of `casePath` at `casePath`.json-export, written once. */
export function scaleJsonFile(casePath: string): string {
  const out = `${casePath}.export.json`;
  if (existsSync(out)) return out;
  const h = openCase(casePath, { readonly: true });
  try {
    // A fixed export time, so the file is the same on every build of the same case.
    const { content } = exportSnapshot(readSnapshot(h.db, '2026-01-01T00:00:00.000Z'), 'json');
    writeFileSync(`${out}.tmp`, content);
    renameSync(`${out}.tmp`, out);
  } finally {
    closeCase(h);
  }
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const scale = Number(process.argv[2] ?? '1');
  const c = scaleCase(scale, DEFAULT_CACHE_DIR);
  process.stdout.write(`${scaleJsonFile(c.path)}\n`);
}
