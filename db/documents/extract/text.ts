/** Plain text and Markdown: decoded (encoding.ts), line ends normalized, kept as one page. */
import { charsetOf, cleanText, decodeText } from './encoding';
import { checkSize } from './limits';
import type { ExtractedDocument } from './types';


/** The first "# Heading" of a Markdown text, as its title. */
const MARKDOWN_TITLE = /^#[ \t]+(.+?)[ \t#]*$/m;

export function extractText(bytes: Uint8Array, mediaType: 'text/plain' | 'text/markdown', declaredType?: string | null): ExtractedDocument {
  checkSize(mediaType, bytes.length);
  const text = cleanText(decodeText(bytes, { declaredCharset: charsetOf(declaredType) }).text);
  const title = mediaType === 'text/markdown' ? MARKDOWN_TITLE.exec(text)?.[1]?.trim() : undefined;
  return { mediaType, extraction: 'text', pages: [text], meta: title ? { title } : {} };
}
