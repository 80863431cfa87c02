/**
 * Hostile and fuzzed documents: truncated and byte-flipped PDFs and DOCX, malformed cross-references,
 * zip bombs, HTML 100,000 levels deep or 50 MB large, wrong encodings, random bytes. Every outcome is a
 * result or a DocumentError that says what was refused and where; nothing crashes. `npm test` runs the
 * small counts, `npm run test:stress` (CT_STRESS=1) the large ones.
 */
import { describe, expect, it } from 'vitest';
import { DocumentError, extractDocumentSync, type ExtractedDocument } from '../../db/documents/extract';
import { extractDocument } from '../../db/documents/extract/document';
import { mulberry32 } from '../../bench/lib/prng';
import { stress } from '../helpers';
import { tinyPdf } from '../fixtures/documents/tiny-pdf';
import { minimalDocx } from '../fixtures/documents/zip-fixtures';
import { documentFixture } from './fixtures';

// A seeded generator, so a failing case can be replayed.
const random = mulberry32;

const flip = (bytes: Uint8Array, rnd: () => number, count: number): Uint8Array => {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < count; i++) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
  return out;
};

// What a refusal must look like: a sentence naming the document kind (or the page) and what is wrong.
const REFUSAL = /^(The (PDF|file|HTML page|DOCX|DOCX entry|ZIP archive \(DOCX\)|text file)[ :;,']|Page \d+ of the PDF |Reading the (PDF|HTML page|DOCX document) ).{10,}/;

type Outcome = { ok: true; doc: ExtractedDocument } | { ok: false; message: string };

async function outcome(bytes: Uint8Array, hint: { fileName?: string } = {}): Promise<Outcome> {
  try {
    const doc = await extractDocument(bytes, hint);
    expect(doc.pages.every((p) => typeof p === 'string')).toBe(true);
    return { ok: true, doc };
  } catch (e) {
    // Anything but a DocumentError is a crash.
    if (!(e instanceof DocumentError)) throw e;
    expect(e.message).toMatch(REFUSAL);
    // Our own formatting never leaks "undefined" or "[object Object]"; a library's programming error (a
    // TypeError passed on as a refusal) counts as a crash: it says nothing about the document.
    expect(e.message).not.toMatch(/\[object |\bundefined\)?\.?$/);
    expect(e.message).not.toMatch(/Cannot (read|destructure|set) propert|is not a function|is not iterable|Maximum call stack/);
    return { ok: false, message: e.message };
  }
}

async function fuzz(name: string, base: Uint8Array, runs: number, mutate: (b: Uint8Array, rnd: () => number) => Uint8Array) {
  let refused = 0;
  for (let i = 0; i < runs; i++) {
    const rnd = random(i + 1);
    const r = await outcome(mutate(base, rnd), { fileName: name });
    if (!r.ok) refused++;
  }
  return refused;
}

describe('hostile documents', () => {
  it('truncated PDFs: read what is there or refused, never a crash', async () => {
    const pdf = await documentFixture('brief.pdf');
    const runs = stress(30, 600);
    const refused = await fuzz('brief.pdf', pdf, runs, (b, rnd) => b.subarray(0, Math.floor(rnd() * b.length)));
    expect(refused).toBeGreaterThan(0);
  });

  it('byte-flipped PDFs and a malformed cross-reference table', async () => {
    const pdf = await documentFixture('two-column.pdf');
    await fuzz('two-column.pdf', pdf, stress(30, 600), (b, rnd) => flip(b, rnd, 1 + Math.floor(rnd() * 50)));
    const tiny = tinyPdf([[{ text: 'Readable anyway.', x: 72, y: 700 }]], { wrongXref: true });
    expect(await outcome(tiny)).toMatchObject({ ok: true, doc: { pages: ['Readable anyway.'] } });
    const noXref = new TextDecoder('latin1').decode(tiny).replace(/xref\n[\s\S]*?trailer/, 'trailer').replace(/startxref\n\d+/, 'startxref\n999999');
    expect(await outcome(new Uint8Array(Buffer.from(noXref, 'latin1')))).toMatchObject({ ok: true });
    expect(await outcome(new Uint8Array(Buffer.from('%PDF-1.7\nnothing else at all here', 'latin1')))).toEqual({ ok: false, message: expect.stringMatching(/^The (file is not a readable PDF|PDF could not be read)/) });
  });

  it('truncated and byte-flipped DOCX', async () => {
    const docx = minimalDocx(['A paragraph of the document.', 'Another one.'], { title: 'T' });
    await fuzz('x.docx', docx, stress(20, 400), (b, rnd) => b.subarray(0, Math.floor(rnd() * b.length)));
    await fuzz('x.docx', docx, stress(20, 400), (b, rnd) => flip(b, rnd, 1 + Math.floor(rnd() * 20)));
  });

  it('truncated and byte-flipped HTML pages', async () => {
    const html = await documentFixture('article.html');
    await fuzz('article.html', html, stress(20, 400), (b, rnd) => b.subarray(0, Math.floor(rnd() * b.length)));
    await fuzz('article.html', html, stress(20, 400), (b, rnd) => flip(b, rnd, 1 + Math.floor(rnd() * 100)));
    // Cut inside the first tag: linkedom makes no <html> element of it (found by this fuzzing).
    expect(await outcome(Buffer.from('<!DOCTYPE html>\n<html lang="e'))).toMatchObject({ ok: true, doc: { pages: [''] } });
  });

  it('HTML 100,000 levels deep is refused, saying so', async () => {
    const deep = `<html><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`;
    expect(await outcome(Buffer.from(deep))).toEqual({
      ok: false,
      message: 'The HTML page nests its elements more than 1000 levels deep; pages that deep are refused as hostile.',
    });
  });

  it('a 50 MB HTML page is refused before a worker is started', async () => {
    const big = Buffer.from(`<html><body>${'<p>word word word word word word word word</p>\n'.repeat(1_200_000)}</body></html>`);
    expect(big.length).toBeGreaterThan(50 * 1024 * 1024);
    expect(() => extractDocumentSync(big, {})).toThrow(/^The HTML page is 5\d\.\d MB; pages larger than 32\.0 MB are not read\.$/);
  });

  it('a large page with too many elements for Readability is still read (from its body)', async () => {
    const html = Buffer.from(`<html><body><nav>Menu</nav>${'<p>alpha beta</p>'.repeat(70_000)}</body></html>`);
    const r = await outcome(html);
    expect(r.ok && r.doc.pages[0]!.split('\n\n').length).toBe(70_000);
    expect(r.ok && r.doc.pages[0]).not.toContain('Menu');
  });

  it('wrong encodings decode to text without failing', async () => {
    // Declared ISO-8859-1, really UTF-8: decoded as declared (mojibake, but no failure and no loss of length).
    const utf8 = Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>café — ünïcode</p></body></html>');
    expect(await outcome(utf8)).toMatchObject({ ok: true, doc: { pages: [expect.stringContaining('cafÃ©')] } });
    // UTF-16 without a BOM has NULs: refused as not text, naming its first bytes.
    expect(await outcome(Buffer.from('plain words', 'utf16le'))).toEqual({ ok: false, message: expect.stringMatching(/^The file's type is not recognized \(it starts with bytes 70 00 6c 00/) });
    // Invalid UTF-8 falls back to windows-1252.
    expect(await outcome(Buffer.from([0x61, 0xff, 0xfe, 0x80, 0x62]), { fileName: 'a.txt' })).toMatchObject({ ok: true, doc: { pages: ['aÿþ€b'] } });
    // A label the decoder does not know falls through to UTF-8.
    const bogus = Buffer.from('<html><head><meta charset="x-nonsense-42"></head><body><p>naïve</p></body></html>');
    expect(await outcome(bogus)).toMatchObject({ ok: true, doc: { pages: [expect.stringContaining('naïve')] } });
  });

  it('random bytes and random prefixes of real signatures', async () => {
    const signatures = ['%PDF-1.7\n', 'PK\u0003\u0004', '<!doctype html><html>', '\u0089PNG\r\n\u001a\n', '', 'GIF89a', 'RIFF0000WEBP'];
    let n = 0;
    for (let i = 0; i < stress(60, 2000); i++) {
      const rnd = random(10_000 + i);
      const head = Buffer.from(signatures[i % signatures.length]!, 'latin1');
      const body = Buffer.from(Array.from({ length: Math.floor(rnd() * 4096) }, () => Math.floor(rnd() * 256)));
      await outcome(new Uint8Array(Buffer.concat([head, body])));
      n++;
    }
    expect(n).toBe(stress(60, 2000));
  });
});
