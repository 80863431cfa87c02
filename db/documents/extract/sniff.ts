/**
 * The media type of a document, from its bytes. The caller's hint (file name, declared type) only decides
 * between plain text and Markdown, which bytes cannot tell apart.
 */
import { DocumentError } from './errors';
import { zipEntryNames } from './zip';

export type SniffedType =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'text/html'
  | 'text/plain'
  | 'text/markdown'
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface SniffHint {
  fileName?: string | null;
  mediaType?: string | null;
}

const startsWith = (bytes: Uint8Array, sig: number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>]/i;
const MARKDOWN_NAME = /\.(?:md|markdown|mdown|mkd)$/i;
const HTML_NAME = /\.(?:html?|xhtml)$/i;
// Signs of Markdown in a text without a telling name: an ATX heading, a fenced block, a [link](url).
const MARKDOWN_CONTENT = /^(?:#{1,6} \S|```|~~~)|\]\((?:https?:|\.{0,2}\/|#)[^)\s]*\)/m;

/** Where the text starts once a byte-order mark is skipped, and the encoding it names. */
export function byteOrderMark(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', length: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', length: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The first `n` bytes as text for sniffing (Latin-1 unless a UTF-16 BOM says otherwise). */
function head(bytes: Uint8Array, n: number): string {
  const bom = byteOrderMark(bytes);
  if (bom?.encoding.startsWith('utf-16')) return new TextDecoder(bom.encoding).decode(bytes.subarray(0, n * 2));
  return ascii(bytes, bom?.length ?? 0, Math.min(bytes.length, n));
}

/** Text has no NUL and few other C0 controls (about 2 %) in its first 8 KB (UTF-16 with a BOM counts as text). */
function looksLikeText(bytes: Uint8Array): boolean {
  const bom = byteOrderMark(bytes);
  if (bom?.encoding.startsWith('utf-16')) return true;
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return controls * 50 <= n + 100;
}

/** Sniffs the type or refuses a document ClaimTrail cannot read (saying what it looks like). */
export function sniffMediaType(bytes: Uint8Array, hint: SniffHint = {}): SniffedType {
  const name = hint.fileName ?? '';
  const declared = (hint.mediaType ?? '').toLowerCase().split(';')[0]!.trim();
  if (bytes.length === 0) throw new DocumentError('The file is empty (0 bytes).');
  // %PDF- may follow some junk; readers accept it within the first 1024 bytes.
  if (ascii(bytes, 0, Math.min(bytes.length, 1024)).includes('%PDF-')) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipEntryNames(bytes);
    if (names.includes('word/document.xml')) return DOCX_TYPE;
    throw new DocumentError(
      `The file is a ZIP archive but not a Word document (no word/document.xml among its ${names.length} entries); only DOCX archives can be read.`,
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new DocumentError(
      'The file is an OLE compound document: a legacy Word/Office file (.doc, .xls) or a password-protected Office document. Save it as an unprotected DOCX or PDF and attach that.',
    );
  }
  if (!looksLikeText(bytes)) {
    throw new DocumentError(
      `The file's type is not recognized (it starts with bytes ${[...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}); ClaimTrail reads PDF, HTML, DOCX, plain text, Markdown and PNG/JPEG/GIF/WebP images.`,
    );
  }
  const start = head(bytes, 4096);
  if (/^\s*MIME-Version:/i.test(start) && /multipart\/related/i.test(start)) {
    throw new DocumentError('The file is an MHTML web archive, which ClaimTrail does not read; save the page as a single HTML file ("Webpage, Single File" or SingleFile) and attach that.');
  }
  if (HTML_START.test(start) || declared === 'text/html' || declared === 'application/xhtml+xml' || (HTML_NAME.test(name) && /<html|<body|<p[\s>]/i.test(start))) {
    return 'text/html';
  }
  if (MARKDOWN_NAME.test(name) || declared === 'text/markdown') return 'text/markdown';
  if (/\.txt$/i.test(name) || declared === 'text/plain') return 'text/plain';
  return MARKDOWN_CONTENT.test(start) ? 'text/markdown' : 'text/plain';
}
