/**
 * captures.fetch: capture a web page by URL (issue 13). The page is fetched first (db/documents/fetch.ts,
 * on the documents worker while this thread blocks), outside any transaction; then one transaction
 * stores it: into the given source, or into a new web source made from the page's own metadata.
 */
import { contract, type ApiHandlers } from '../../core/api';
import type { CaptureOutcome } from '../../core/contract/captures';
import { DocumentError, extractDocumentSync, type DocumentMeta, type ExtractedDocument } from '../documents/extract';
import { FetchError, type FetchedPage } from '../documents/fetch';
import { fetchPageSync, type FetchSyncOptions } from '../documents/fetch/sync';
import { CaseError, invalid } from '../errors';
import { sourceRowById } from '../repos/sources';
import { storeCapture } from './captures';
import { cancelRequested, transactional, type Ctx } from './context';
import { sourceHandlers } from './sources';

type CreateInput = Parameters<ApiHandlers['sources.create']>[0];

function fetchOrRefuse(ctx: Ctx, url: string, limits: FetchSyncOptions['limits']): FetchedPage {
  try {
    return fetchPageSync(url, { limits, onProgress: (done, total, label) => ctx.progress(done, total, label), isCancelled: () => cancelRequested(ctx) });
  } catch (e) {
    if (e instanceof FetchError) throw new CaseError(e.cancelled ? 'cancelled' : 'invalid', e.message);
    throw e;
  }
}

/** Titles for a page without a usable one: host and path of the final address (decoded, then raw), then the host. */
export function titlesFromUrl(url: string): string[] {
  const u = new URL(url);
  const raw = u.pathname === '/' ? '' : u.pathname;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // keep the raw path
  }
  return [`${u.host}${decoded}`.slice(0, 2000), `${u.host}${raw}`.slice(0, 2000), u.host];
}

/**
 * The new source: kind web, reliability F (cannot be judged yet), url = the final address, and title,
 * publisher, authors, publication date and DOI from the metadata, each only where the contract accepts
 * it (metadata is untrusted); the result is the contract's parse (NFC, trimmed), as if the analyst typed it.
 */
export function sourceFromPage(page: FetchedPage, meta: DocumentMeta, accessedAt: string): { input: CreateInput; filled: string[] } {
  const schema = contract['sources.create'].input;
  const accepts = (fields: Record<string, unknown>) => schema.safeParse({ title: 'x', ...fields }).success;
  const title = meta.title?.trim();
  const filled = title && accepts({ title }) ? ['title'] : [];
  const input: Record<string, unknown> = {
    title: filled.length ? title : titlesFromUrl(page.finalUrl).find((t) => accepts({ title: t })),
    // A final address the analyst could not enter (longer than the contract allows) is left out.
    url: accepts({ url: page.finalUrl }) ? page.finalUrl : null,
    kind: 'web',
    reliability: 'F',
    accessedAt,
  };
  const offered: Record<string, unknown> = {
    publisher: meta.publisher?.trim() || undefined,
    authors: meta.authors?.map((a) => a.trim()).filter((a) => a && accepts({ authors: [a] })),
    publishedAt: meta.publishedAt,
    doi: meta.doi?.trim() || undefined,
  };
  for (const [key, value] of Object.entries(offered)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0) || !accepts({ [key]: value })) continue;
    input[key] = value;
    filled.push(key);
  }
  return { input: schema.parse(input), filled };
}

function extractPage(page: FetchedPage, ctx: Ctx): ExtractedDocument {
  try {
    const hint = { fileName: page.fileNameHint, mediaType: page.mediaTypeHint };
    return extractDocumentSync(page.bytes, hint, { onProgress: (d, t, l) => ctx.progress(d, t, l), isCancelled: () => cancelRequested(ctx) });
  } catch (e) {
    if (e instanceof DocumentError) throw invalid(`The page at ${page.finalUrl} cannot be captured: ${e.message} Nothing was stored.`);
    throw e;
  }
}

export interface CaptureUrlOptions {
  /** Lower fetch limits (tests); the defaults are the fetcher's. */
  fetchLimits?: FetchSyncOptions['limits'];
}

export function captureUrlHandlers(ctx: Ctx, opts: CaptureUrlOptions = {}): Pick<ApiHandlers, 'captures.fetch'> {
  const tx = transactional(ctx);
  type Store = { page: FetchedPage; sourceId: string; accessedAt: string; filled: string[]; extracted?: ExtractedDocument };
  const store = tx(({ page, sourceId, accessedAt, filled, extracted }: Store): CaptureOutcome => {
    const outcome = storeCapture(ctx, {
      sourceId,
      extracted,
      bytes: page.bytes,
      fileName: page.fileNameHint,
      mediaType: page.mediaTypeHint,
      accessedAt,
      origin: 'url',
      requestedUrl: page.requestedUrl,
      finalUrl: page.finalUrl,
      httpStatus: page.status,
      headers: page.headers,
    });
    return { ...outcome, filled: [...filled, ...outcome.filled.filter((f) => !filled.includes(f))] };
  });
  const createAndStore = tx(({ page, accessedAt, extracted }: { page: FetchedPage; accessedAt: string; extracted: ExtractedDocument }): CaptureOutcome => {
    const { input, filled } = sourceFromPage(page, extracted.meta, accessedAt);
    const source = sourceHandlers(ctx)['sources.create'](input);
    return store({ page, sourceId: source.id, accessedAt, filled, extracted });
  });
  return {
    'captures.fetch': (input) => {
      // An unknown or trashed source is refused before anything is fetched.
      const row = input.sourceId ? sourceRowById(ctx.db, input.sourceId) : null;
      if (row?.deleted_at) throw invalid(`source ${row.id} is in the trash; restore it before capturing into it.`);
      const page = fetchOrRefuse(ctx, input.url, opts.fetchLimits);
      const accessedAt = input.accessedAt ?? ctx.now().slice(0, 10);
      // Extracted once, before the transaction: its metadata makes the source, and the store keeps its text.
      if (!row) return createAndStore({ page, accessedAt, extracted: extractPage(page, ctx) });
      return store({ page, sourceId: row.id, accessedAt, filled: [] });
    },
  };
}
