/** Shared fixtures for the briefing tests: the sample case on a fixed clock, and a tiny unzip. */
import { inflateRawSync } from 'node:zlib';
import { tempCase, type TestCase } from '../../helpers';

export const FIXED_NOW = '2025-02-01T12:00:00.000Z';

export function sampleCase(): TestCase {
  return tempCase({ sample: true, now: () => FIXED_NOW });
}

/** Reads a ZIP's central directory and returns each entry's bytes (stored or deflated). */
export function unzip(buf: Uint8Array): Map<string, Buffer> {
  const b = Buffer.from(buf);
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip: no end-of-central-directory record');
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (b.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = b.readUInt16LE(at + 10);
    const size = b.readUInt32LE(at + 20);
    const nameLen = b.readUInt16LE(at + 28);
    const extra = b.readUInt16LE(at + 30);
    const comment = b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    const name = b.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    if (b.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const dataAt = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(dataAt, dataAt + size);
    out.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

/** Text content of an HTML or XML document: tags dropped, entities decoded, whitespace collapsed. */
export function textOf(markup: string): string {
  return markup
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&#61;/g, '=')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Script-injection attempts that must come out of every renderer as inert text. */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '</title><script>alert(1)</script>',
  '<style>body{display:none}</style>',
  '`${alert(1)}`',
  '<a href="javascript:alert(1)">x</a>',
  '&lt;script&gt;',
];
