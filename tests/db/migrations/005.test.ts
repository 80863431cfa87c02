/** Migration 005 (captured documents) from the previous version (v4) with data. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FTS_TABLES } from '../../../db/migrations/005-captured-documents';
import { closeCase } from '../../../db/open';
import { ftsIntegrity, openMigrated, rowCount as count, sampleCaseAtVersion } from './legacy';

const v4Case = () => sampleCaseAtVersion(4, 'The harbour closes at dusk on 12 March.');

describe('migration 005 (blobs, captures, pages and their word index, quote anchors) from v4 with data', () => {
  it('v4 has none of the tables', () => {
    const db = new Database(v4Case(), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name IN ('blobs', 'captures', 'capture_pages', 'quote_anchors')`).pluck().get()).toBe(0);
    db.close();
  });

  it('keeps every row and the chain; captures then work on the old sources, once per SHA-256', () => {
    const { h, api } = openMigrated(v4Case());
    for (const t of ['blobs', 'captures', 'capture_pages', 'quote_anchors']) expect(count(h.db, t)).toBe(0);
    const source = api.invoke('sources.list', {}).items[0]!;
    const bytes = Buffer.from('Notice: the harbour closes at dusk on 12 March.').toString('base64');
    const first = api.invoke('captures.attach', { sourceId: source.id, bytes, fileName: 'notice.txt' });
    expect(api.invoke('captures.attach', { sourceId: source.id, bytes, fileName: 'notice.txt' }).created).toBe(false);
    // The schema itself refuses a second capture of the same bytes in the same source.
    expect(() =>
      h.db.prepare(`INSERT INTO captures (id, source_rowid, blob_rowid, media_type, origin, captured_at, extraction)
        SELECT 'again', source_rowid, blob_rowid, media_type, origin, captured_at, extraction FROM captures`).run(),
    ).toThrow(/UNIQUE/);
    expect(count(h.db, `capture_pages_fts WHERE capture_pages_fts MATCH 'closing'`)).toBe(1); // stemmed: closes ~ closing
    ftsIntegrity(h.db, [...DOCUMENT_FTS_TABLES]);
    expect(api.invoke('history.verify', {})).toMatchObject({ ok: true, captures: { captures: 1, blobs: 1, problems: [] } });
    expect(first.capture.sourceId).toBe(source.id);
    closeCase(h);
  });
});
