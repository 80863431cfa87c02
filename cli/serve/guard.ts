/**
 * Web mode's door check, run before routing for every request (DESIGN §7): the Host must be our
 * loopback address and port, an Origin (when sent) must be ours, and one of three secrets must come:
 * - the API token, only ever as the header (it is never in a cookie or an address);
 * - the page key, as this server's own cookie: it unlocks static files and the progress stream only
 *   (cookies are scoped by host, not port, so every server on 127.0.0.1 receives it);
 * - a one-time launch code, as `?launch=` on GET / (the address printed by `serve`), or as the
 *   header on POST /api/session, which trades it for the API token once.
 * Pure: no I/O, easy to test.
 */
import { timingSafeEqual } from 'node:crypto';
import { LAUNCH_HEADER, TOKEN_HEADER } from '../../core/transport';

/** The page-key cookie's name carries the port, so two servers never overwrite each other's cookie. */
export const pageCookieName = (port: number): string => `ct_page_${port}`;

/** One body for every refusal, whatever the path, so a refusal tells nothing about the server. */
export const FORBIDDEN_TEXT = 'Forbidden: open the address printed by `claimtrail serve` (it carries the access token).\n';

export interface GuardRequest {
  method: string;
  /** The raw request target, e.g. "/?token=…" or "/api/claims.list". */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface GuardConfig {
  port: number;
  /** The API secret (header only). */
  token: string;
  /** The page cookie's value: static files and the progress stream, nothing else. */
  pageKey: string;
  /** Launch codes not yet traded for the token. */
  launchCodes: ReadonlySet<string>;
}

/** 'header': the API token; 'cookie': the page key; 'launch': an unspent launch code. */
export type TokenSource = 'header' | 'cookie' | 'launch';
export type GuardResult = { ok: true; via: TokenSource; pathname: string } | { ok: false; why: string };

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? (v.length === 1 ? v[0] : undefined) : v;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((h) => `http://${h}`);
}

/** All values of one cookie in a Cookie header (a browser may send duplicates). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const out: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) out.push(part.slice(eq + 1).trim());
  }
  return out;
}

/** Splits a request target into path and query; null for anything but an origin-form target. */
export function parseTarget(url: string): { pathname: string; query: URLSearchParams } | null {
  if (!url.startsWith('/') || url.startsWith('//')) return null;
  const q = url.indexOf('?');
  const pathname = q < 0 ? url : url.slice(0, q);
  return { pathname, query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)) };
}

const oneOf = (given: string | undefined, codes: ReadonlySet<string>): boolean =>
  given !== undefined && [...codes].some((c) => sameSecret(given, c));

function tokenSource(req: GuardRequest, pathname: string, query: URLSearchParams, cfg: GuardConfig): TokenSource | null {
  const header = single(req.headers[TOKEN_HEADER]);
  if (header !== undefined && sameSecret(header, cfg.token)) return 'header';
  if (req.method === 'POST' && pathname === '/api/session' && oneOf(single(req.headers[LAUNCH_HEADER]), cfg.launchCodes)) return 'launch';
  if (req.method === 'GET' && pathname === '/') {
    const q = query.getAll('launch');
    if (q.length === 1 && oneOf(q[0], cfg.launchCodes)) return 'launch';
  }
  const cookieHeader = single(req.headers.cookie);
  if (cookieValues(cookieHeader, pageCookieName(cfg.port)).some((v) => sameSecret(v, cfg.pageKey))) return 'cookie';
  return null;
}

export function guard(req: GuardRequest, cfg: GuardConfig): GuardResult {
  const host = single(req.headers.host);
  if (host === undefined || !allowedHosts(cfg.port).includes(host)) return { ok: false, why: 'host' };
  const origin = req.headers.origin;
  if (origin !== undefined && (typeof origin !== 'string' || !allowedOrigins(cfg.port).includes(origin)))
    return { ok: false, why: 'origin' };
  const target = parseTarget(req.url);
  if (!target) return { ok: false, why: 'target' };
  const via = tokenSource(req, target.pathname, target.query, cfg);
  if (!via) return { ok: false, why: 'token' };
  return { ok: true, via, pathname: target.pathname };
}
