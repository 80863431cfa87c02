/** Shared test fixtures: real case files in a fresh temp folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createApi, type ApiOptions, type CaseApi } from '../db/api';
import { closeCase, openCase, type CaseHandle } from '../db/open';
import { writeSample } from '../db/sample';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'claimtrail-test-'));
  dirs.push(d);
  return d;
}

export interface TestCase {
  api: CaseApi;
  handle: CaseHandle;
  path: string;
  close(): void;
}

export function tempCase(opts: ApiOptions & { sample?: boolean; name?: string } = {}): TestCase {
  const path = join(tempDir(), opts.name ?? 'test.claimtrail');
  const handle = openCase(path, { create: true });
  const api = createApi(handle.db, { actor: 'tester', ...opts, path });
  if (opts.sample) writeSample(api);
  return { api, handle, path, close: () => closeCase(handle) };
}

/** Stress sizing: small in `npm test`, large in `npm run test:stress`. */
export const stress = (small: number, large: number): number => (process.env.CT_STRESS ? large : small);
