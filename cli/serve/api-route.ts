/** POST /api/<method>, POST /api/cancel and GET /api/progress (Server-Sent Events). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LAUNCH_HEADER } from '../../core/transport';
import { FORBIDDEN_TEXT, type TokenSource } from './guard';
import { sendJson, sendText } from './headers';
import type { CaseHost } from '../../db/host/host';
import { checkInputShape } from '../../db/host/limits';
import { contract, isApiMethod, type ApiResult } from '../../core/api';
import type { MethodDef } from '../../core/contract/define';

export const MAX_BODY = 16 * 1024 * 1024;
/** The body bound of a method: MAX_BODY unless the contract declares a larger input (an attached document). */
function bodyBound(method: string): { max: number; what: string } {
  const large = isApiMethod(method) ? (contract[method] as MethodDef).largeInput : undefined;
  return large ? { max: large.maxBytes, what: large.what } : { max: MAX_BODY, what: `larger than ${MAX_BODY / 1024 / 1024} MB` };
}

const invalid = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'invalid', message } });

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function isJson(req: IncomingMessage): boolean {
  const ct = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return ct === 'application/json';
}

export async function handleCall(req: IncomingMessage, res: ServerResponse, host: CaseHost, method: string): Promise<void> {
  if (!isJson(req)) return sendJson(res, 415, invalid('Send the input as JSON (Content-Type: application/json).'));
  let body: Buffer;
  const bound = bodyBound(method);
  try {
    body = await readBody(req, bound.max);
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, invalid(`The request is ${bound.what}.`));
    }
    throw e;
  }
  let input: unknown;
  const text = body.toString('utf8');
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text);
    } catch (e) {
      return sendJson(res, 400, invalid(`The request body is not valid JSON: ${(e as Error).message}`));
    }
  }
  // Bounded here (400), and again by CaseHost.call for every shell, before anything reaches the worker.
  const shape = checkInputShape(input);
  if (!shape.ok) return sendJson(res, 400, invalid(shape.message));
  sendJson(res, 200, await host.call(method, input));
}

export function handleCancel(req: IncomingMessage, res: ServerResponse, host: CaseHost): void {
  req.resume();
  host.cancel();
  sendJson(res, 200, { ok: true, value: null });
}

export function handleProgress(req: IncomingMessage, res: ServerResponse, host: CaseHost, heartbeatMs: number): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': progress stream\n\n');
  const off = host.onProgress((p) => res.write(`data: ${JSON.stringify(p)}\n\n`));
  const beat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
  beat.unref();
  req.on('close', () => {
    off();
    clearInterval(beat);
  });
}

export interface ApiContext {
  host: CaseHost;
  /** How often the progress stream writes a comment (inside the idle timeout). */
  heartbeatMs: number;
  /** Spends a launch code: the API token, or null when the code was not (or no longer) valid. */
  tradeLaunchCode(code: string): string | null;
}

/** POST /api/session with a one-time launch code as the header: the API token, once. */
function handleSession(req: IncomingMessage, res: ServerResponse, ctx: ApiContext): void {
  req.resume();
  const code = req.headers[LAUNCH_HEADER];
  const token = typeof code === 'string' ? ctx.tradeLaunchCode(code) : null;
  if (token === null) return sendText(res, 403, FORBIDDEN_TEXT);
  sendJson(res, 200, { ok: true, value: { token } });
}

/** Routes an authorised /api request; `via` is the secret the guard accepted. */
export async function routeApi(req: IncomingMessage, res: ServerResponse, ctx: ApiContext, pathname: string, via: TokenSource): Promise<void> {
  const { host } = ctx;
  const name = pathname.slice('/api/'.length);
  const isGet = req.method === 'GET';
  if (via !== 'header') {
    // The page cookie opens the progress stream (EventSource sends no headers) and nothing else: it
    // reaches every server on 127.0.0.1, and a cookie alone must never make a POST (CSRF). A launch
    // code only trades itself for the token.
    if (via === 'cookie' && isGet && name === 'progress') return handleProgress(req, res, host, ctx.heartbeatMs);
    if (via === 'launch' && req.method === 'POST' && name === 'session') return handleSession(req, res, ctx);
    req.resume();
    return sendText(res, 403, FORBIDDEN_TEXT);
  }
  if (isGet && name === 'progress') return handleProgress(req, res, host, ctx.heartbeatMs);
  if (req.method !== 'POST') {
    req.resume();
    res.setHeader('Allow', 'POST');
    return sendText(res, 405, 'Use POST for /api calls.\n');
  }
  if (name === 'cancel') return handleCancel(req, res, host);
  let method: string;
  try {
    method = decodeURIComponent(name);
  } catch {
    return sendJson(res, 400, invalid('The method name in the path is malformed.'));
  }
  return handleCall(req, res, host, method);
}
