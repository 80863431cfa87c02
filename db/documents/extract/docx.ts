/**
 * DOCX through mammoth (raw text, a blank line between paragraphs), after a zip-bomb guard that looks at
 * the archive before mammoth unpacks it: entry count, each entry's declared size and compression ratio,
 * then every entry inflated with a hard output limit (so a size the directory lies about is caught too).
 * Core properties (docProps/core.xml: title, creator, created) are the metadata.
 */
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { inflateRawSync } from 'node:zlib';
import { cleanText } from './encoding';
import { DocumentError, megabytes } from './errors';
import { metaDate, metaNames, metaText } from './meta';
import { readZipEntry, zipEntries, type ZipEntry } from './zip';
import type { DocumentMeta, ExtractedDocument } from './types';

/** All entries together may inflate to this much. */
export const MAX_DOCX_INFLATED = 256 * 1024 * 1024;
/** An entry larger than 1 MB may not be compressed more than this many times. */
export const MAX_DOCX_RATIO = 200;
export const MAX_DOCX_ENTRIES = 10_000;

const bomb = (what: string) => new DocumentError(`The DOCX is refused as a zip bomb: ${what}.`);

/** Throws unless the archive inflates to a sane size; checks declared sizes first, then the real ones. */
export function guardZip(bytes: Uint8Array): ZipEntry[] {
  const entries = zipEntries(bytes);
  if (entries.length > MAX_DOCX_ENTRIES) throw bomb(`it holds ${entries.length} entries (at most ${MAX_DOCX_ENTRIES})`);
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressedSize;
    if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > MAX_DOCX_RATIO * Math.max(1, e.compressedSize)) {
      throw bomb(`entry "${e.name}" would inflate ${megabytes(e.compressedSize)} to ${megabytes(e.uncompressedSize)} (more than ${MAX_DOCX_RATIO} times)`);
    }
  }
  if (declared > MAX_DOCX_INFLATED) throw bomb(`its entries would inflate to ${megabytes(declared)} (at most ${megabytes(MAX_DOCX_INFLATED)})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let inflated = 0;
  for (const e of entries) {
    if (e.method !== 8) continue;
    const at = e.localOffset;
    if (at + 30 > bytes.length) throw new DocumentError(`The ZIP archive (DOCX) is damaged: the local header of "${e.name}" lies outside the file.`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const limit = Math.max(1, Math.min(MAX_DOCX_INFLATED - inflated, Math.max(e.uncompressedSize, 1) + 1));
    let size: number;
    try {
      size = inflateRawSync(bytes.subarray(start, start + e.compressedSize), { maxOutputLength: limit }).length;
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw bomb(`entry "${e.name}" inflates to more than the ${megabytes(e.uncompressedSize)} its directory declares`);
      }
      throw new DocumentError(`The ZIP archive (DOCX) is damaged: "${e.name}" does not inflate (${(err as Error).message}).`);
    }
    inflated += size;
  }
  return entries;
}

function coreProps(bytes: Uint8Array): DocumentMeta {
  const xml = readZipEntry(bytes, 'docProps/core.xml', 1024 * 1024);
  if (!xml) return {};
  const { document } = parseHTML('<html></html>') as unknown as { document: { defaultView: { DOMParser: new () => { parseFromString(s: string, t: string): XmlDoc } } } };
  type XmlDoc = { getElementsByTagName(n: string): ArrayLike<{ textContent: string | null }> };
  const doc = new document.defaultView.DOMParser().parseFromString(new TextDecoder().decode(xml), 'text/xml');
  const texts = (tag: string) => Array.from(doc.getElementsByTagName(tag), (el) => el.textContent ?? '');
  return {
    title: metaText(texts('dc:title')[0]),
    authors: metaNames(texts('dc:creator').flatMap((c) => c.split(/\s*;\s*/))),
    publishedAt: metaDate(texts('dcterms:created')[0]),
  };
}

export async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
  guardZip(bytes);
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (e) {
    const first = String((e as Error)?.message ?? e).split('\n')[0]!.replace(/\s+/g, ' ').slice(0, 200);
    throw new DocumentError(`The DOCX could not be read: its Word XML (word/document.xml and the parts it uses) is malformed (mammoth: ${first}).`);
  }
  let meta: DocumentMeta = {};
  try {
    meta = Object.fromEntries(Object.entries(coreProps(bytes)).filter(([, v]) => v !== undefined));
  } catch {
    // Unreadable properties cost the metadata only.
  }
  const body = cleanText(text).replace(/\n{3,}/g, '\n\n').trim();
  return { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extraction: 'text', pages: [body], meta };
}
