// A test HTTP server on 127.0.0.1 in its own thread, for callers that block their thread while they
// fetch (captures.fetch waits in Atomics.wait). Routes are data (see RouteSpec in fetch-server.ts).
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import process from 'node:process';
import { clearInterval, setInterval } from 'node:timers';
import { URL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const routes = workerData.routes;

const server = createServer((req, res) => {
  const route = routes[(req.url ?? '/').split('?')[0]];
  if (!route) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('no such page');
    return;
  }
  if (route.trickle) {
    res.writeHead(200, { 'content-type': 'application/octet-stream', ...route.headers });
    const chunk = Buffer.alloc(route.trickle.bytes, 120);
    const timer = setInterval(() => res.write(chunk), route.trickle.everyMs);
    res.once('close', () => clearInterval(timer));
    return;
  }
  const body = route.file ? readFileSync(new URL(route.file, import.meta.url)) : Buffer.from(route.body ?? '');
  const headers = { 'content-length': String(body.length), ...route.headers };
  if (route.redirect) headers.location = route.redirect;
  res.writeHead(route.status ?? (route.redirect ? 302 : 200), headers);
  res.end(body);
});

server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => {
  if (m === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
