/**
 * Captured documents the raw way (migration 005's tables: blobs, captures, capture_pages and its word
 * index through the insert trigger): the documents-search scale set and tests that need captured text
 * before the store's `captures.attach` can make it. The text is the document (text/plain, UTF-8), its
 * pages joined by two line breaks as docs/documents.md defines a capture's whole text.
 */
import { createHash } from 'node:crypto';
import { newId } from '../../core/ids';
import type { DB } from '../../db/sql';

export const PAGE_JOIN = '\n\n';

export interface RawCapture {
  pages: readonly string[];
  capturedAt: string;
  fileName?: string;
  mediaType?: string;
  /** The stored bytes; the UTF-8 whole text when not given. */
  bytes?: Buffer;
}

export interface RawCaptureSink {
  /** Stores one capture of the source with this rowid; returns the capture's id. */
  capture(sourceRowid: number, c: RawCapture): string;
}

/** Prepared statements bound to one database; call inside a transaction. */
export function rawCaptureSink(db: DB): RawCaptureSink {
  const blob = db.prepare('INSERT INTO blobs (sha256, size, bytes) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING');
  const blobRowid = db.prepare('SELECT rowid FROM blobs WHERE sha256 = ?').pluck();
  const capture = db.prepare(`INSERT INTO captures (id, source_rowid, blob_rowid, media_type, file_name, origin, captured_at, extraction,
      page_count, text_length) VALUES (?, ?, ?, ?, ?, 'file', ?, 'text', ?, ?)`);
  const page = db.prepare('INSERT INTO capture_pages (capture_rowid, page, start, text) VALUES (?, ?, ?, ?)');
  return {
    capture(sourceRowid, c) {
      const whole = c.pages.join(PAGE_JOIN);
      const bytes = c.bytes ?? Buffer.from(whole, 'utf8');
      const sha = createHash('sha256').update(bytes).digest('hex');
      blob.run(sha, bytes.length, bytes);
      const id = newId();
      const rowid = capture.run(id, sourceRowid, blobRowid.get(sha), c.mediaType ?? 'text/plain', c.fileName ?? null, c.capturedAt, c.pages.length, whole.length)
        .lastInsertRowid;
      let start = 0;
      c.pages.forEach((text, i) => {
        page.run(rowid, i + 1, start, text);
        start += text.length + PAGE_JOIN.length;
      });
      return id;
    },
  };
}
