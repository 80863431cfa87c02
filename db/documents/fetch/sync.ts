/**
 * The fetch for synchronous callers (the database worker, the CLI): the async fetcher runs on the
 * documents worker (runInWorkerSync) while the caller blocks; progress and cancel pass through.
 */
import { runInWorkerSync, TaskFailure } from '../run-sync';
import { FETCH_TIMEOUT_MS, FetchError, type FetchedPage } from '../fetch';
import type { FetchTaskInput } from './task';

export interface FetchSyncOptions {
  limits?: FetchTaskInput['limits'];
  onProgress?(done: number, total: number, label: string): void;
  isCancelled?(): boolean;
}

/** Fetches `url` within the limits; throws FetchError (with `cancelled` when the analyst cancelled). */
export function fetchPageSync(url: string, opts: FetchSyncOptions = {}): FetchedPage {
  const timeoutMs = opts.limits?.timeoutMs ?? FETCH_TIMEOUT_MS;
  try {
    return runInWorkerSync(
      'fetch',
      { url, limits: opts.limits },
      // The fetcher's own time limit answers first with its message; this one only catches a stuck worker.
      { timeoutMs: timeoutMs + 10_000, onProgress: opts.onProgress, isCancelled: opts.isCancelled },
    );
  } catch (e) {
    if (!(e instanceof TaskFailure)) throw e;
    if (e.kind === 'cancelled') throw new FetchError('Cancelled: the page was not fetched and nothing was stored.', true);
    if (e.kind === 'error' && e.errorName === 'FetchError') throw new FetchError(e.message);
    if (e.kind === 'timeout') throw new FetchError(`Fetching ${url} took longer than the ${timeoutMs / 1000} s limit; nothing was stored.`);
    throw new FetchError(`Fetching ${url} failed: ${e.message}; nothing was stored.`);
  }
}
