/**
 * Issue 12.9: slow clients held connections open indefinitely. Raw sockets on 127.0.0.1 against a
 * server with short limits: a slowloris client (headers dripping in), a slow body and a silent
 * socket are each cut off; extra unauthenticated connections are refused; an authenticated
 * connection keeps working through the flood, and the progress stream outlives every timeout.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../cli/serve/server';
import { DEFAULT_LIMITS } from '../../../cli/serve/connections';
import { tempCase } from '../../helpers';

const SHORT = { headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 300, idleTimeoutMs: 600, maxUnauthenticated: 4 };
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function server(limits: Partial<typeof DEFAULT_LIMITS>): Promise<RunningServer> {
  const c = tempCase();
  c.close();
  const s = await startServer({ casePath: c.path, limits });
  servers.push(s);
  return s;
}

interface Raw {
  socket: Socket;
  closed: Promise<void>;
  isClosed(): boolean;
  received(): string;
  /** Resolves once the data received so far matches. */
  wait(re: RegExp): Promise<string>;
}

function raw(port: number): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    let closed = false;
    const waiters: (() => void)[] = [];
    socket.on('data', (b) => {
      data += b.toString();
      for (const w of waiters.splice(0)) w();
    });
    socket.on('error', () => undefined);
    const closedP = new Promise<void>((r) => socket.once('close', () => ((closed = true), r())));
    const wait = (re: RegExp) =>
      new Promise<string>((res, rej) => {
        const check = () => (re.test(data) ? res(data) : closed ? rej(new Error(`closed before ${re}: ${data}`)) : waiters.push(check));
        void closedP.then(() => (re.test(data) ? res(data) : rej(new Error(`closed before ${re}: ${data}`))));
        check();
      });
    socket.once('connect', () => resolve({ socket, closed: closedP, isClosed: () => closed, received: () => data, wait }));
    socket.once('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Writes one piece every `everyMs` until the socket closes or `max` pieces were sent; returns how many went. */
async function drip(r: Raw, piece: string, everyMs: number, max: number): Promise<number> {
  for (let i = 0; i < max; i++) {
    if (r.isClosed()) return i;
    r.socket.write(piece);
    await sleep(everyMs);
  }
  return max;
}

describe('web mode against slow clients', () => {
  it('cuts off a client whose headers drip in (slowloris) and one whose body drips in', async () => {
    const s = await server(SHORT);
    const host = `127.0.0.1:${s.port}`;
    const headers = await raw(s.port);
    headers.socket.write(`GET / HTTP/1.1\r\nHost: ${host}\r\n`);
    expect(await drip(headers, 'X-Slow: 1\r\n', 50, 400)).toBeLessThan(400);

    const body = await raw(s.port);
    body.socket.write(`POST /api/case.info HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nX-Claimtrail-Token: ${s.token}\r\nContent-Length: 100000\r\n\r\n`);
    expect(await drip(body, ' ', 50, 400)).toBeLessThan(400);
    // The server still answers a normal request.
    const ok = await raw(s.port);
    ok.socket.write(`POST /api/case.info HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nX-Claimtrail-Token: ${s.token}\r\nContent-Length: 2\r\n\r\n{}`);
    expect(await ok.wait(/"ok":true/)).toMatch(/^HTTP\/1\.1 200/);
  });

  it('closes a socket that sends nothing', async () => {
    const s = await server(SHORT);
    const silent = await raw(s.port);
    await silent.closed; // without the timeouts this never happens (the test would time out)
    expect(silent.received()).not.toContain('200 OK');
  });

  it('refuses connections beyond the unauthenticated cap; an authenticated connection keeps working', async () => {
    // Long timeouts here, so that only the cap can close anything during the test.
    const s = await server({ maxUnauthenticated: 4 });
    const host = `127.0.0.1:${s.port}`;
    const request = `POST /api/case.info HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nX-Claimtrail-Token: ${s.token}\r\nContent-Length: 2\r\n\r\n{}`;
    const tab = await raw(s.port);
    tab.socket.write(request);
    await tab.wait(/"ok":true/);

    const flood = await Promise.all(Array.from({ length: 4 }, () => raw(s.port)));
    const extras = await Promise.all(Array.from({ length: 3 }, () => raw(s.port)));
    await Promise.all(extras.map((e) => e.closed));
    expect(extras.every((e) => e.received() === '')).toBe(true);
    expect(flood.every((f) => !f.isClosed())).toBe(true);

    // The authenticated keep-alive connection (the open tab) still gets answers.
    tab.socket.write(request);
    await expect.poll(() => tab.received().match(/"ok":true/g)?.length ?? 0).toBe(2);
    // Once the flood goes away, new connections are admitted again.
    for (const f of flood) f.socket.destroy();
    await Promise.all(flood.map((f) => f.closed));
    const later = await raw(s.port);
    later.socket.write(request);
    expect(await later.wait(/"ok":true/)).toMatch(/^HTTP\/1\.1 200/);
  });

  it('keeps the progress stream open past the request and idle timeouts (heartbeats)', async () => {
    const s = await server(SHORT);
    const sse = await raw(s.port);
    sse.socket.write(`GET /api/progress HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nX-Claimtrail-Token: ${s.token}\r\n\r\n`);
    await sse.wait(/text\/event-stream/);
    // Heartbeats come every idle/3 = 200 ms; 8 of them span more than the request and idle timeouts together.
    await expect.poll(() => sse.received().match(/: keep-alive/g)?.length ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
    expect(sse.isClosed()).toBe(false);
    sse.socket.destroy();
  });

  it('has sane defaults', () => {
    expect(DEFAULT_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(DEFAULT_LIMITS.requestTimeoutMs);
    expect(DEFAULT_LIMITS.maxUnauthenticated).toBeLessThan(DEFAULT_LIMITS.maxConnections);
  });
});
