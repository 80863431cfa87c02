/** The fetch task in the task worker as Electron ships it (dist/electron/main/documents-worker.js). */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInWorkerSync, TaskFailure } from '../../db/documents/run-sync';
// @ts-expect-error plain .mjs build script without type declarations
import { buildElectron } from '../../scripts/build-electron.mjs';
import { tempDir } from '../helpers';
import { startServerThread } from './fetch-server';

let workerFile: string;
let server: Awaited<ReturnType<typeof startServerThread>>;
beforeAll(async () => {
  const out = tempDir();
  await (buildElectron as (dir: string) => Promise<void>)(out);
  workerFile = join(out, 'main/documents-worker.js');
  server = await startServerThread({ '/a': { redirect: '/b' }, '/b': { body: 'bundled fetch', headers: { 'content-type': 'text/plain' } } });
});
afterAll(() => server.close());

describe('bundled fetch task', () => {
  it('fetches through redirects and refuses like the source build', () => {
    const page = runInWorkerSync('fetch', { url: server.url('/a') }, { workerFile });
    expect(new TextDecoder().decode(page.bytes)).toBe('bundled fetch');
    expect(page).toMatchObject({ finalUrl: server.url('/b'), status: 200, redirects: [{ url: server.url('/b'), status: 302 }] });
    let failure: unknown;
    try {
      runInWorkerSync('fetch', { url: server.url('/none') }, { workerFile });
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(TaskFailure);
    expect(failure).toMatchObject({ kind: 'error', errorName: 'FetchError', message: `The server answered 404 Not Found for ${server.url('/none')}; nothing was stored.` });
  });
});
