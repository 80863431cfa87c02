/**
 * A minimal, synchronous ZIP writer (stored entries, UTF-8 names, fixed 1980-01-01 timestamps so
 * the same input gives the same bytes). Enough for an OOXML package; pure, no node: modules.
 */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const UTF8_FLAG = 0x0800;

class Writer {
  private chunks: Uint8Array[] = [];
  length = 0;
  bytes(b: Uint8Array) {
    this.chunks.push(b);
    this.length += b.length;
  }
  u16(v: number) {
    this.bytes(new Uint8Array([v & 0xff, (v >>> 8) & 0xff]));
  }
  u32(v: number) {
    this.bytes(new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]));
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

export function zip(entries: readonly ZipEntry[]): Uint8Array {
  const w = new Writer();
  const enc = new TextEncoder();
  const central: { name: Uint8Array; crc: number; size: number; offset: number }[] = [];
  for (const e of entries) {
    const name = enc.encode(e.name);
    const crc = crc32(e.data);
    const offset = w.length;
    w.u32(0x04034b50);
    w.u16(20);
    w.u16(UTF8_FLAG);
    w.u16(0); // stored
    w.u16(0);
    w.u16(DOS_DATE);
    w.u32(crc);
    w.u32(e.data.length);
    w.u32(e.data.length);
    w.u16(name.length);
    w.u16(0);
    w.bytes(name);
    w.bytes(e.data);
    central.push({ name, crc, size: e.data.length, offset });
  }
  const cdStart = w.length;
  for (const c of central) {
    w.u32(0x02014b50);
    w.u16(20);
    w.u16(20);
    w.u16(UTF8_FLAG);
    w.u16(0);
    w.u16(0);
    w.u16(DOS_DATE);
    w.u32(c.crc);
    w.u32(c.size);
    w.u32(c.size);
    w.u16(c.name.length);
    w.u16(0);
    w.u16(0);
    w.u16(0);
    w.u16(0);
    w.u32(0);
    w.u32(c.offset);
    w.bytes(c.name);
  }
  const cdSize = w.length - cdStart;
  w.u32(0x06054b50);
  w.u16(0);
  w.u16(0);
  w.u16(central.length);
  w.u16(central.length);
  w.u32(cdSize);
  w.u32(cdStart);
  w.u16(0);
  return w.concat();
}
