/**
 * MHTML web archives ("Webpage, Single File" in Chromium browsers; RFC 2557 multipart/related): the
 * first text/html part is decoded (quoted-printable, base64, or as is) and read as an HTML page
 * (html.ts); the other parts (styles, images, frames) are kept in the stored bytes but are not text.
 * The archive's own headers give the address (Snapshot-Content-Location) and the title (Subject) when
 * the page has none.
 */
import { DocumentError } from './errors';
import { extractHtml } from './html';
import { mergeMeta, metaText } from './meta';
import type { ExtractedDocument } from './types';

export const MHTML_TYPE = 'multipart/related';

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Header block (unfolded, lowercased names) and the rest. */
function splitHeaders(text: string): Part {
  const end = text.search(/\r?\n\r?\n/);
  const head = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? '' : text.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

const param = (value: string | undefined, name: string): string | null =>
  new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '')?.slice(1).find((v) => v !== undefined) ?? null;

function decodeQuotedPrintable(body: string): Uint8Array {
  const soft = body.replace(/=\r?\n/g, '');
  const out = new Uint8Array(soft.length);
  let n = 0;
  for (let i = 0; i < soft.length; i++) {
    const c = soft.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out[n++] = parseInt(soft.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

/** "=?utf-8?Q?Caf=C3=A9?=" and "=?utf-8?B?…?=" in a header (RFC 2047). */
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (whole, charset: string, enc: string, text: string) => {
    try {
      const bytes = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text.replace(/_/g, ' '));
      return new TextDecoder(charset).decode(bytes);
    } catch {
      return whole;
    }
  });
}

export function extractMhtml(bytes: Uint8Array): ExtractedDocument {
  // MIME is 7-bit or 8-bit text; Latin-1 keeps every byte as one character, so parts can be cut out.
  const text = new TextDecoder('latin1').decode(bytes);
  const top = splitHeaders(text);
  const boundary = param(top.headers.get('content-type'), 'boundary');
  if (!boundary) throw new DocumentError('The MHTML web archive has no multipart boundary in its Content-Type header.');
  const html = top.body
    .split(`--${boundary}`)
    .slice(1)
    .map(splitHeaders)
    .find((p) => /^text\/html\b/i.test(p.headers.get('content-type') ?? ''));
  if (!html) throw new DocumentError('The MHTML web archive holds no text/html part.');
  const encoding = (html.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const body = html.body.replace(/\r?\n$/, '');
  const raw =
    encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : encoding === 'base64' ? new Uint8Array(Buffer.from(body, 'base64')) : Uint8Array.from(body, (c) => c.charCodeAt(0) & 0xff);
  const charset = param(html.headers.get('content-type'), 'charset');
  const page = extractHtml(raw, charset ? `text/html; charset=${charset}` : null);
  const archive = {
    url: metaText(top.headers.get('snapshot-content-location') ?? html.headers.get('content-location')),
    title: metaText(decodeWords(top.headers.get('subject') ?? '')),
  };
  const fileUrl = archive.url?.startsWith('file:') ? { url: undefined } : {};
  return { ...page, mediaType: MHTML_TYPE, meta: mergeMeta(page.meta, { ...archive, ...fileUrl }) };
}
