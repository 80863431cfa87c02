/** Which case `serve` (and the desktop app's first start) opens: the given one, the last one, or the sample. */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createApi } from '../api';
import { closeCase, openCase } from '../open';
import { writeSample } from '../sample';
import { lastCase, sampleCasePath } from '../user-data';

/** Creates the sample case at `path` unless a non-empty file is already there. */
export function ensureSample(path: string): void {
  if (existsSync(path) && statSync(path).size > 0) return;
  mkdirSync(dirname(path), { recursive: true });
  const handle = openCase(path, { create: true });
  try {
    writeSample(createApi(handle.db, { path }));
  } finally {
    closeCase(handle);
  }
}

export function caseToOpen(given: string | undefined): string {
  if (given) return given;
  const last = lastCase();
  if (last) return last;
  const sample = sampleCasePath();
  ensureSample(sample);
  return sample;
}
