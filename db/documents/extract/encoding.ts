/**
 * Bytes to text. The encoding is, in this order: a byte-order mark; the charset the caller declared
 * (HTTP Content-Type); for HTML a <meta charset> / http-equiv in the first 1024 bytes; UTF-8 when the
 * bytes are valid UTF-8; else windows-1252 (what browsers assume for unlabeled Western pages, and a
 * superset of Latin-1, so every byte decodes). Unknown labels fall through to the next rule.
 */
import { byteOrderMark } from './sniff';

export interface DecodedText {
  text: string;
  encoding: string;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

interface Decoder {
  encoding: string;
  decode(bytes: Uint8Array): string;
}

// Node 20's TextDecoder decodes windows-1252 (and the labels the Encoding Standard maps to it, such as
// iso-8859-1) as Latin-1, leaving 0x80-0x9F as C1 controls; these are the characters the standard gives them.
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const windows1252: Decoder = {
  encoding: 'windows-1252',
  decode(bytes) {
    const chunks: string[] = [];
    for (let i = 0; i < bytes.length; i += 8192) {
      const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_80_9F.charCodeAt(b - 0x80) : b));
      chunks.push(String.fromCharCode(...codes));
    }
    return chunks.join('');
  },
};

function decoderFor(label: string | null | undefined): Decoder | null {
  if (!label) return null;
  try {
    const d = new TextDecoder(label.trim().toLowerCase());
    if (d.encoding === 'windows-1252') return windows1252;
    // A page that says UTF-16 in ASCII-compatible bytes is not UTF-16 (the HTML standard's rule).
    return d.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : d;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type value, e.g. "text/html; charset=ISO-8859-1". */
export const charsetOf = (mediaType: string | null | undefined): string | null =>
  /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(mediaType ?? '')?.[1] ?? null;

// C0 controls other than tab, line feed and form feed, and DEL: never part of a document's text.
const CONTROLS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

/** Line ends as "\n", controls removed (positions in selectors index into this text). */
export const cleanText = (text: string): string => text.replace(/\r\n?/g, '\n').replace(CONTROLS, '');

export function decodeText(bytes: Uint8Array, opts: { declaredCharset?: string | null; html?: boolean } = {}): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding };
  const declared = decoderFor(opts.declaredCharset);
  if (declared) return { text: declared.decode(bytes), encoding: declared.encoding };
  if (opts.html) {
    const head = String.fromCharCode(...bytes.subarray(0, 1024));
    const meta = decoderFor(META_CHARSET.exec(head)?.[1]);
    if (meta) return { text: meta.decode(bytes), encoding: meta.encoding };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252.decode(bytes), encoding: 'windows-1252' };
  }
}
