/**
 * The capture store (issue 13): real files attached through the contract into a real case file;
 * bytes stored once per SHA-256, the capture.added event, the size limit, refusals that change nothing,
 * empty source fields filled from the document's metadata.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CAPTURE_BYTES } from '../../core/contract/captures';
import { storeCapture } from '../../db/service/captures';
import { createCtx } from '../../db/service/context';
import { all, sql } from '../../db/sql';
import { tempCase, tempDir } from '../helpers';

const dir = tempDir();
const NOTE = [
  'Field notes, 12 March.',
  '',
  'The harbour master said the ship left at dawn, "before the fog lifted".',
  'Two witnesses disagree about the flag it flew.',
].join('\n');
writeFileSync(join(dir, 'notes.txt'), NOTE);
writeFileSync(join(dir, 'brief.md'), '# Brief\n\nThe minister denied the report on *Tuesday*.\n');

const b64 = (path: string) => readFileSync(path).toString('base64');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function counts(api: ReturnType<typeof tempCase>['api']) {
  const n = (q: ReturnType<typeof sql>) => all<{ n: number }>(api.db, q)[0]!.n;
  return {
    blobs: n(sql`SELECT count(*) AS n FROM blobs`),
    captures: n(sql`SELECT count(*) AS n FROM captures`),
    pages: n(sql`SELECT count(*) AS n FROM capture_pages`),
    events: n(sql`SELECT count(*) AS n FROM events`),
  };
}

function newSource(api: ReturnType<typeof tempCase>['api'], extra: Record<string, unknown> = {}) {
  return api.invoke('sources.create', { title: 'Harbour notes', ...extra });
}

describe('captures.attach with text files', () => {
  it('stores the exact bytes, the text, one capture.added event, and lists and returns them', () => {
    const { api } = tempCase();
    const src = newSource(api);
    const bytes = readFileSync(join(dir, 'notes.txt'));
    const out = api.invoke('captures.attach', { sourceId: src.id, bytes: bytes.toString('base64'), fileName: 'notes.txt', accessedAt: '2026-03-12' });
    expect(out.created).toBe(true);
    expect(out.capture).toMatchObject({
      sourceId: src.id,
      sha256: sha(bytes),
      byteSize: bytes.length,
      mediaType: 'text/plain',
      fileName: 'notes.txt',
      origin: 'file',
      accessedAt: '2026-03-12',
      extraction: 'text',
      pageCount: 1,
      textLength: NOTE.length,
    });
    expect(out.filled).toEqual(['accessedAt']);
    expect(out.source.accessedAt).toBe('2026-03-12');

    expect(api.invoke('captures.list', { sourceId: src.id })).toEqual([out.capture]);
    const detail = api.invoke('captures.get', { id: out.capture.id });
    expect(detail.text).toBe(NOTE);
    expect(detail.pages).toEqual([{ page: 1, start: 0, length: NOTE.length }]);
    const back = Buffer.from(api.invoke('captures.bytes', { id: out.capture.id }).bytes, 'base64');
    expect(back.equals(bytes)).toBe(true);

    const added = api.invoke('history.recent', { limit: 10 }).filter((e) => e.kind === 'capture.added');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ entityType: 'source', entityId: src.id });
    expect(added[0]!.payload).toEqual({
      captureId: out.capture.id,
      sha256: sha(bytes),
      byteSize: bytes.length,
      mediaType: 'text/plain',
      origin: 'file',
      finalUrl: null,
      httpStatus: null,
      capturedAt: out.capture.capturedAt,
    });
    expect(api.invoke('history.verify', {}).ok).toBe(true);
  });

  it('detects Markdown and indexes the text in the documents word index', () => {
    const { api } = tempCase();
    const src = newSource(api);
    const out = api.invoke('captures.attach', { sourceId: src.id, bytes: b64(join(dir, 'brief.md')), fileName: 'brief.md' });
    expect(out.capture.mediaType).toBe('text/markdown');
    const hits = all<{ rowid: number }>(api.db, sql`SELECT rowid FROM capture_pages_fts WHERE capture_pages_fts MATCH ${'denied'}`);
    expect(hits).toHaveLength(1);
  });

  it('the same bytes twice in one source make no second capture; in another source they share the blob', () => {
    const { api } = tempCase();
    const a = newSource(api);
    const b = newSource(api, { title: 'Second source' });
    const bytes = b64(join(dir, 'notes.txt'));
    const first = api.invoke('captures.attach', { sourceId: a.id, bytes, fileName: 'notes.txt' });
    const before = counts(api);
    const again = api.invoke('captures.attach', { sourceId: a.id, bytes, fileName: 'renamed.txt' });
    expect(again.created).toBe(false);
    expect(again.capture.id).toBe(first.capture.id);
    expect(counts(api)).toEqual(before);

    const other = api.invoke('captures.attach', { sourceId: b.id, bytes, fileName: 'notes.txt' });
    expect(other.created).toBe(true);
    expect(other.capture.id).not.toBe(first.capture.id);
    expect(counts(api)).toMatchObject({ blobs: 1, captures: 2, pages: 2 });
  });

  it('a source keeps several captures over time, oldest first', () => {
    let t = Date.parse('2026-03-01T00:00:00Z');
    const { api } = tempCase({ now: () => new Date((t += 60_000)).toISOString() });
    const src = newSource(api);
    const one = api.invoke('captures.attach', { sourceId: src.id, bytes: Buffer.from('version one').toString('base64'), fileName: 'a.txt' });
    const two = api.invoke('captures.attach', { sourceId: src.id, bytes: Buffer.from('version two').toString('base64'), fileName: 'a.txt' });
    expect(api.invoke('captures.list', { sourceId: src.id }).map((c) => c.id)).toEqual([one.capture.id, two.capture.id]);
    expect(two.capture.capturedAt > one.capture.capturedAt).toBe(true);
  });

  it('refuses unreadable documents, empty files and trashed sources, and changes nothing', () => {
    const { api } = tempCase();
    const src = newSource(api);
    const before = counts(api);
    const binary = Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x42]).toString('base64');
    const r1 = api.call('captures.attach', { sourceId: src.id, bytes: binary, fileName: 'odd.bin' });
    expect(r1).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(!r1.ok && r1.error.message).toMatch(/^"odd\.bin" cannot be captured: .+Nothing was stored\.$/);
    const r2 = api.call('captures.attach', { sourceId: src.id, bytes: '', fileName: 'empty.txt' });
    expect(!r2.ok && r2.error.message).toMatch(/"empty\.txt" is empty/);
    const gone = newSource(api, { title: 'Trashed' });
    api.invoke('sources.delete', { id: gone.id });
    const mid = counts(api);
    const r3 = api.call('captures.attach', { sourceId: gone.id, bytes: b64(join(dir, 'notes.txt')) });
    expect(!r3.ok && r3.error.message).toMatch(/in the trash/);
    expect(counts(api)).toEqual(mid);
    expect(mid.blobs + mid.captures + mid.pages).toBe(before.blobs + before.captures + before.pages);
    const r4 = api.call('captures.attach', { sourceId: '0190f5c2-0000-7000-8000-000000000000', bytes: b64(join(dir, 'notes.txt')) });
    expect(r4).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a document over the size limit, naming its size and the limit', () => {
    const { api, handle } = tempCase();
    const src = newSource(api);
    const ctx = createCtx(handle.db, { actor: 'tester' });
    const big = new Uint8Array(MAX_CAPTURE_BYTES + 1).fill(0x61);
    expect(() => storeCapture(ctx, { sourceId: src.id, bytes: big, fileName: 'huge.txt', origin: 'file' })).toThrow(
      /"huge\.txt" is 64\.0 MB \(67108865 bytes\); a capture may hold at most 64 MB \(67108864 bytes\)/,
    );
    expect(counts(api)).toMatchObject({ blobs: 0, captures: 0 });
    // Through the contract: just over the limit reaches the store's check; far over it the schema refuses.
    const r = api.call('captures.attach', { sourceId: src.id, bytes: Buffer.from(big).toString('base64'), fileName: 'huge.txt' });
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/at most 64 MB/) });
    const far = api.call('captures.attach', { sourceId: src.id, bytes: 'A'.repeat(MAX_CAPTURE_BYTES * 2) });
    expect(!far.ok && far.error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/larger than the 64 MB a capture may hold/) });
    expect(counts(api)).toMatchObject({ blobs: 0, captures: 0 });
  });

  it('fills only the source fields the analyst left empty, as a recorded source.updated change', () => {
    const { api, handle } = tempCase();
    const ctx = createCtx(handle.db, { actor: 'tester' });
    const src = newSource(api, { publisher: 'Harbour Gazette' });
    const out = storeCapture(ctx, {
      sourceId: src.id,
      bytes: Buffer.from('<p>Ship left at dawn.</p>'),
      fileName: 'page.txt',
      origin: 'url',
      requestedUrl: 'http://127.0.0.1/story',
      finalUrl: 'http://127.0.0.1/story?x=1',
      httpStatus: 200,
      headers: { 'content-type': 'text/plain' },
    });
    expect(out.filled).toEqual(['url']);
    expect(out.source).toMatchObject({ publisher: 'Harbour Gazette', url: 'http://127.0.0.1/story?x=1' });
    expect(out.capture).toMatchObject({ origin: 'url', httpStatus: 200, headers: { 'content-type': 'text/plain' } });
    const updated = api.invoke('history.recent', { limit: 10 }).filter((e) => e.kind === 'source.updated');
    expect(updated).toHaveLength(1);
    expect(updated[0]!.payload).toEqual({ before: { url: null }, after: { url: 'http://127.0.0.1/story?x=1' } });
  });

  it('untrusted metadata: a value the contract would refuse is not filled (the next candidate is), a long title is cut', () => {
    const { api, handle } = tempCase();
    const ctx = createCtx(handle.db, { actor: 'tester' });
    const src = newSource(api);
    const bytes = Buffer.from('Ship left at dawn.');
    const out = storeCapture(ctx, {
      sourceId: src.id,
      bytes,
      origin: 'url',
      finalUrl: 'http://127.0.0.1/story',
      // What an extractor could hand over from a hostile page's meta tags.
      extracted: {
        mediaType: 'text/html',
        extraction: 'text',
        pages: ['Ship left at dawn.'],
        meta: { title: 'T'.repeat(5_000), publishedAt: 'yesterday', url: 'javascript:alert(1)', authors: ['A. Writer', '  '], doi: '' },
      },
    });
    expect(out.filled.sort()).toEqual(['authors', 'url']);
    expect(out.source).toMatchObject({ url: 'http://127.0.0.1/story', authors: ['A. Writer'], publishedAt: null, doi: null });
    expect(out.capture.title).toHaveLength(2_000);
  });
});
