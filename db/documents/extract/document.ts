/**
 * extractDocument: sniff, then the reader for the type. Async (pdf.js is); runs inside the task worker
 * (task.ts) for PDF, HTML and DOCX, and directly for text, Markdown and images (extract.ts decides).
 * The heavy readers (pdf.js, linkedom, mammoth) are imported only when a document needs them.
 */
import { DocumentError } from './errors';
import { sniffMediaType, type SniffedType } from './sniff';
import { extractText } from './text';
import type { ExtractedDocument, ExtractHint } from './types';

export interface ExtractContext {
  progress(done: number, total: number, label: string): void;
}

const quiet: ExtractContext = { progress: () => undefined };

/**
 * Text, Markdown and images: cheap and bounded, read on the caller's thread (which is never the UI's).
 * Null for the other types.
 */
export function extractInline(bytes: Uint8Array, type: SniffedType, hint: ExtractHint): ExtractedDocument | null {
  if (type.startsWith('image/')) return { mediaType: type, extraction: 'none', pages: [], meta: {} };
  if (type === 'text/plain' || type === 'text/markdown') return extractText(bytes, type, hint.mediaType);
  return null;
}

/** Reads a document whose type was sniffed already. */
export async function extractSniffed(bytes: Uint8Array, type: SniffedType, hint: ExtractHint, ctx: ExtractContext = quiet): Promise<ExtractedDocument> {
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
