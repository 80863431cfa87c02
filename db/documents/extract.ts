/**
 * Text extraction of captured documents (issue 13; docs/documents.md "Text extraction"). The type is
 * sniffed from the bytes (extract/sniff.ts); PDF (pdf.js), HTML (linkedom + Readability) and DOCX
 * (mammoth) are read on a worker thread while the caller blocks (run-sync.ts), with a time limit, a memory
 * limit, progress and cancel; plain text, Markdown and images are cheap and read on the caller's thread
 * (the database worker or the CLI process, never the UI thread). A refused document throws DocumentError
 * saying what and where; a cancelled one throws CaseError('cancelled').
 */
import { CaseError } from '../errors';
import { DocumentError, kindName } from './extract/errors';
import { extractInline } from './extract/inline';
import { checkSize } from './extract/limits';
import { sniffMediaType } from './extract/sniff';
import type { ExtractedDocument, ExtractHint, ExtractOptions } from './extract/types';
import { DEFAULT_TIMEOUT_MS, runInWorkerSync, TaskFailure } from './run-sync';

// The async extractDocument (extract/document.ts) is not re-exported: this module is the caller's side,
// bundled into the database worker, which must not carry pdf.js, linkedom or mammoth.
export { DocumentError } from './extract/errors';
export type { DocumentMeta, ExtractedDocument, ExtractHint, ExtractOptions } from './extract/types';

/** The task worker's heap limit during extraction; a document that needs more is refused. */
export const EXTRACT_MEMORY_MB = 1024;

/** Extracts synchronously (the caller is the database worker or the CLI); throws DocumentError on refusal. */
export function extractDocumentSync(bytes: Uint8Array, hint: ExtractHint, opts: ExtractOptions = {}): ExtractedDocument {
  const type = sniffMediaType(bytes, hint);
  checkSize(type, bytes.length);
  const inline = extractInline(bytes, type, hint);
  if (inline) return inline;
  const what = kindName(type);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    return runInWorkerSync('extract', { bytes, type, hint }, {
      timeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: EXTRACT_MEMORY_MB },
      onProgress: opts.onProgress,
      isCancelled: opts.isCancelled,
    });
  } catch (e) {
    if (!(e instanceof TaskFailure)) throw e;
    switch (e.kind) {
      case 'error':
        throw e.errorName === 'DocumentError' ? new DocumentError(e.message) : new DocumentError(`The ${what} could not be read: ${e.message}.`);
      case 'cancelled':
        throw new CaseError('cancelled', `Cancelled: reading the ${what} was stopped; nothing was changed.`);
      case 'timeout':
        throw new DocumentError(`Reading the ${what} took longer than ${timeoutMs / 1000} s and was stopped; it is refused.`);
      case 'memory':
        throw new DocumentError(`Reading the ${what} needed more than ${EXTRACT_MEMORY_MB} MB of memory and was stopped; it is refused as too large or hostile.`);
      case 'crashed':
        throw new DocumentError(`Reading the ${what} failed: ${e.message}.`);
    }
  }
}
