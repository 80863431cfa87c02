/**
 * The fetch as a task of the documents worker (db/documents/tasks.ts): the async fetcher runs there while
 * the database worker or the CLI blocks in runInWorkerSync. A FetchError reaches the caller by name and
 * message; cancel stops the worker (and with it every socket).
 */
import { fetchPage, type FetchedPage, type FetchOptions } from '../fetch';

export interface FetchTaskInput {
  url: string;
  /** The limits (tests lower them); the defaults are the fetcher's. */
  limits?: Pick<FetchOptions, 'maxBytes' | 'maxRedirects' | 'timeoutMs' | 'connectTimeoutMs'>;
}

export const FETCH_PROGRESS_LABEL = 'Fetching the page';

export function fetchTask(input: FetchTaskInput, ctx: { progress(done: number, total: number, label: string): void }): Promise<FetchedPage> {
  return fetchPage(input.url, {
    ...input.limits,
    onProgress: (received, total) => ctx.progress(received, total ?? 0, FETCH_PROGRESS_LABEL),
  });
}
