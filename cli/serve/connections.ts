/**
 * Web mode against slow clients (issue 12.9): a client must send its headers, then its body, within
 * a bound; an idle socket is closed; and only so many connections may be open before one of their
 * requests has passed the guard. Connections that authenticated (the page's own) do not count, so
 * a flood of silent sockets cannot lock the analyst's open tab out.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** From the connection (or the previous request) to the end of the request headers. */
  headersTimeoutMs: number;
  /** For receiving a whole request, headers and body (16 MB on loopback takes far less). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic either way for this long is closed (the progress stream's heartbeat keeps it alive). */
  idleTimeoutMs: number;
  /** Open connections none of whose requests passed the guard yet; more are closed at once. */
  maxUnauthenticated: number;
  /** All open connections. */
  maxConnections: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 120_000,
  maxUnauthenticated: 32,
  maxConnections: 256,
};

export function connectionLimits(given: Partial<ConnectionLimits> = {}): ConnectionLimits {
  const l = { ...DEFAULT_LIMITS, ...given };
  // Node refuses a headers timeout longer than the request timeout.
  return { ...l, headersTimeoutMs: Math.min(l.headersTimeoutMs, l.requestTimeoutMs) };
}

/** How often Node checks the header and request timeouts (it checks every 30 s by default). */
export const checkingInterval = (l: ConnectionLimits): number => Math.max(50, Math.min(1_000, Math.floor(l.headersTimeoutMs / 4)));

/** The progress stream writes a comment this often, well inside the idle timeout. */
export const heartbeatMs = (l: ConnectionLimits): number => Math.max(50, Math.min(15_000, Math.floor(l.idleTimeoutMs / 3)));

/** Applies the limits to a server; call `admit(socket)` once a request on it passed the guard. */
export function limitConnections(server: Server, l: ConnectionLimits): { admit(socket: Socket): void } {
  server.headersTimeout = l.headersTimeoutMs;
  server.requestTimeout = l.requestTimeoutMs;
  server.keepAliveTimeout = l.keepAliveTimeoutMs;
  server.timeout = l.idleTimeoutMs; // per socket: no traffic for this long → the socket is destroyed
  server.maxConnections = l.maxConnections;
  const unauthenticated = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    if (unauthenticated.size >= l.maxUnauthenticated) return void socket.destroy();
    unauthenticated.add(socket);
    socket.once('close', () => unauthenticated.delete(socket));
  });
  return { admit: (socket) => void unauthenticated.delete(socket) };
}
