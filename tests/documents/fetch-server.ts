/** Real HTTP servers on 127.0.0.1 (random port) for the fetch tests: in this thread (recording every request) or in its own. */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  url(path: string): string;
  /** Every request received: path and headers. */
  seen: { path: string; headers: IncomingHttpHeaders }[];
  /** Resolves when the response for `path` was closed (finished or cut off by the client). */
  closed(path: string): Promise<{ finished: boolean }>;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const seen: TestServer['seen'] = [];
  const closes = new Map<string, (v: { finished: boolean }) => void>();
  const waits = new Map<string, Promise<{ finished: boolean }>>();
  const waitFor = (path: string) => {
    if (!waits.has(path)) waits.set(path, new Promise((resolve) => closes.set(path, resolve)));
    return waits.get(path)!;
  };
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push({ path, headers: req.headers });
    void waitFor(path);
    res.once('close', () => closes.get(path)!({ finished: res.writableFinished }));
    const route = routes[path.split('?')[0]!];
    if (route) route(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such page');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    seen,
    closed: waitFor,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route of the server thread, as data (it crosses to another thread). */
export interface RouteSpec {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** A file, relative to tests/documents/. */
  file?: string;
  redirect?: string;
  /** Sends `bytes` every `everyMs` until the client goes away. */
  trickle?: { bytes: number; everyMs: number };
}

/**
 * The server in its own thread, for callers that block theirs (captures.fetch, the CLI in-process):
 * a server on the test's own thread could not answer while the caller waits.
 */
export async function startServerThread(routes: Record<string, RouteSpec>): Promise<{ url(path: string): string; close(): Promise<void> }> {
  const worker = new Worker(new URL('./server-thread.mjs', import.meta.url), { workerData: { routes } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { port: number }) => resolve(m.port));
    worker.once('error', reject);
  });
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: async () => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('close');
      await exited;
    },
  };
}
