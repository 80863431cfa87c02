/** The shapes extraction returns (re-exported by db/documents/extract.ts). */

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
  /** A hint only; a charset parameter ("text/html; charset=ISO-8859-1") is used for decoding. */
  mediaType?: string | null;
}

export interface ExtractOptions {
  onProgress?(done: number, total: number, label: string): void;
  isCancelled?(): boolean;
  timeoutMs?: number;
}
