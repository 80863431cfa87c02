/**
 * A file's text in chunks, decoded as core/transfer/decode.ts decodes a whole file (a UTF-8 or UTF-16
 * byte-order mark honoured, invalid UTF-8 refused with its line), so a large import never holds the
 * file's bytes or its text at once.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { decodeBytes } from '../../core/transfer/decode';
import { CaseError } from '../errors';

/** Bytes read per chunk. */
export const FILE_CHUNK = 1 << 20;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function bom(b: Uint8Array): { encoding: Encoding; skip: number } {
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  return { encoding: 'utf-8', skip: 0 };
}

/** The first `bytes` of the file as text (to detect its format), without its byte-order mark. */
export function fileHead(path: string, bytes = 65_536): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    const b = buf.subarray(0, n);
    const { encoding, skip } = bom(b);
    return new TextDecoder(encoding).decode(b.subarray(skip));
  } finally {
    closeSync(fd);
  }
}

/** The file's text chunk by chunk; `label` names the file in an encoding error (exit 1, nothing written). */
export function* fileTextChunks(path: string, label = path, chunkBytes = FILE_CHUNK): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(chunkBytes);
    let decoder: InstanceType<typeof TextDecoder> | null = null;
    for (;;) {
      // Read on from the current position (no offsets: a named pipe cannot seek).
      const n = readSync(fd, buf, 0, chunkBytes, null);
      let b: Uint8Array = buf.subarray(0, n);
      if (!decoder) {
        const { encoding, skip } = bom(b);
        // UTF-16 is read as decodeBytes reads it (not checked); UTF-8 strictly.
        decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
        b = b.subarray(skip);
      }
      let text: string;
      try {
        text = decoder.decode(b, { stream: n > 0 });
      } catch {
        // Where and what, exactly as the whole-file reader says it (only on this error path is the whole file read).
        const d = decodeBytes(readFileSync(path));
        throw new CaseError('invalid', d.ok ? `${label}: is not valid UTF-8` : `${label}, line ${d.line}: ${d.message}`);
      }
      if (text) yield text;
      if (n === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}
