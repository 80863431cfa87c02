/**
 * Anchored quotes in real documents (issue 13): the sample case's quotes in the PDF Chromium prints of the
 * sample brief and in the DOCX LibreOffice writes of it, all exact, with the page; a two-column PDF with
 * line-end hyphens and ligatures; an HTML page with menus and ads around the article. Extraction is the
 * real one (pdf.js, mammoth, Readability) through captures.attach.
 */
import { describe, expect, it } from 'vitest';
import type { CaseApi } from '../../db/api';
import { tempCase } from '../helpers';
import { documentFixture } from '../documents/fixtures';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function quotesOf(api: CaseApi) {
  return api
    .invoke('claims.list', {})
    .items.flatMap((c) => api.invoke('claims.get', { id: c.id }).evidence)
    .filter((e) => e.excerpt);
}

describe('the sample case anchored in documents made from the sample brief', () => {
  it.each([
    ['brief.pdf', 'application/pdf'],
    ['brief.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ])('%s: every quote exact, selectors in the extracted text', async (name, mediaType) => {
    const bytes = await documentFixture(name);
    const { api } = tempCase({ sample: true });
    const quotes = quotesOf(api);
    let exact = 0;
    for (const sourceId of new Set(quotes.map((e) => e.sourceId))) {
      const out = api.invoke('captures.attach', { sourceId, bytes: b64(bytes), fileName: name });
      expect(out.capture.mediaType).toBe(mediaType);
      exact += out.anchors.exact;
    }
    expect(exact).toBe(quotes.length);
    const pages = new Set<number>();
    for (const e of quotesOf(api)) {
      expect(e.anchor?.status, e.excerpt).toBe('exact');
      const detail = api.invoke('captures.get', { id: e.anchor!.captureId! });
      const s = e.anchor!.selectors!;
      expect(detail.text.slice(s.start, s.end)).toBe(s.exact);
      const page = detail.pages.find((p) => p.page === s.page)!;
      expect(s.start).toBeGreaterThanOrEqual(page.start);
      pages.add(s.page);
    }
    if (name.endsWith('.pdf')) expect(pages.size).toBeGreaterThan(1);
  }, 180_000);
});

describe('quotes in other real documents', () => {
  it('a two-column PDF: quotes across a line-end hyphen and with ligatures anchor exact; locate gives "p. 1"', async () => {
    const { api } = tempCase();
    const source = api.invoke('sources.create', { title: 'Harbour report' });
    const claim = api.invoke('claims.create', { text: 'The agreement was signed' });
    const cap = api.invoke('captures.attach', { sourceId: source.id, bytes: b64(await documentFixture('two-column.pdf')), fileName: 'two-column.pdf' }).capture;
    for (const excerpt of ['The information was confirmed by the port office', 'The final agreement was signed in the office at floor four.']) {
      const ev = api.invoke('evidence.create', { claimId: claim.id, sourceId: source.id, stance: 'supports', excerpt });
      const anchor = api.invoke('claims.get', { id: claim.id }).evidence.find((e) => e.id === ev.id)!.anchor!;
      expect(anchor.status, excerpt).toBe('exact');
      expect(anchor.captureId).toBe(cap.id);
    }
    const text = api.invoke('captures.get', { id: cap.id }).text;
    const at = text.indexOf('Gamma three');
    expect(api.invoke('captures.locate', { id: cap.id, start: at, end: at + 11 })).toMatchObject({ locator: 'p. 1', selectors: { exact: 'Gamma three', page: 1 } });
  }, 120_000);

  it('an HTML article with menus and ads: the article’s quotes exact, an ad’s words not found', async () => {
    const { api } = tempCase();
    const source = api.invoke('sources.create', { title: 'Harbour Gazette' });
    const claim = api.invoke('claims.create', { text: 'The strike ended' });
    api.invoke('captures.attach', { sourceId: source.id, bytes: b64(await documentFixture('article.html')), fileName: 'article.html' });
    const add = (excerpt: string) => {
      const ev = api.invoke('evidence.create', { claimId: claim.id, sourceId: source.id, stance: 'supports', excerpt });
      return api.invoke('claims.get', { id: claim.id }).evidence.find((e) => e.id === ev.id)!.anchor!;
    };
    expect(add('The agreement was reached late on Monday, after talks that ran for eleven hours').status).toBe('exact');
    expect(add('“Nobody won this strike, but the workers did not lose it either,” said the union’s regional secretary.').status).toBe('exact');
    expect(add('Buy the amazing harbour crane now, limited offer!').status).toBe('not-found');
  }, 120_000);

  it('an image capture (no text) after a text capture leaves the quotes anchored in the text', () => {
    const { api } = tempCase();
    const source = api.invoke('sources.create', { title: 'Notice board' });
    const claim = api.invoke('claims.create', { text: 'The port reopened' });
    const text = api.invoke('captures.attach', { sourceId: source.id, bytes: b64(Buffer.from('The port reopened on Friday at noon.')), fileName: 'n.txt' }).capture;
    const ev = api.invoke('evidence.create', { claimId: claim.id, sourceId: source.id, stance: 'supports', excerpt: 'The port reopened on Friday' });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const image = api.invoke('captures.attach', { sourceId: source.id, bytes: b64(png), fileName: 'photo.png' });
    expect(image.capture.extraction).toBe('none');
    const anchor = api.invoke('claims.get', { id: claim.id }).evidence.find((e) => e.id === ev.id)!.anchor!;
    expect(anchor).toMatchObject({ status: 'exact', captureId: text.id, lostSince: null });
  });
});
