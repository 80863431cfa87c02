/** Plain text and Markdown: decoded (encoding.ts), line ends normalized, kept as one page. */
import { charsetOf, cleanText, decodeText } from './encoding';
import { DocumentError, megabytes } from './errors';
import type { ExtractedDocument } from './types';

/** Texts larger than this are refused (a 1,000-page book is about 3 MB). */
export const MAX_TEXT_BYTES = 32 * 1024 * 1024;

/** The first "# Heading" of a Markdown text, as its title. */
const MARKDOWN_TITLE = /^#[ \t]+(.+?)[ \t#]*$/m;

export function extractText(bytes: Uint8Array, mediaType: 'text/plain' | 'text/markdown', declaredType?: string | null): ExtractedDocument {
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new DocumentError(`The text file is ${megabytes(bytes.length)}; texts larger than ${megabytes(MAX_TEXT_BYTES)} are not read.`);
  }
  const text = cleanText(decodeText(bytes, { declaredCharset: charsetOf(declaredType) }).text);
  const title = mediaType === 'text/markdown' ? MARKDOWN_TITLE.exec(text)?.[1]?.trim() : undefined;
  return { mediaType, extraction: 'text', pages: [text], meta: title ? { title } : {} };
}
