/** Serves the built renderer (dist/renderer) over HTTP; the path mapping is db/host/static.ts. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { contentType, resolveStatic } from '../../db/host/static';
import { sendText } from './headers';

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
