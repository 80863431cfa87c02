/** Serves the built renderer (dist/renderer) without ever leaving that folder. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { sendText } from './headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside root, or null when it is malformed, hidden, or escapes root.
 * "/" and paths without an extension map to index.html (the app routes on the client).
 */
export function resolveStatic(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '..' || p.startsWith('.'))) return null;
  if (parts.length === 0 || !extname(parts[parts.length - 1]!)) return join(resolve(root), 'index.html');
  const base = resolve(root);
  const file = resolve(base, ...parts);
  return file.startsWith(base + sep) ? file : null;
}

export const NOT_BUILT =
  'The ClaimTrail web page has not been built yet: run `npm run build:renderer` (or `npm run web`), then reload. The API works meanwhile.\n';

export function rendererBuilt(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}

export function serveStatic(res: ServerResponse, root: string, pathname: string, head: boolean): void {
  if (!rendererBuilt(root)) return sendText(res, 503, NOT_BUILT);
  const file = resolveStatic(root, pathname);
  if (!file) return sendText(res, 404, 'Not found.\n');
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return sendText(res, 404, 'Not found.\n');
    size = st.size;
  } catch {
    return sendText(res, 404, 'Not found.\n');
  }
  const immutable = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'Content-Type': contentType(file),
    'Content-Length': size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (head) return void res.end();
  createReadStream(file).pipe(res);
}
