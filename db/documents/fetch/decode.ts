/**
 * The body of a fetched page: decompressed (gzip, br, deflate) and counted on the wire and after
 * decompression, so neither a huge body nor a small compression bomb can exceed the size limit.
 */
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FetchError } from './errors';

/** Content-Encoding values we decode; `identity` means none. */
const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  br: createBrotliDecompress,
  deflate: createInflate,
};

export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** The decoders for a Content-Encoding header, in the order they apply (the last encoding is undone first). */
export function decodersFor(contentEncoding: string | undefined, url: string): Transform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
  return codings.reverse().map((c) => {
    const make = DECODERS[c];
    if (!make) throw new FetchError(`The server at ${url} sent the page in an encoding ClaimTrail cannot read ("${c}").`);
    return make();
  });
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

export interface BodyLimits {
  maxBytes: number;
  /** The Content-Length the server announced, if any (for the message when the body is cut off). */
  announced: number | null;
  /** Called with the decoded bytes received so far. */
  onBytes?(received: number): void;
}

/** Counts what passes and fails as soon as more than `max` bytes went through. */
function limit(max: number, tooLarge: (seen: number) => FetchError) {
  return async function* (source: AsyncIterable<Buffer>) {
    let seen = 0;
    for await (const chunk of source) {
      seen += chunk.length;
      if (seen > max) throw tooLarge(seen);
      yield chunk;
    }
  };
}

/** Reads the whole body, decoded; rejects with a FetchError (and stops reading) once a limit is exceeded. */
export async function readBody(res: Readable, decoders: Transform[], url: string, limits: BodyLimits): Promise<Uint8Array> {
  const { maxBytes } = limits;
  const chunks: Buffer[] = [];
  let received = 0;
  const wire = limit(maxBytes, (seen) => new FetchError(`The page at ${url} is larger than the ${mb(maxBytes)} a capture may hold (stopped after ${mb(seen)}); nothing was stored.`));
  const decoded = limit(maxBytes, (seen) =>
    new FetchError(`The page at ${url} decompresses to more than the ${mb(maxBytes)} a capture may hold (stopped after ${mb(seen)}); nothing was stored.`),
  );
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      chunks.push(chunk);
      received += chunk.length;
      limits.onBytes?.(received);
    }
  };
  try {
    // Stages mix streams and async generators, which pipeline's overloads cannot type as a list.
    const stages = decoders.length ? [res, wire, ...decoders, decoded, collect] : [res, wire, collect];
    await (pipeline as unknown as (stages: unknown[]) => Promise<void>)(stages);
  } catch (e) {
    if (e instanceof FetchError) throw e;
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    if (code.startsWith('Z_')) throw new FetchError(`The page at ${url} is not validly compressed (${(e as Error).message}); nothing was stored.`);
    // The connection ended early: never keep a truncated page as if it were the whole one.
    const of = limits.announced === null ? '' : ` of the ${limits.announced} announced`;
    throw new FetchError(`The page at ${url} was cut off after ${received} bytes${of} (${code || (e as Error).message}); nothing was stored.`);
  }
  return new Uint8Array(Buffer.concat(chunks, received));
}
