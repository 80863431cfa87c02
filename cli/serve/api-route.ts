/** POST /api/<method>, POST /api/cancel and GET /api/progress (Server-Sent Events). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CASE_HEADER, LAUNCH_HEADER } from '../../core/transport';
import { isSessionMethod } from '../../core/contract/session';
import type { CaseSwitch } from '../../db/host/case-switch';
import { BRIEFING_PDF_ROUTE, handleBriefingPdf } from './briefing-pdf';
import { handleSessionCall, type SessionContext } from './session-route';
import { FORBIDDEN_TEXT, type TokenSource } from './guard';
import { sendJson, sendText } from './headers';
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

/** Reads, parses and bounds a call's JSON body; nothing once an error answer was sent. */
async function readInput(req: IncomingMessage, res: ServerResponse, method: string): Promise<{ input: unknown } | void> {
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
  return { input };
}

/** A tab that saw an earlier opening of a case (another tab switched since) must not reach this one. */
function staleTab(req: IncomingMessage, cases: CaseSwitch): string | null {
  const seen = req.headers[CASE_HEADER];
  if (seen === undefined || seen === String(cases.generation)) return null;
  const now = cases.current?.casePath ?? 'another case';
  return `The case this page shows is no longer open here: another tab switched this server to ${now}. Reload the page (nothing of this call was done).`;
}

export async function handleCall(req: IncomingMessage, res: ServerResponse, ctx: ApiContext, method: string): Promise<void> {
  const read = await readInput(req, res, method);
  if (!read) return;
  const { cases } = ctx;
  if (isSessionMethod(method)) {
    const r = await handleSessionCall(method, read.input, ctx.session);
    res.setHeader(CASE_HEADER, String(cases.generation));
    return sendJson(res, 200, r);
  }
  const stale = staleTab(req, cases);
  if (stale) return sendJson(res, 409, { ok: false, error: { code: 'conflict', message: stale } });
  res.setHeader(CASE_HEADER, String(cases.generation));
  const host = cases.current;
  if (!host) return sendJson(res, 200, { ok: false, error: { code: 'internal', message: 'No case is open.' } });
  if (method === BRIEFING_PDF_ROUTE) return handleBriefingPdf(res, host, read.input);
  sendJson(res, 200, await host.call(method, read.input));
}

export function handleCancel(req: IncomingMessage, res: ServerResponse, cases: CaseSwitch): void {
  req.resume();
  cases.current?.cancel();
  sendJson(res, 200, { ok: true, value: null });
}

export function handleProgress(req: IncomingMessage, res: ServerResponse, cases: CaseSwitch, heartbeatMs: number): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': progress stream\n\n');
  const off = cases.onProgress((p) => res.write(`data: ${JSON.stringify(p)}\n\n`));
  const beat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
  beat.unref();
  req.on('close', () => {
    off();
    clearInterval(beat);
  });
}

export interface ApiContext {
  /** The open case, switched by the session methods. */
  cases: CaseSwitch;
  session: SessionContext;
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
  const { cases } = ctx;
  const name = pathname.slice('/api/'.length);
  const isGet = req.method === 'GET';
  if (via !== 'header') {
    // The page cookie opens the progress stream (EventSource sends no headers) and nothing else: it
    // reaches every server on 127.0.0.1, and a cookie alone must never make a POST (CSRF). A launch
    // code only trades itself for the token.
    if (via === 'cookie' && isGet && name === 'progress') return handleProgress(req, res, cases, ctx.heartbeatMs);
    if (via === 'launch' && req.method === 'POST' && name === 'session') return handleSession(req, res, ctx);
    req.resume();
    return sendText(res, 403, FORBIDDEN_TEXT);
  }
  if (isGet && name === 'progress') return handleProgress(req, res, cases, ctx.heartbeatMs);
  if (req.method !== 'POST') {
    req.resume();
    res.setHeader('Allow', 'POST');
    return sendText(res, 405, 'Use POST for /api calls.\n');
  }
  if (name === 'cancel') return handleCancel(req, res, cases);
  let method: string;
  try {
    method = decodeURIComponent(name);
  } catch {
    return sendJson(res, 400, invalid('The method name in the path is malformed.'));
  }
  return handleCall(req, res, ctx, method);
}
