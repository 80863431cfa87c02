/** Size limits checked before a document is read (by the caller, before any worker is started). */
import { DocumentError, megabytes } from './errors';
import type { SniffedType } from './sniff';

/** HTML pages larger than this are refused (a saved page with inlined images stays well below it). */
export const MAX_HTML_BYTES = 32 * 1024 * 1024;
/** Texts larger than this are refused (a 1,000-page book is about 3 MB). */
export const MAX_TEXT_BYTES = 32 * 1024 * 1024;

const LIMITS: Partial<Record<SniffedType, { bytes: number; what: string; plural: string }>> = {
  'text/html': { bytes: MAX_HTML_BYTES, what: 'The HTML page', plural: 'pages' },
  'text/plain': { bytes: MAX_TEXT_BYTES, what: 'The text file', plural: 'texts' },
  'text/markdown': { bytes: MAX_TEXT_BYTES, what: 'The text file', plural: 'texts' },
};

export function checkSize(type: SniffedType, length: number): void {
  const limit = LIMITS[type];
  if (limit && length > limit.bytes) {
    throw new DocumentError(`${limit.what} is ${megabytes(length)}; ${limit.plural} larger than ${megabytes(limit.bytes)} are not read.`);
  }
}
