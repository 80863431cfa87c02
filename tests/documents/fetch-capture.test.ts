/**
 * captures.fetch through the contract into a real case file, against a real server on 127.0.0.1:
 * a new web source made from the page's metadata, a capture into a given source, refusals that store
 * nothing, and progress and cancel through the service context (the fetch runs on the documents worker).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseError } from '../../db/errors';
import { captureUrlHandlers } from '../../db/service/capture-url';
import { createCtx } from '../../db/service/context';
import { all, sql } from '../../db/sql';
import { tinyPdf } from '../fixtures/documents/tiny-pdf';
import { tempCase, tempDir } from '../helpers';
import { startServerThread } from './fetch-server';

const ARTICLE = readFileSync(new URL('../fixtures/documents/article.html', import.meta.url));
const NOTE = 'Field notes, 12 March.\n\nThe ship left at dawn.\n';
const PDF = tinyPdf([[{ text: 'Quarterly cargo figures for the eastern terminal.', x: 72, y: 720 }]], { title: 'Cargo figures Q1', author: 'Port Authority' });
const pdfFile = join(tempDir(), 'figures.bin');
writeFileSync(pdfFile, PDF);

let server: Awaited<ReturnType<typeof startServerThread>>;
beforeAll(async () => {
  server = await startServerThread({
    '/strike': { file: '../fixtures/documents/article.html', headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'id=1' } },
    '/old-strike': { status: 301, redirect: '/strike' },
    '/notes.txt': { body: NOTE, headers: { 'content-type': 'text/plain; charset=utf-8', etag: '"n1"' } },
    // Declared as a download of unknown type: the bytes say PDF.
    '/download': { file: pdfFile, headers: { 'content-type': 'application/octet-stream' } },
    '/slow': { trickle: { bytes: 70_000, everyMs: 20 }, headers: { 'content-type': 'text/plain' } },
  });
});
afterAll(() => server.close());

function counts(db: ReturnType<typeof tempCase>['api']['db']) {
  const n = (q: ReturnType<typeof sql>) => all<{ n: number }>(db, q)[0]!.n;
  return {
    sources: n(sql`SELECT count(*) AS n FROM sources`),
    captures: n(sql`SELECT count(*) AS n FROM captures`),
    blobs: n(sql`SELECT count(*) AS n FROM blobs`),
    events: n(sql`SELECT count(*) AS n FROM events`),
  };
}

function refusal(fn: () => unknown): CaseError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CaseError);
    return e as CaseError;
  }
  throw new Error('expected a refusal');
}

describe('captures.fetch', () => {
  it('without a source: makes a web source from the page metadata (one source.created), then the capture', () => {
    const { api } = tempCase({ now: () => '2026-12-01T10:00:00.000Z' });
    const out = api.invoke('captures.fetch', { url: server.url('/old-strike') });
    expect(out.created).toBe(true);
    expect(out.source).toMatchObject({
      title: 'Port strike ends after nine days',
      publisher: 'Harbour Gazette Ltd',
      authors: ['Okafor, Amara', 'Lindqvist, Per'],
      publishedAt: '2024-03-05',
      doi: '10.5555/harbour.2024.031',
      url: server.url('/strike'),
      accessedAt: '2026-12-01',
      kind: 'web',
      reliability: 'F',
    });
    expect(out.filled).toEqual(['title', 'publisher', 'authors', 'publishedAt', 'doi']);
    expect(out.capture).toMatchObject({
      sourceId: out.source.id,
      origin: 'url',
      requestedUrl: server.url('/old-strike'),
      finalUrl: server.url('/strike'),
      httpStatus: 200,
      mediaType: 'text/html',
      sha256: createHash('sha256').update(ARTICLE).digest('hex'),
      byteSize: ARTICLE.length,
      accessedAt: '2026-12-01',
    });
    expect(out.capture.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(out.capture.headers['set-cookie']).toBeUndefined();
    const detail = api.invoke('captures.get', { id: out.capture.id });
    expect(detail.text).toContain('ending a nine-day strike that had stranded more than forty container ships');
    expect(detail.text).not.toContain('Subscribe today');
    const kinds = api.invoke('history.recent', { limit: 10 }).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'source.created')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'capture.added')).toHaveLength(1);
    expect(kinds).not.toContain('source.updated');
  });

  it('with a source: captures into it and fills only what the analyst left empty; the same bytes again store nothing', () => {
    const { api } = tempCase();
    const src = api.invoke('sources.create', { title: 'My title for it', publisher: 'Herald (print)', reliability: 'B' });
    const out = api.invoke('captures.fetch', { url: server.url('/strike'), sourceId: src.id, accessedAt: '2026-11-30' });
    expect(out.source).toMatchObject({ id: src.id, title: 'My title for it', publisher: 'Herald (print)', reliability: 'B', authors: ['Okafor, Amara', 'Lindqvist, Per'], accessedAt: '2026-11-30' });
    expect(out.filled).not.toContain('title');
    expect(out.filled).not.toContain('publisher');
    expect(out.capture.accessedAt).toBe('2026-11-30');
    const before = counts(api.db);
    const again = api.invoke('captures.fetch', { url: server.url('/strike'), sourceId: src.id });
    expect(again).toMatchObject({ created: false, capture: { id: out.capture.id } });
    expect(counts(api.db)).toEqual(before);
  });

  it('a page without metadata: the title is the address, the type is sniffed, the kept headers are stored', () => {
    const { api } = tempCase();
    const out = api.invoke('captures.fetch', { url: server.url('/notes.txt') });
    expect(out.source.title).toBe(`${new URL(server.url('/')).host}/notes.txt`);
    expect(out.filled).not.toContain('title');
    expect(out.capture).toMatchObject({ mediaType: 'text/plain', fileName: 'notes.txt', headers: { etag: '"n1"' } });
  });

  it('a PDF declared as octet-stream: sniffed from its bytes, extracted, the source titled from its info', () => {
    const { api } = tempCase();
    const out = api.invoke('captures.fetch', { url: server.url('/download?id=3') });
    expect(out.capture).toMatchObject({ mediaType: 'application/pdf', pageCount: 1, fileName: 'download', headers: { 'content-type': 'application/octet-stream' } });
    expect(out.source).toMatchObject({ title: 'Cargo figures Q1', authors: ['Port Authority'], kind: 'web' });
    expect(api.invoke('captures.get', { id: out.capture.id }).text).toContain('Quarterly cargo figures for the eastern terminal.');
  });

  it('refuses a 404, a bad address, an unknown source: nothing is stored', () => {
    const { api } = tempCase();
    const before = counts(api.db);
    expect(refusal(() => api.invoke('captures.fetch', { url: server.url('/nothing-here') }))).toMatchObject({
      code: 'invalid',
      message: `The server answered 404 Not Found for ${server.url('/nothing-here')}; nothing was stored.`,
    });
    const creds = server.url('/strike').replace('http://', 'http://a:b@');
    expect(refusal(() => api.invoke('captures.fetch', { url: creds })).message).toMatch(/user name or password/);
    expect(refusal(() => api.invoke('captures.fetch', { url: 'mailto:a@example.org' })).message).toMatch(/not http or https/);
    expect(refusal(() => api.invoke('captures.fetch', { url: server.url('/strike'), sourceId: '01890000-0000-7000-8000-000000000000' })).code).toBe('not_found');
    expect(counts(api.db)).toEqual(before);
  });

  it('reports progress through the context, is cancelled through it, and keeps the time limit', () => {
    const { api, handle } = tempCase();
    const before = counts(api.db);
    let cancelled = false;
    const reports: number[] = [];
    const ctx = createCtx(handle.db, {
      onProgress: (done) => {
        reports.push(done);
        if (done > 200_000) cancelled = true;
      },
      isCancelled: () => cancelled,
    });
    const e = refusal(() => captureUrlHandlers(ctx)['captures.fetch']({ url: server.url('/slow') }));
    expect(e).toMatchObject({ code: 'cancelled' });
    expect(reports.length).toBeGreaterThan(0);

    const limited = captureUrlHandlers(createCtx(handle.db), { fetchLimits: { timeoutMs: 1000 } });
    expect(refusal(() => limited['captures.fetch']({ url: server.url('/slow') })).message).toBe(
      `Fetching ${server.url('/slow')} took longer than the 1 s limit; nothing was stored.`,
    );
    expect(counts(api.db)).toEqual(before);
  });
});
