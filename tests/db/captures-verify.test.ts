/**
 * `verify` re-hashes every captured document (issue 13): bytes changed by raw SQL, a capture added
 * outside ClaimTrail (no capture.added event) and a capture pointed at other bytes than its event
 * records are each named, by history.verify and by `claimtrail verify` (exit 1, --json).
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../core/types';
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { cli, cliHome } from '../cli/run';
import { tempCase } from '../helpers';

const b64 = (s: string) => Buffer.from(s).toString('base64');

function caseWithCaptures() {
  const c = tempCase();
  const a = c.api.invoke('sources.create', { title: 'Port authority notice' });
  const b = c.api.invoke('sources.create', { title: 'Newspaper reprint' });
  const shared = b64('Notice: the harbour closes at dusk on 12 March.');
  const one = c.api.invoke('captures.attach', { sourceId: a.id, bytes: shared, fileName: 'notice.txt' }).capture;
  const two = c.api.invoke('captures.attach', { sourceId: b.id, bytes: shared, fileName: 'reprint.txt' }).capture;
  const other = c.api.invoke('captures.attach', { sourceId: b.id, bytes: b64('An unrelated later page.'), fileName: 'later.txt' }).capture;
  c.close();
  return { path: c.path, a, b, one, two, other };
}

function verifyFile(path: string): VerifyResult {
  const h = openCase(path);
  try {
    return createApi(h.db, { path }).invoke('history.verify', {});
  } finally {
    closeCase(h);
  }
}

function raw(path: string, fn: (db: Database.Database) => void): void {
  const db = new Database(path);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

beforeAll(() => {
  cliHome();
});

describe('verify re-hashes captured documents', () => {
  it('an intact case: every capture checked, every blob re-hashed', async () => {
    const { path } = caseWithCaptures();
    const v = verifyFile(path);
    expect(v).toMatchObject({ ok: true, firstBroken: null, captures: { captures: 3, blobs: 2, problems: [] } });
    const r = await cli('--case', path, 'verify');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/History intact: \d+ events.*\nCaptured documents intact: 3 captures, 2 stored documents re-hashed/);
  });

  it('names every capture whose bytes were changed by raw SQL (both sharing the blob), and exits 1', async () => {
    const { path, one, two, other } = caseWithCaptures();
    raw(path, (db) => db.prepare("UPDATE blobs SET bytes = CAST('Notice: the harbour closes at dawn on 12 March.' AS BLOB) WHERE sha256 = ?").run(one.sha256));
    const v = verifyFile(path);
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toBeNull();
    expect(v.captures!.problems.map((p) => p.captureId).sort()).toEqual([one.id, two.id].sort());
    expect(v.captures!.problems.map((p) => p.captureId)).not.toContain(other.id);
    expect(v.captures!.problems[0]!.reason).toMatch(new RegExp(`no longer match their SHA-256: stored as ${one.sha256}, the bytes .* now hash to [0-9a-f]{64}`));

    const text = await cli('--case', path, 'verify');
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/History intact/);
    expect(text.out).toContain('Captured documents CHANGED: 2 problems in 3 captures');
    expect(text.out).toContain(`capture ${one.id} of source ${one.sourceId}: its stored bytes no longer match`);
    const json = await cli('--case', path, '--json', 'verify');
    expect(json.code).toBe(1);
    expect(json.json<VerifyResult>().captures!.problems).toHaveLength(2);
  });

  it('names a capture with no capture.added event and one whose event records other bytes', () => {
    const { path, one, other } = caseWithCaptures();
    raw(path, (db) => {
      const blob = db.prepare('SELECT rowid FROM blobs WHERE sha256 = ?').get(other.sha256) as { rowid: number };
      db.prepare('UPDATE captures SET blob_rowid = ? WHERE id = ?').run(blob.rowid, one.id);
      const smuggled = Buffer.from('Bytes no event ever recorded.');
      const rowid = db.prepare('INSERT INTO blobs (sha256, size, bytes) VALUES (?, ?, ?)').run(createHash('sha256').update(smuggled).digest('hex'), smuggled.length, smuggled).lastInsertRowid;
      db.prepare(
        `INSERT INTO captures (id, source_rowid, blob_rowid, media_type, origin, captured_at, extraction)
         SELECT 'smuggled-capture', source_rowid, ?, media_type, origin, captured_at, extraction FROM captures WHERE id = ?`,
      ).run(rowid, other.id);
    });
    const v = verifyFile(path);
    expect(v.ok).toBe(false);
    const byId = new Map(v.captures!.problems.map((p) => [p.captureId, p.reason]));
    expect(byId.get(one.id)).toMatch(`its capture.added event records SHA-256 ${one.sha256}, not the ${other.sha256}`);
    expect(byId.get('smuggled-capture')).toMatch(/no capture\.added event in the history records it/);
    expect(byId.size).toBe(2);
  });

  it('names a capture the history records but the case no longer holds', () => {
    const { path, other } = caseWithCaptures();
    raw(path, (db) => {
      db.prepare('DELETE FROM capture_pages WHERE capture_rowid = (SELECT rowid FROM captures WHERE id = ?)').run(other.id);
      db.prepare('DELETE FROM captures WHERE id = ?').run(other.id);
    });
    const v = verifyFile(path);
    expect(v.captures!.problems).toEqual([
      { captureId: other.id, sourceId: other.sourceId, sha256: other.sha256, reason: 'the history records this capture but the case no longer holds it' },
    ]);
  });
});
