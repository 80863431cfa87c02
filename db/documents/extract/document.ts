/**
 * extractDocument: sniff, then the reader for the type. Async (pdf.js is); runs inside the task worker
 * (task.ts) for PDF, HTML and DOCX; tests and the bench call it directly. The heavy readers (pdf.js,
 * linkedom, mammoth) are imported only when a document needs them. Not imported by extract.ts, so the
 * database worker's bundle holds none of them.
 */
import { DocumentError, kindName } from './errors';
import { extractInline } from './inline';
import { sniffMediaType, type SniffedType } from './sniff';
import type { ExtractedDocument, ExtractHint } from './types';

export interface ExtractContext {
  progress(done: number, total: number, label: string): void;
}

const quiet: ExtractContext = { progress: () => undefined };

/**
 * Reads a document whose type was sniffed already. A reader's unexpected failure (a library's own error)
 * is a refusal too, naming the kind of document.
 */
export async function extractSniffed(bytes: Uint8Array, type: SniffedType, hint: ExtractHint, ctx: ExtractContext = quiet): Promise<ExtractedDocument> {
  try {
    return await read(bytes, type, hint, ctx);
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    throw new DocumentError(`The ${kindName(type)} could not be read: ${(e as Error)?.message ?? String(e)}.`);
  }
}

async function read(bytes: Uint8Array, type: SniffedType, hint: ExtractHint, ctx: ExtractContext): Promise<ExtractedDocument> {
  const inline = extractInline(bytes, type, hint);
  if (inline) return inline;
  switch (type) {
    case 'text/html':
      ctx.progress(0, 1, 'reading the HTML page');
      return (await import('./html')).extractHtml(bytes, hint.mediaType);
    case 'application/pdf':
      return (await import('./pdf')).extractPdf(bytes, ctx);
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      ctx.progress(0, 1, 'reading the DOCX document');
      return (await import('./docx')).extractDocx(bytes);
    default:
      throw new DocumentError(`Reading ${type} documents is not available in this build.`);
  }
}

export async function extractDocument(bytes: Uint8Array, hint: ExtractHint = {}, ctx: ExtractContext = quiet): Promise<ExtractedDocument> {
  return extractSniffed(bytes, sniffMediaType(bytes, hint), hint, ctx);
}
