/**
 * Web mode: the renderer and the contract over HTTP on 127.0.0.1 only, behind a per-run token
 * (DESIGN §7). The case lives in a worker thread (CaseHost), so the server never blocks on it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { routeApi, type ApiContext } from './api-route';
import { checkingInterval, connectionLimits, heartbeatMs, limitConnections, type ConnectionLimits } from './connections';
import { FORBIDDEN_TEXT, guard, pageCookieName, type GuardConfig } from './guard';
import { securityHeaders, sendText } from './headers';
import { CaseError } from '../../db/errors';
import { CaseSwitch } from '../../db/host/case-switch';
import { CaseHost } from '../../db/host/host';
import { rememberCase } from '../../db/user-data';
import { lastPort, newSecret, rememberPort, serverSecrets } from './secrets';
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
  /** Sign exports and saved briefings with the analyst's key in this folder (serve: the user data folder). */
  signingDir?: string;
  /** The database worker script (tests start one with planted failures); default: the real one. */
  workerFile?: URL | string;
  /** How long closing lets a busy worker finish before stopping it (CaseHostOptions.closeGraceMs). */
  closeGraceMs?: number;
  /** Called after a launch code was traded for the token (serve then prints an address for another tab). */
  onLaunchUsed?: () => void;
  /** Timeouts and connection caps against slow clients (tests use short ones); defaults in connections.ts. */
  limits?: Partial<ConnectionLimits>;
  /**
   * The user data folder (serve: db/user-data.ts userDataDir()): the case switcher's recent cases
   * (read and extended), the token and page key kept per port so a restart keeps open tabs working,
   * and the last port, tried first when no port is given (cli/serve/secrets.ts). None: fresh secrets,
   * only the open case listed.
   */
  userDir?: string;
  /** Make new secrets even when some are kept for this port (serve --new-token). */
  renewSecrets?: boolean;
}

/** Unspent launch codes kept at once; minting more forgets the oldest. */
const MAX_LAUNCH_CODES = 16;

interface Ctx extends ApiContext, GuardConfig {
  staticDir: string;
  admit(socket: Socket): void;
}

export interface RunningServer {
  /** An address to open in one browser tab: every read makes a new one-time launch code. */
  readonly url: string;
  /** The API secret: only ever sent as the x-claimtrail-token header. */
  token: string;
  port: number;
  /** The case open now (the case switcher may open another). */
  readonly host: CaseHost;
  /** The port the last server used when it was taken now and this one took a free one instead (tabs open on it cannot follow). */
  readonly portTaken: number | null;
  /** Opens (or makes) another case in this server, as the case switcher does. */
  openCase(path: string, create?: boolean): Promise<void>;
  /** Stops the server and closes the case; `stuck` when the worker could not be stopped (cli/serve/stop.ts). */
  close(): Promise<{ stuck: boolean }>;
}

export const defaultStaticDir = (): string => fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Ctx) {
  securityHeaders(res);
  const g = guard({ method: req.method ?? '', url: req.url ?? '', headers: req.headers }, ctx);
  if (!g.ok) {
    req.resume();
    return sendText(res, 403, FORBIDDEN_TEXT);
  }
  ctx.admit(req.socket);
  if (g.pathname.startsWith('/api/')) return routeApi(req, res, ctx, g.pathname, g.via);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    req.resume();
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed.\n');
  }
  if (g.via === 'launch') res.setHeader('Set-Cookie', `${pageCookieName(ctx.port)}=${ctx.pageKey}; HttpOnly; SameSite=Strict; Path=/`);
  serveStatic(res, ctx.staticDir, g.pathname, req.method === 'HEAD');
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const { actor, backupRoot, workerFile, closeGraceMs, signingDir, userDir } = opts;
  const cases = new CaseSwitch((casePath, create) =>
    // A new, empty case is not backed up on creation (as in the desktop app).
    CaseHost.start({ casePath, create, actor, backupRoot: create ? undefined : backupRoot, workerFile, closeGraceMs, signingDir, userDir }),
  );
  const openCase = async (path: string, create = false) => {
    await cases.open(path, create);
    if (userDir) rememberCase(cases.current!.casePath, userDir);
  };
  const first = await cases.open(opts.casePath);
  const limits = connectionLimits(opts.limits);
  const launchCodes = new Set<string>();
  const ctx: Ctx = {
    port: 0,
    token: '',
    pageKey: '',
    launchCodes,
    cases,
    session: { cases, userDir, open: openCase },
    staticDir: opts.staticDir ?? defaultStaticDir(),
    admit: () => undefined,
    heartbeatMs: heartbeatMs(limits),
    tradeLaunchCode(code) {
      if (!launchCodes.delete(code)) return null;
      opts.onLaunchUsed?.();
      return ctx.token;
    },
  };
  const server = createServer({ requireHostHeader: false, connectionsCheckingInterval: checkingInterval(limits) }, (req, res) => {
    handle(req, res, ctx).catch((e: unknown) => {
      if (!res.headersSent) sendText(res, 500, `Internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      else res.destroy();
    });
  });
  ctx.admit = limitConnections(server, limits).admit;
  // requireHostHeader is off so that a request without Host meets the guard (403) like any other.
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  // No port given: the one the last server used, so that open tabs find this one; a free one when it is taken.
  const remembered = !opts.port && userDir ? lastPort(userDir) : null;
  let portTaken: number | null = null;
  try {
    if (remembered)
      await listen(remembered).catch(() => {
        portTaken = remembered;
        return listen(0);
      });
    else await listen(opts.port ?? 0);
  } catch (e) {
    await cases.close();
    throw listenError(e, opts.port ?? 0);
  }
  ctx.port = (server.address() as AddressInfo).port;
  Object.assign(ctx, serverSecrets(userDir, ctx.port, opts.renewSecrets));
  if (userDir) rememberPort(userDir, ctx.port);
  const launchUrl = () => {
    const code = newSecret();
    launchCodes.add(code);
    if (launchCodes.size > MAX_LAUNCH_CODES) launchCodes.delete(launchCodes.values().next().value!);
    return `http://127.0.0.1:${ctx.port}/?launch=${code}`;
  };
  let closing: Promise<{ stuck: boolean }> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return cases.close();
    })());
  return {
    get url() {
      return launchUrl();
    },
    token: ctx.token,
    port: ctx.port,
    get host() {
      return cases.current ?? first;
    },
    portTaken,
    openCase,
    close,
  };
}

/** A port that cannot be had is the analyst's to fix: say which and what to do, not "unexpected error". */
function listenError(e: unknown, port: number): unknown {
  const code = e instanceof Error && 'code' in e ? (e as { code: unknown }).code : null;
  if (code === 'EADDRINUSE')
    return new CaseError('conflict', `Port ${port} on 127.0.0.1 is already in use (another ClaimTrail or another program). Choose another with --port N, or leave --port out to take a free one.`);
  if (code === 'EACCES')
    return new CaseError('conflict', `Port ${port} needs privileges this user does not have. Choose a port above 1023 with --port N, or leave --port out.`);
  return e;
}
