/**
 * Text extraction of captured documents (issue 13). PLACEHOLDER: only UTF-8 text and Markdown for now;
 * the real extractors (pdf.js, Readability over linkedom, mammoth; run in a worker thread with limits,
 * progress and cancel) replace this file with the same exports.
 */
export class DocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** What a document says about itself (PDF info, HTML meta tags and JSON-LD, DOCX properties). */
export interface DocumentMeta {
  title?: string;
  authors?: string[];
  publisher?: string;
  /** YYYY-MM-DD (or YYYY-MM, YYYY). */
  publishedAt?: string;
  url?: string;
  doi?: string;
}

export interface ExtractedDocument {
  /** Sniffed from the bytes (the hint only breaks ties). */
  mediaType: string;
  extraction: 'text' | 'none';
  /** Page texts in reading order; one entry for documents without pages; [] for images. */
  pages: string[];
  meta: DocumentMeta;
}

export interface ExtractHint {
  fileName?: string | null;
  mediaType?: string | null;
}

export interface ExtractOptions {
  onProgress?(done: number, total: number, label: string): void;
  isCancelled?(): boolean;
  timeoutMs?: number;
}

/** Extracts synchronously (the caller is the database worker or the CLI); throws DocumentError on refusal. */
export function extractDocumentSync(bytes: Uint8Array, hint: ExtractHint, _opts: ExtractOptions = {}): ExtractedDocument {
  const name = hint.fileName?.toLowerCase() ?? '';
  const markdown = name.endsWith('.md') || hint.mediaType === 'text/markdown';
  if (bytes.includes(0)) throw new DocumentError('This file type cannot be read yet (only plain text and Markdown).');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError('The file is not valid UTF-8 text.');
  }
  return { mediaType: markdown ? 'text/markdown' : 'text/plain', extraction: 'text', pages: [text], meta: {} };
}
