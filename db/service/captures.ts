/**
 * Handlers of the captured-documents methods (issue 13) and `storeCapture`, the one way bytes become a
 * capture (attached files here, fetched pages in capture-url.ts): size limit, dedupe by SHA-256,
 * extraction, the `capture.added` event, empty source fields filled from the document's metadata and
 * the source's quotes re-anchored — all in one transaction.
 */
import { contract, type ApiHandlers } from '../../core/api';
import { MAX_CAPTURE_BYTES, type CaptureOutcome } from '../../core/contract/captures';
import { newId } from '../../core/ids';
import type { Capture, CaptureOrigin, Source } from '../../core/types';
import { DocumentError, extractDocumentSync, type DocumentMeta, type ExtractedDocument } from '../documents/extract';
import { invalid } from '../errors';
import {
  blobBytes,
  captureOfSourceBySha,
  captureRowById,
  captureRowByRowid,
  capturesOfSource,
  ensureBlob,
  insertCapture,
  type NewCapture,
  pagesOfCapture,
  sha256Hex,
  toCapture,
  wholeText,
} from '../repos/captures';
import { sourceRowById, toSource } from '../repos/sources';
import { locateSpan, reanchorSource } from './anchors';
import { cancelRequested, record, type Ctx } from './context';
import { sourceHandlers } from './sources';

type H = Pick<ApiHandlers, 'captures.attach' | 'captures.list' | 'captures.get' | 'captures.bytes' | 'captures.locate'>;

export interface StoreCaptureInput {
  sourceId: string;
  bytes: Uint8Array;
  fileName?: string | null;
  /** A hint only: the extractor sniffs the type from the bytes. */
  mediaType?: string | null;
  accessedAt?: string | null;
  origin: CaptureOrigin;
  requestedUrl?: string | null;
  finalUrl?: string | null;
  httpStatus?: number | null;
  headers?: Record<string, string>;
  /** These bytes already extracted by the caller (captures.fetch reads the metadata first to make the source). */
  extracted?: ExtractedDocument;
}

const MB = 1024 * 1024;
const MAX_TITLE = 2_000;

function formatSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** Refuses a document over the limit (callers that read files check before reading them). */
export function checkCaptureSize(byteSize: number, what: string): void {
  if (byteSize > MAX_CAPTURE_BYTES)
    throw invalid(`${what} is ${formatSize(byteSize)} (${byteSize} bytes); a capture may hold at most ${MAX_CAPTURE_BYTES / MB} MB (${MAX_CAPTURE_BYTES} bytes).`);
  if (byteSize === 0) throw invalid(`${what} is empty (0 bytes): there is nothing to capture.`);
}

function describe(input: StoreCaptureInput): string {
  if (input.fileName) return `"${input.fileName}"`;
  const url = input.finalUrl ?? input.requestedUrl;
  return url ? `the document at ${url}` : 'the document';
}

function extract(ctx: Ctx, input: StoreCaptureInput, what: string): ExtractedDocument {
  try {
    return extractDocumentSync(
      input.bytes,
      { fileName: input.fileName ?? null, mediaType: input.mediaType ?? null },
      { onProgress: (done, total, label) => ctx.progress(done, total, label), isCancelled: () => cancelRequested(ctx) },
    );
  } catch (e) {
    if (e instanceof DocumentError) throw invalid(`${what} cannot be captured: ${e.message} Nothing was stored.`);
    throw e;
  }
}

type FillableField = 'publisher' | 'authors' | 'publishedAt' | 'url' | 'doi' | 'accessedAt';

/**
 * The source fields the analyst left empty that the document's metadata (or the capture) can fill: per
 * field its candidates, most trusted first; the first the contract accepts is taken.
 */
function fillableFields(source: Source, meta: DocumentMeta, input: StoreCaptureInput): Partial<Pick<Source, FillableField>> {
  const offered: Record<FillableField, unknown[]> = {
    publisher: [meta.publisher?.trim() || undefined],
    authors: [meta.authors?.map((a) => a.trim()).filter(Boolean)],
    publishedAt: [meta.publishedAt],
    url: [meta.url, input.finalUrl, input.requestedUrl],
    doi: [meta.doi?.trim() || undefined],
    accessedAt: [input.accessedAt],
  };
  const schema = contract['sources.update'].input;
  const out: Record<string, unknown> = {};
  for (const [key, candidates] of Object.entries(offered) as [FillableField, unknown[]][]) {
    const empty = key === 'authors' ? source.authors.length === 0 : source[key] === null;
    if (!empty) continue;
    // Metadata is untrusted: a value the contract would refuse from the analyst is not filled in.
    const value = candidates.find(
      (v) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && schema.safeParse({ id: source.id, [key]: v }).success,
    );
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** What every `capture.added` event carries (SPEC-13); an imported capture's adds the import's id. */
export type CaptureAddedPayload = Pick<Capture, 'sha256' | 'byteSize' | 'mediaType' | 'origin' | 'finalUrl' | 'httpStatus' | 'capturedAt'> & {
  captureId: string;
};

/** Writes the blob (once per SHA-256), the capture and its extracted pages; the caller records the event. */
export function writeCapture(
  db: Ctx['db'],
  w: Omit<NewCapture, 'blobRowid' | 'mediaType' | 'title' | 'extraction' | 'pages'> & { sha256: string; bytes: Uint8Array; doc: ExtractedDocument },
): { capture: Capture; payload: CaptureAddedPayload } {
  const { sha256, bytes, doc, ...fields } = w;
  const rowid = insertCapture(db, {
    ...fields,
    blobRowid: ensureBlob(db, sha256, bytes),
    mediaType: doc.mediaType,
    // The document's own title, untrusted: kept to the length a source title may have.
    title: doc.meta.title?.trim().slice(0, MAX_TITLE) || null,
    extraction: doc.extraction,
    pages: doc.extraction === 'none' ? [] : doc.pages,
  });
  const capture = toCapture(captureRowByRowid(db, rowid));
  const { id: captureId, byteSize, mediaType, origin, finalUrl, httpStatus, capturedAt } = capture;
  return { capture, payload: { captureId, sha256, byteSize, mediaType, origin, finalUrl, httpStatus, capturedAt } };
}

/**
 * Stores a document as a capture of the source. The same bytes already captured in this source make no
 * second capture (`created: false`); a refused document (too large, empty, unreadable) changes nothing.
 */
export function storeCapture(ctx: Ctx, input: StoreCaptureInput): CaptureOutcome {
  const what = describe(input);
  checkCaptureSize(input.bytes.byteLength, what);
  const sourceRow = sourceRowById(ctx.db, input.sourceId);
  if (sourceRow.deleted_at) throw invalid(`source ${input.sourceId} is in the trash; restore it before capturing into it.`);
  const sha256 = sha256Hex(input.bytes);
  const none = { exact: 0, close: 0, notFound: 0, lost: 0 };
  const existing = captureOfSourceBySha(ctx.db, sourceRow.rowid, sha256);
  if (existing) return { capture: toCapture(existing), source: toSource(sourceRow), created: false, filled: [], anchors: none };

  const doc = input.extracted ?? extract(ctx, input, what);
  return ctx.db.transaction((): CaptureOutcome => {
    const { capture, payload } = writeCapture(ctx.db, {
      id: newId(),
      sourceRowid: sourceRow.rowid,
      sha256,
      bytes: input.bytes,
      doc,
      fileName: input.fileName ?? null,
      origin: input.origin,
      requestedUrl: input.requestedUrl ?? null,
      finalUrl: input.finalUrl ?? null,
      httpStatus: input.httpStatus ?? null,
      headers: input.headers ?? {},
      accessedAt: input.accessedAt ?? null,
      capturedAt: ctx.now(),
    });
    record(ctx, { kind: 'capture.added', entityType: 'source', entityId: sourceRow.id, payload });
    const fill = fillableFields(toSource(sourceRow), doc.meta, input);
    const filled = Object.keys(fill);
    const source = filled.length
      ? sourceHandlers(ctx)['sources.update']({ id: sourceRow.id, ...fill })
      : toSource(sourceRowById(ctx.db, sourceRow.id));
    const anchors = reanchorSource(ctx, sourceRow.rowid);
    return { capture, source, created: true, filled, anchors };
  })();
}

export function captureHandlers(ctx: Ctx): H {
  return {
    'captures.attach': (input) =>
      storeCapture(ctx, {
        sourceId: input.sourceId,
        bytes: Buffer.from(input.bytes, 'base64'),
        fileName: input.fileName,
        mediaType: input.mediaType,
        accessedAt: input.accessedAt,
        origin: 'file',
      }),

    'captures.list': (input) => capturesOfSource(ctx.db, sourceRowById(ctx.db, input.sourceId).rowid).map(toCapture),

    'captures.get': (input) => {
      const row = captureRowById(ctx.db, input.id);
      const pages = pagesOfCapture(ctx.db, row.rowid);
      return { capture: toCapture(row), text: wholeText(pages), pages: pages.map(({ page, start, length }) => ({ page, start, length })) };
    },

    'captures.bytes': (input) => {
      const row = captureRowById(ctx.db, input.id);
      return { capture: toCapture(row), bytes: blobBytes(ctx.db, row.blob_rowid).toString('base64') };
    },

    'captures.locate': (input) => {
      const row = captureRowById(ctx.db, input.id);
      if (input.end < input.start) throw invalid(`the span ends (${input.end}) before it starts (${input.start})`);
      if (input.end > row.text_length)
        throw invalid(`the span ends at ${input.end}, past the end of capture ${row.id}'s text (${row.text_length} characters)`);
      return locateSpan(ctx, row.rowid, input.start, input.end);
    },
  };
}
