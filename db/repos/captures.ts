/**
 * Captured documents (issue 13) as plain SQL functions: blobs (bytes stored once per SHA-256),
 * captures (one document as read on one day) and their extracted pages.
 */
import { createHash } from 'node:crypto';
import type { Capture, CaptureCheck, CaptureOrigin, CapturePage, CaptureProblem, Extraction } from '../../core/types';
import { notFound } from '../errors';
import { all, get, run, sql, type DB } from '../sql';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Pages of a capture's whole text are joined by this (SPEC-13: positions index into the joined text). */
export const PAGE_SEPARATOR = '\n\n';

export interface CaptureRow {
  rowid: number;
  id: string;
  source_rowid: number;
  source_id: string;
  blob_rowid: number;
  sha256: string;
  size: number;
  media_type: string;
  file_name: string | null;
  origin: CaptureOrigin;
  requested_url: string | null;
  final_url: string | null;
  http_status: number | null;
  headers: string;
  accessed_at: string | null;
  captured_at: string;
  title: string | null;
  extraction: Extraction;
  page_count: number;
  text_length: number;
}

const SELECT_CAPTURE = sql`SELECT c.*, s.id AS source_id, b.sha256, b.size FROM captures c
  JOIN sources s ON s.rowid = c.source_rowid JOIN blobs b ON b.rowid = c.blob_rowid`;

export function toCapture(r: CaptureRow): Capture {
  return {
    id: r.id,
    sourceId: r.source_id,
    sha256: r.sha256,
    mediaType: r.media_type,
    fileName: r.file_name,
    byteSize: r.size,
    origin: r.origin,
    requestedUrl: r.requested_url,
    finalUrl: r.final_url,
    httpStatus: r.http_status,
    headers: JSON.parse(r.headers) as Record<string, string>,
    accessedAt: r.accessed_at,
    capturedAt: r.captured_at,
    title: r.title,
    extraction: r.extraction,
    pageCount: r.page_count,
    textLength: r.text_length,
  };
}

export function captureRowById(db: DB, id: string): CaptureRow {
  const row = get<CaptureRow>(db, sql`${SELECT_CAPTURE} WHERE c.id = ${id}`);
  if (!row) throw notFound('capture', id);
  return row;
}

export function captureRowByRowid(db: DB, rowid: number): CaptureRow {
  return get<CaptureRow>(db, sql`${SELECT_CAPTURE} WHERE c.rowid = ${rowid}`)!;
}

/** A source's captures, oldest first. */
export function capturesOfSource(db: DB, sourceRowid: number): CaptureRow[] {
  return all<CaptureRow>(db, sql`${SELECT_CAPTURE} WHERE c.source_rowid = ${sourceRowid} ORDER BY c.captured_at, c.rowid`);
}

/** Every capture of the case, in the order they were stored. */
export function capturesInOrder(db: DB): CaptureRow[] {
  return all<CaptureRow>(db, sql`${SELECT_CAPTURE} ORDER BY c.rowid`);
}

/** The capture of these bytes in this source, if there is one (the same bytes attached twice). */
export function captureOfSourceBySha(db: DB, sourceRowid: number, sha256: string): CaptureRow | undefined {
  return get<CaptureRow>(db, sql`${SELECT_CAPTURE} WHERE c.source_rowid = ${sourceRowid} AND b.sha256 = ${sha256}`);
}

/** The blob with this SHA-256, inserted unless it is already stored; returns its rowid. */
export function ensureBlob(db: DB, sha256: string, bytes: Uint8Array): number {
  const have = get<{ rowid: number }>(db, sql`SELECT rowid FROM blobs WHERE sha256 = ${sha256}`);
  if (have) return have.rowid;
  return Number(run(db, sql`INSERT INTO blobs (sha256, size, bytes) VALUES (${sha256}, ${bytes.byteLength}, ${Buffer.from(bytes)})`).lastInsertRowid);
}

export function blobBytes(db: DB, blobRowid: number): Buffer {
  return get<{ bytes: Buffer }>(db, sql`SELECT bytes FROM blobs WHERE rowid = ${blobRowid}`)!.bytes;
}

/** What a new capture stores besides its blob: the Capture's own fields, its source and its page texts. */
export type NewCapture = Pick<
  Capture,
  'id' | 'mediaType' | 'fileName' | 'origin' | 'requestedUrl' | 'finalUrl' | 'httpStatus' | 'headers' | 'accessedAt' | 'capturedAt' | 'title' | 'extraction'
> & { sourceRowid: number; blobRowid: number; pages: string[] };

/** Inserts the capture and its pages (the word index follows by trigger); returns the capture's rowid. */
export function insertCapture(db: DB, c: NewCapture): number {
  const textLength = c.pages.reduce((n, p) => n + p.length, 0) + Math.max(0, c.pages.length - 1) * PAGE_SEPARATOR.length;
  const rowid = Number(
    run(
      db,
      sql`INSERT INTO captures (id, source_rowid, blob_rowid, media_type, file_name, origin, requested_url, final_url,
            http_status, headers, accessed_at, captured_at, title, extraction, page_count, text_length)
          VALUES (${c.id}, ${c.sourceRowid}, ${c.blobRowid}, ${c.mediaType}, ${c.fileName}, ${c.origin}, ${c.requestedUrl},
            ${c.finalUrl}, ${c.httpStatus}, ${JSON.stringify(c.headers)}, ${c.accessedAt}, ${c.capturedAt}, ${c.title},
            ${c.extraction}, ${c.pages.length}, ${textLength})`,
    ).lastInsertRowid,
  );
  let start = 0;
  c.pages.forEach((text, i) => {
    run(db, sql`INSERT INTO capture_pages (capture_rowid, page, start, text) VALUES (${rowid}, ${i + 1}, ${start}, ${text})`);
    start += text.length + PAGE_SEPARATOR.length;
  });
  return rowid;
}

/** A capture's pages with their texts, in page order. */
export function pagesOfCapture(db: DB, captureRowid: number): (CapturePage & { text: string })[] {
  return all<{ page: number; start: number; text: string }>(
    db,
    sql`SELECT page, start, text FROM capture_pages WHERE capture_rowid = ${captureRowid} ORDER BY page`,
  ).map((p) => ({ page: p.page, start: p.start, length: p.text.length, text: p.text }));
}

/** The capture's whole text: its pages joined by PAGE_SEPARATOR. */
export function wholeText(pages: { text: string }[]): string {
  return pages.map((p) => p.text).join(PAGE_SEPARATOR);
}

/**
 * Re-hashes every stored blob and checks each capture against the history: its bytes must still hash
 * to the SHA-256 they are stored under, and a `capture.added` event must record the capture with that
 * SHA-256. An event naming a capture the case no longer holds is a problem too. Blobs are read one at
 * a time, so memory stays at the largest document.
 */
export function verifyCaptures(db: DB, progress?: (done: number, total: number, label: string) => void): CaptureCheck {
  const brokenBlobs = new Map<number, string>();
  const blobs = all<{ rowid: number; sha256: string; size: number }>(db, sql`SELECT rowid, sha256, size FROM blobs ORDER BY rowid`);
  for (const [i, b] of blobs.entries()) {
    if (i % 100 === 0) progress?.(i, blobs.length, 're-hashing captured documents');
    const bytes = blobBytes(db, b.rowid);
    const actual = sha256Hex(bytes);
    if (actual !== b.sha256)
      brokenBlobs.set(b.rowid, `its stored bytes no longer match their SHA-256: stored as ${b.sha256}, the bytes (${bytes.length} of ${b.size}) now hash to ${actual}`);
    else if (bytes.length !== b.size) brokenBlobs.set(b.rowid, `its stored size (${b.size} bytes) is not the size of its bytes (${bytes.length})`);
  }
  const recorded = new Map<string, { sourceId: string; sha256: Set<string> }>();
  for (const e of all<{ entity_id: string; payload: string }>(db, sql`SELECT entity_id, payload FROM events WHERE kind = 'capture.added' ORDER BY seq`)) {
    const p = JSON.parse(e.payload) as { captureId?: unknown; sha256?: unknown };
    if (typeof p.captureId !== 'string') continue;
    const r = recorded.get(p.captureId) ?? { sourceId: e.entity_id, sha256: new Set<string>() };
    r.sha256.add(String(p.sha256));
    recorded.set(p.captureId, r);
  }
  const problems: CaptureProblem[] = [];
  const captures = capturesInOrder(db);
  for (const c of captures) {
    const problem = { captureId: c.id, sourceId: c.source_id, sha256: c.sha256 };
    const blob = brokenBlobs.get(c.blob_rowid);
    if (blob) problems.push({ ...problem, reason: blob });
    const event = recorded.get(c.id);
    recorded.delete(c.id);
    if (!event) problems.push({ ...problem, reason: 'no capture.added event in the history records it (its event was removed, or it was added outside ClaimTrail)' });
    else if (!event.sha256.has(c.sha256))
      problems.push({ ...problem, reason: `its capture.added event records SHA-256 ${[...event.sha256].join(', ')}, not the ${c.sha256} its bytes are stored under` });
  }
  for (const [captureId, e] of recorded)
    problems.push({ captureId, sourceId: e.sourceId, sha256: [...e.sha256][0] ?? '', reason: 'the history records this capture but the case no longer holds it' });
  return { captures: captures.length, blobs: blobs.length, problems };
}
