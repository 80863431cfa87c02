/**
 * Regression (found by the 1,000-kill crash loop): a writer killed in the middle of a WAL
 * checkpoint leaves page 1 (with the grown page count) in the main file before the pages after it.
 * The -wal still holds every page, so the case is whole — it must open, not be refused as truncated.
 */
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { tempCase, tempDir } from '../helpers';
import { caseProblems } from './integrity';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** The newest copy of page 1 in a -wal file. */
function lastPageOne(wal: Buffer, pageSize: number): Buffer {
  let found: Buffer | null = null;
  for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize)
    if (wal.readUInt32BE(at) === 1) found = wal.subarray(at + FRAME_HEADER, at + FRAME_HEADER + pageSize);
  if (!found) throw new Error('page 1 is not in the wal');
  return found;
}

describe('a checkpoint cut short by a crash', () => {
  it('reopens from the -wal with every commit and integrity ok', () => {
    const c = tempCase({ sample: true });
    c.close();
    // A writer that never checkpoints grows the case in its -wal only.
    const writer = new Database(c.path);
    writer.pragma('wal_autocheckpoint = 0');
    const api = createApi(writer);
    const ids = Array.from({ length: 300 }, (_, i) => api.invoke('claims.create', { text: `Claim ${i}`, notes: 'x '.repeat(300) }).id);
    const d = tempDir();
    const file = join(d, 'cut.claimtrail');
    copyFileSync(c.path, file);
    copyFileSync(`${c.path}-wal`, `${file}-wal`);
    writer.close();

    // The checkpoint's first write: page 1, which now counts pages the file does not have yet.
    const pageSize = readFileSync(file).readUInt16BE(16);
    const main = readFileSync(file);
    const page1 = lastPageOne(readFileSync(`${file}-wal`), pageSize);
    page1.copy(main, 0);
    writeFileSync(file, main);
    expect(statSync(file).size).toBeLessThan(page1.readUInt32BE(28) * pageSize);

    const h = openCase(file);
    expect(h.recovered).toBe(true);
    const got = h.db.prepare('SELECT count(*) FROM claims WHERE id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(ids));
    expect(got).toBe(ids.length);
    expect(caseProblems(h.db)).toEqual([]);
    closeCase(h);
  });
});
