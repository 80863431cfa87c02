/**
 * Just enough of the ZIP format to look inside a DOCX before mammoth unpacks it: the central directory
 * (names, declared sizes) and one small entry inflated with a hard output limit.
 */
import { inflateRawSync } from 'node:zlib';
import { DocumentError } from './errors';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

const damaged = (what: string) => new DocumentError(`The ZIP archive (DOCX) is damaged: ${what}.`);

/** The central directory's entries; refuses a damaged directory or ZIP64 archives (no DOCX needs one). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  // The end record is in the last 22 + 65535 bytes (its comment is at most 64 KB).
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('no end of central directory record (the file may be truncated)');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === ZIP64_MARK || at === ZIP64_MARK) throw damaged('it is a ZIP64 archive, which a DOCX never needs');
  if (at + size > eocd) throw damaged(`the central directory (offset ${at}, ${size} bytes) lies outside the file`);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) throw damaged(`central directory entry ${i + 1} of ${count} is missing (offset ${at})`);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    if (entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK || entry.localOffset === ZIP64_MARK) {
      throw damaged(`entry "${entry.name}" uses ZIP64 sizes, which a DOCX never needs`);
    }
    entries.push(entry);
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

export const zipEntryNames = (bytes: Uint8Array): string[] => zipEntries(bytes).map((e) => e.name);

/** One entry's bytes, or null when absent; refuses entries larger than `maxBytes` once inflated. */
export function readZipEntry(bytes: Uint8Array, name: string, maxBytes: number): Uint8Array | null {
  const entry = zipEntries(bytes).find((e) => e.name === name);
  if (!entry) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw damaged(`the local header of "${name}" is missing (offset ${at})`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw damaged(`"${name}" is cut short`);
  if (entry.method === 0) return data.length > maxBytes ? tooLarge(name, maxBytes) : data;
  if (entry.method !== 8) throw damaged(`"${name}" uses compression method ${entry.method} (only stored and deflate are read)`);
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return tooLarge(name, maxBytes);
    throw damaged(`"${name}" does not inflate (${(e as Error).message})`);
  }
}

function tooLarge(name: string, maxBytes: number): never {
  throw new DocumentError(`The DOCX entry "${name}" is larger than the ${maxBytes / 1024 / 1024} MB it may inflate to.`);
}
