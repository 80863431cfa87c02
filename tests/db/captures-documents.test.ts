/**
 * The store with real documents (issue 13): PDFs printed by Chromium (the sample brief, a two-column page),
 * a DOCX written by LibreOffice, an HTML article with menus, scripts and ads, a PNG rendered by poppler;
 * each attached through the contract, its text stored by page and indexed, empty source fields filled
 * from its metadata; a broken PDF refused with nothing written; the JSON export carries them byte-identical.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportJson, importJson } from '../../db/transfer/json';
import { all, sql } from '../../db/sql';
import { documentFixture } from '../documents/fixtures';
import { briefText } from '../fixtures/documents/generate';
import { tempCase, tempDir } from '../helpers';

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
let briefPdf: Uint8Array;
let twoColumn: Uint8Array;
let docx: Uint8Array;
let article: Uint8Array;
let png: Uint8Array;

beforeAll(async () => {
  briefPdf = await documentFixture('brief.pdf');
  twoColumn = await documentFixture('two-column.pdf');
  docx = await documentFixture('brief.docx');
  article = await documentFixture('article.html');
  const dir = tempDir();
  writeFileSync(join(dir, 'brief.pdf'), briefPdf);
  const r = spawnSync('pdftoppm', ['-png', '-r', '20', '-f', '1', '-l', '1', '-singlefile', join(dir, 'brief.pdf'), join(dir, 'page')], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  png = new Uint8Array(readFileSync(join(dir, 'page.png')));
}, 240_000);

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('attaching real documents', () => {
  it('a PDF of the sample brief: pages with their offsets, the text indexed, every sentence of the brief in it', () => {
    const { api } = tempCase();
    const src = api.invoke('sources.create', { title: 'Sample brief' });
    const out = api.invoke('captures.attach', { sourceId: src.id, bytes: b64(briefPdf), fileName: 'brief.pdf' });
    expect(out.capture).toMatchObject({ mediaType: 'application/pdf', extraction: 'text', byteSize: briefPdf.length });
    const detail = api.invoke('captures.get', { id: out.capture.id });
    expect(detail.pages).toHaveLength(out.capture.pageCount);
    expect(detail.pages.length).toBeGreaterThan(1);
    expect(detail.pages[0]!.start).toBe(0);
    detail.pages.slice(1).forEach((p, i) => {
      const prev = detail.pages[i]!;
      expect(p.start).toBe(prev.start + prev.length + 2);
      expect(detail.text.slice(prev.start + prev.length, p.start)).toBe('\n\n');
    });
    const last = detail.pages.at(-1)!;
    expect(last.start + last.length).toBe(out.capture.textLength);
    expect(detail.text.length).toBe(out.capture.textLength);
    const text = squash(detail.text);
    const sentences = briefText().split('\n').slice(1).map(squash).filter((l) => l.length > 20);
    expect(sentences.length).toBeGreaterThan(3);
    for (const s of sentences) expect(text).toContain(s);
    const word = sentences[0]!.split(' ').find((w) => /^[A-Za-z]{6,}$/.test(w))!;
    expect(all(api.db, sql`SELECT rowid FROM capture_pages_fts WHERE capture_pages_fts MATCH ${word}`).length).toBeGreaterThan(0);
  });

  it('a two-column PDF keeps reading order; a DOCX reads as text', () => {
    const { api } = tempCase();
    const src = api.invoke('sources.create', { title: 'Harbour report' });
    const pdf = api.invoke('captures.get', { id: api.invoke('captures.attach', { sourceId: src.id, bytes: b64(twoColumn), fileName: 'two-column.pdf' }).capture.id });
    const order = ['Alpha one', 'Beta two', 'Gamma three', 'Delta four'].map((w) => pdf.text.indexOf(w));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const word = api.invoke('captures.attach', { sourceId: src.id, bytes: b64(docx), fileName: 'brief.docx' });
    expect(word.capture.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(squash(api.invoke('captures.get', { id: word.capture.id }).text)).toContain(squash(briefText().split('\n')[1]!));
  });

  it('an HTML article fills the empty source fields from its metadata, and names them', () => {
    const { api } = tempCase();
    const src = api.invoke('sources.create', { title: 'Strike article', publisher: 'Kept as the analyst wrote it' });
    const out = api.invoke('captures.attach', { sourceId: src.id, bytes: b64(article), fileName: 'article.html' });
    expect(out.capture.mediaType).toBe('text/html');
    expect(out.capture.title).toMatch(/Port strike ends after nine days/);
    expect(out.filled).toEqual(expect.arrayContaining(['authors', 'publishedAt', 'url']));
    expect(out.filled).not.toContain('publisher');
    expect(out.source).toMatchObject({
      title: 'Strike article',
      publisher: 'Kept as the analyst wrote it',
      authors: ['Okafor, Amara', 'Lindqvist, Per'],
      publishedAt: '2024-03-05',
      url: 'https://gazette.example/2024/03/port-strike-ends',
    });
    const text = api.invoke('captures.get', { id: out.capture.id }).text;
    expect(text).not.toMatch(/<script|function\s*\(/);
    const changed = api.invoke('history.recent', { limit: 5 }).find((e) => e.kind === 'source.updated')!;
    expect(Object.keys((changed.payload as { after: object }).after).sort()).toEqual([...out.filled].sort());
  });

  it('an image is kept and shown, with no text', () => {
    const { api } = tempCase();
    const src = api.invoke('sources.create', { title: 'Photo of the notice' });
    const out = api.invoke('captures.attach', { sourceId: src.id, bytes: b64(png), fileName: 'page.png' });
    expect(out.capture).toMatchObject({ mediaType: 'image/png', extraction: 'none', pageCount: 0, textLength: 0 });
    expect(api.invoke('captures.get', { id: out.capture.id })).toMatchObject({ text: '', pages: [] });
    expect(Buffer.from(api.invoke('captures.bytes', { id: out.capture.id }).bytes, 'base64').equals(Buffer.from(png))).toBe(true);
  });

  it('a truncated PDF is refused, saying what and where, and nothing is written', () => {
    const { api } = tempCase();
    const src = api.invoke('sources.create', { title: 'Broken' });
    const events = api.invoke('history.recent', { limit: 1000 }).length;
    const r = api.call('captures.attach', { sourceId: src.id, bytes: b64(briefPdf.slice(0, Math.floor(briefPdf.length / 3))), fileName: 'cut.pdf' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/^"cut\.pdf" cannot be captured: .+Nothing was stored\.$/) });
    expect(all(api.db, sql`SELECT rowid FROM blobs`)).toEqual([]);
    expect(api.invoke('history.recent', { limit: 1000 })).toHaveLength(events);
  });

  it('the JSON export carries a PDF and a DOCX; re-imported, the bytes and text are identical', () => {
    const { api } = tempCase();
    const src = api.invoke('sources.create', { title: 'Sample brief' });
    const ids = [briefPdf, docx].map((bytes, i) => api.invoke('captures.attach', { sourceId: src.id, bytes: b64(bytes), fileName: i ? 'brief.docx' : 'brief.pdf' }).capture.id);
    const target = tempCase().api;
    expect(importJson(target, exportJson(api), 'case.json').errors).toEqual([]);
    for (const id of ids) {
      expect(target.invoke('captures.bytes', { id })).toEqual(api.invoke('captures.bytes', { id }));
      expect(target.invoke('captures.get', { id })).toEqual(api.invoke('captures.get', { id }));
    }
  });
});
