/**
 * Fetching a page to capture it (issue 13): http and https only, one plain GET per hop with a fixed
 * set of request headers. Never sent: cookies (no jar; Set-Cookie is dropped), Authorization, or
 * credentials in the address (a user:pass@ URL is refused, at the start and on every redirect).
 * Limits: 5 redirects (each hop re-checked), a connect timeout, a total time limit, and the capture
 * size limit on the wire and after decompression (the stream stops as soon as it is exceeded).
 * A page reached on a public address may not redirect to a local/private one (fetch/address.ts).
 * A non-2xx answer is refused with its status. The declared Content-Type is only a hint: the
 * extractor sniffs the bytes. See docs/documents.md "Capturing a URL" for what is (not) protected.
 */
import { request as httpRequest, STATUS_CODES, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { MAX_CAPTURE_BYTES } from '../../core/contract/captures';
import { RedirectGuard, type AddressPolicy } from './fetch/address';
import { ACCEPT_ENCODING, decodersFor, readBody } from './fetch/decode';
import { FetchError } from './fetch/errors';

export { FetchError } from './fetch/errors';

export const USER_AGENT = 'ClaimTrail/0.1 (document capture for analysts)';
export const MAX_REDIRECTS = 5;
export const FETCH_TIMEOUT_MS = 20_000;
export const CONNECT_TIMEOUT_MS = 10_000;

/** Response headers kept with a capture (everything else, Set-Cookie included, is dropped). */
export const KEPT_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-disposition',
  'last-modified',
  'etag',
  'date',
  'x-robots-tag',
] as const;
const MAX_HEADER_VALUE = 1000;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface FetchOptions {
  maxBytes?: number;
  maxRedirects?: number;
  /** The whole fetch, all hops and the body included. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  /** Aborting cancels the fetch (FetchError with `cancelled`). */
  signal?: AbortSignal;
  /** Decoded bytes received so far, and the announced length when the server gave one. */
  onProgress?(received: number, total: number | null): void;
  /** Which addresses count as public (tests only; default: fetch/address.ts isPublicAddress). */
  addressPolicy?: AddressPolicy;
}

export interface FetchedPage {
  requestedUrl: string;
  /** Where the bytes came from, after redirects. */
  finalUrl: string;
  /** Every redirect followed, in order. */
  redirects: { url: string; status: number }[];
  status: number;
  statusText: string;
  /** The kept response headers (KEPT_HEADERS), lowercase names. */
  headers: Record<string, string>;
  /** The body as the server meant it (content-encoding undone). */
  bytes: Uint8Array;
  /** Hints for the extractor: the declared type without parameters, a file name from the address or Content-Disposition. */
  mediaTypeHint: string | null;
  fileNameHint: string | null;
  startedAt: string;
  elapsedMs: number;
}

/** Throws unless the address may be fetched: http(s), no user name or password in it. */
export function checkFetchable(address: string | URL, what = 'The address'): URL {
  let u: URL;
  try {
    u = address instanceof URL ? address : new URL(address);
  } catch {
    throw new FetchError(`${what} "${String(address).slice(0, 200)}" is not a valid URL.`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new FetchError(`${what} ${u.protocol}… is not http or https; only web pages can be captured.`);
  if (u.username || u.password)
    throw new FetchError(`${what} ${u.host} carries a user name or password; ClaimTrail never sends credentials (remove them from the URL).`);
  return u;
}

/** Fetches a page within the limits; rejects with a FetchError that says what and where. */
export async function fetchPage(address: string, opts: FetchOptions = {}): Promise<FetchedPage> {
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS;
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const started = Date.now();
  const requested = checkFetchable(address);
  const stop = new AbortController();
  const timer = setTimeout(
    () => stop.abort(new FetchError(`Fetching ${requested.href} took longer than the ${timeoutMs / 1000} s limit; nothing was stored.`)),
    timeoutMs,
  );
  const onCancel = () => stop.abort(new FetchError('Cancelled: the page was not fetched and nothing was stored.', true));
  if (opts.signal?.aborted) onCancel();
  opts.signal?.addEventListener('abort', onCancel, { once: true });
  try {
    const redirects: FetchedPage['redirects'] = [];
    const guard = new RedirectGuard(requested.href, opts.addressPolicy);
    let target = requested;
    for (;;) {
      guard.nextHop();
      guard.checkLiteral(target);
      const res = await get(target, stop.signal, opts.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, guard);
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && res.headers.location !== undefined) {
        res.destroy();
        if (redirects.length >= maxRedirects)
          throw new FetchError(`${requested.href} redirects more than ${maxRedirects} times (last to ${target.href}); nothing was stored.`);
        const next = resolveLocation(res.headers.location, target);
        redirects.push({ url: next.href, status });
        target = next;
        continue;
      }
      if (status < 200 || status > 299) {
        res.destroy();
        // The standard phrase when there is one: the server's own text is untrusted (and may be long).
        const reason = STATUS_CODES[status] ?? res.statusMessage?.slice(0, 100);
        const where = REDIRECTS.has(status) ? ' without saying where to (no Location header)' : '';
        throw new FetchError(`The server answered ${status}${reason ? ` ${reason}` : ''} for ${target.href}${where}; nothing was stored.`);
      }
      return await page(res, { requested, target, redirects, started, stop: stop.signal, opts });
    }
  } catch (e) {
    throw asFetchError(stop.signal.aborted ? stop.signal.reason : e, requested.href);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onCancel);
  }
}

function resolveLocation(location: string, from: URL): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FetchError(`${from.href} redirects to "${location.slice(0, 200)}", which is not a valid URL; nothing was stored.`);
  }
  return checkFetchable(next, `${from.href} redirects to an address that cannot be fetched:`);
}

interface PageCtx {
  requested: URL;
  target: URL;
  redirects: FetchedPage['redirects'];
  started: number;
  stop: AbortSignal;
  opts: FetchOptions;
}

async function page(res: IncomingMessage, c: PageCtx): Promise<FetchedPage> {
  const maxBytes = c.opts.maxBytes ?? MAX_CAPTURE_BYTES;
  const href = c.target.href;
  const announced = Number(res.headers['content-length']);
  const total = Number.isSafeInteger(announced) && announced >= 0 ? announced : null;
  if (total !== null && total > maxBytes) {
    res.destroy();
    throw new FetchError(`The page at ${href} announces ${total} bytes, more than the ${maxBytes / 1024 / 1024} MB a capture may hold; nothing was stored.`);
  }
  const decoders = decodersFor(res.headers['content-encoding'], href);
  const onAbort = () => res.destroy(c.stop.reason as Error);
  c.stop.addEventListener('abort', onAbort, { once: true });
  const progress = throttled(c.opts.onProgress, total);
  let bytes: Uint8Array;
  try {
    bytes = await readBody(res, decoders, href, { maxBytes, announced: total, onBytes: progress });
  } finally {
    c.stop.removeEventListener('abort', onAbort);
  }
  c.opts.onProgress?.(bytes.length, total);
  const headers = keptHeaders(res);
  return {
    requestedUrl: c.requested.href,
    finalUrl: href,
    redirects: c.redirects,
    status: res.statusCode!,
    statusText: (res.statusMessage ?? '').slice(0, 200),
    headers,
    bytes,
    mediaTypeHint: headers['content-type']?.split(';')[0]!.trim().toLowerCase() || null,
    fileNameHint: fileNameHint(headers['content-disposition'], c.target),
    startedAt: new Date(c.started).toISOString(),
    elapsedMs: Date.now() - c.started,
  };
}

/** One GET: resolves with the response head; the connect timeout covers DNS, TCP and TLS. */
function get(target: URL, stop: AbortSignal, connectTimeoutMs: number, guard: RedirectGuard): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req: ClientRequest = request(target, {
      method: 'GET',
      agent: false,
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.8', 'accept-encoding': ACCEPT_ENCODING },
      signal: stop,
      lookup: guard.lookup(target),
    });
    const connectTimer = setTimeout(
      () => req.destroy(new FetchError(`No connection to ${target.host} within ${connectTimeoutMs / 1000} s; nothing was stored.`)),
      connectTimeoutMs,
    );
    req.once('socket', (socket) => {
      socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    req.once('response', (res) => {
      clearTimeout(connectTimer);
      resolve(res);
    });
    req.once('error', (e) => {
      clearTimeout(connectTimer);
      reject(e);
    });
    req.once('close', () => clearTimeout(connectTimer));
    req.end();
  });
}

function keptHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = res.headers[name];
    if (v === undefined) continue;
    out[name] = (Array.isArray(v) ? v.join(', ') : v).slice(0, MAX_HEADER_VALUE);
  }
  return out;
}

/** A file name for the extractor: Content-Disposition's filename, else the address's last path segment. */
export function fileNameHint(disposition: string | undefined, url: URL): string | null {
  const star = disposition?.match(/filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/);
  const plain = disposition?.match(/filename\s*=\s*(?:"([^"]*)"|([^;]+))/);
  let name: string | undefined;
  try {
    name = star ? decodeURIComponent(star[1]!.trim()) : (plain?.[1] ?? plain?.[2])?.trim();
  } catch {
    name = undefined;
  }
  if (!name) {
    const last = url.pathname.split('/').pop() ?? '';
    try {
      name = decodeURIComponent(last);
    } catch {
      name = last;
    }
  }
  name = name.replace(/[\\/\u0000-\u001f]/g, '').slice(0, 200);
  return name || null;
}

/** Progress at most every 64 KiB (the worker posts each report across threads). */
function throttled(onProgress: FetchOptions['onProgress'], total: number | null) {
  let next = 0;
  return (received: number) => {
    if (!onProgress || received < next) return;
    next = received + 64 * 1024;
    onProgress(received, total);
  };
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  HPE_INVALID_CONSTANT: 'the server did not answer in HTTP',
  HPE_HEADER_OVERFLOW: 'the headers of the answer are larger than 16 KB',
};

function asFetchError(e: unknown, href: string): FetchError {
  if (e instanceof FetchError) return e;
  const code = e instanceof Error && 'code' in e ? String(e.code) : '';
  const message = e instanceof Error ? e.message : String(e);
  const what = NETWORK_WORDS[code] ?? (code.startsWith('HPE_') ? `the answer is not valid HTTP (${message.replace(/^Parse Error: /, '')})` : message);
  return new FetchError(`Could not fetch ${href}: ${what}${code && NETWORK_WORDS[code] ? ` (${code})` : ''}; nothing was stored.`);
}
