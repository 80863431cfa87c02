/**
 * Web mode: the renderer and the contract over HTTP on 127.0.0.1 only, behind a per-run token
 * (DESIGN §7). The case lives in a worker thread (CaseHost), so the server never blocks on it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { routeApi } from './api-route';
import { FORBIDDEN_TEXT, guard, TOKEN_COOKIE } from './guard';
import { securityHeaders, sendText } from './headers';
import { CaseHost } from '../../db/host/host';
import { serveStatic } from './static';

export interface ServeOptions {
  casePath: string;
  /** 0 or absent: a random free port. */
  port?: number;
  /** The built renderer; defaults to dist/renderer at the repository root. */
  staticDir?: string;
  actor?: string;
  /** Take the day's rolling backup of the case into this folder after opening it (`serve` passes the user data backups folder). */
  backupRoot?: string;
}

export interface RunningServer {
  url: string;
  token: string;
  port: number;
  host: CaseHost;
  close(): Promise<void>;
}

export const defaultStaticDir = (): string => fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

async function handle(req: IncomingMessage, res: ServerResponse, ctx: { port: number; token: string; host: CaseHost; staticDir: string }) {
  securityHeaders(res);
  const g = guard({ method: req.method ?? '', url: req.url ?? '', headers: req.headers }, ctx);
  if (!g.ok) {
    req.resume();
    return sendText(res, 403, FORBIDDEN_TEXT);
  }
  if (g.pathname.startsWith('/api/')) return routeApi(req, res, ctx.host, g.pathname, g.via === 'header');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    req.resume();
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed.\n');
  }
  if (g.via === 'query') res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${ctx.token}; HttpOnly; SameSite=Strict; Path=/`);
  serveStatic(res, ctx.staticDir, g.pathname, req.method === 'HEAD');
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = await CaseHost.start({ casePath: opts.casePath, actor: opts.actor, backupRoot: opts.backupRoot });
  const token = randomBytes(32).toString('hex');
  const staticDir = opts.staticDir ?? defaultStaticDir();
  const ctx = { port: 0, token, host, staticDir };
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    handle(req, res, ctx).catch((e: unknown) => {
      if (!res.headersSent) sendText(res, 500, `Internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      else res.destroy();
    });
  });
  server.requestTimeout = 0; // the progress stream stays open
  // requireHostHeader is off so that a request without Host meets the guard (403) like any other.
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    await host.close();
    throw e;
  }
  ctx.port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${ctx.port}/?token=${token}`;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await host.close();
    })());
  return { url, token, port: ctx.port, host, close };
}
