/** PDF through pdf.js: reading order, two columns, line-end hyphens, ligatures, page boundaries, metadata, refusals. */
import { describe, expect, it } from 'vitest';
import { deepseekSample } from '../../core/sample/deepseek';
import { DocumentError } from '../../db/documents/extract';
import { extractDocument } from '../../db/documents/extract/document';
import { briefHtml, briefText, lockedPdf, printPdf, restrictedPdf, TWO_COLUMN_HTML } from '../fixtures/documents/generate';
import { tinyPdf } from '../fixtures/documents/tiny-pdf';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('PDF extraction', () => {
  it('reads a two-column page: the spanning title, column 1, then column 2; hyphens joined, ligatures expanded', async () => {
    const doc = await extractDocument(printPdf(TWO_COLUMN_HTML), { fileName: 'two-column.pdf' });
    expect(doc.mediaType).toBe('application/pdf');
    expect(doc.pages).toHaveLength(1);
    const text = oneLine(doc.pages[0]!);
    const order = ['Harbour Report Across The Whole Page', 'Alpha one.', 'Beta two.', 'Gamma three.', 'Delta four.'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The document's own words decide: it writes "information" and "open-source" elsewhere on one line.
    expect(text).toContain('The information was confirmed by the port office');
    expect(text).toContain('the open-source model was cited; open-source tools are common.');
    expect(text).toContain('The final agreement was signed in the office at floor four.');
    expect(doc.pages[0]).not.toMatch(/[\uFB00-\uFB06\uF001\uF002]/);
    // A browser's PDF: its title is the page's; its date is when it was printed, so it is not a publication date.
    expect(doc.meta).toEqual({ title: 'Two columns' });
  });

  it('reads the sample brief printed by Chromium: every sample quote is in its text', async () => {
    const doc = await extractDocument(printPdf(briefHtml()), { fileName: 'brief.pdf' });
    expect(doc.pages.length).toBeGreaterThanOrEqual(2);
    const text = oneLine(doc.pages.join('\n\n'));
    const missing = deepseekSample.evidence.map((e) => e.excerpt).filter((q) => !text.includes(oneLine(q)));
    expect(missing).toEqual([]);
    // Nothing is lost or added: the same words as the brief, in the same order (a browser's PDF keeps
    // hyphens at line ends, such as the one of "cross-border").
    expect(text).toBe(oneLine(briefText()));
  });

  it('keeps page boundaries and reads metadata from the info dictionary', async () => {
    const pdf = tinyPdf(
      [[{ text: 'Page one opens.', x: 72, y: 760 }, { text: 'Second line of page one.', x: 72, y: 746 }], [{ text: 'Page two alone.', x: 72, y: 760 }]],
      { title: 'Tiny report', author: 'Ann Lee; Bo Chen' },
    );
    const progress: string[] = [];
    const doc = await extractDocument(pdf, {}, { progress: (d, t, l) => progress.push(`${d}/${t} ${l}`) });
    expect(doc.pages).toEqual(['Page one opens.\nSecond line of page one.', 'Page two alone.']);
    expect(doc.meta).toEqual({ title: 'Tiny report', authors: ['Ann Lee', 'Bo Chen'], publishedAt: '2024-03-05' });
    expect(progress).toEqual(['0/2 page 1 of 2', '1/2 page 2 of 2', '2/2 2 pages read']);
  });

  it('joins words hyphenated at line ends by a typesetting producer; keeps capitalized continuations', async () => {
    const lines = ['The infor-', 'mation arrived with a soft\u00AD', 'hyphen and a well-', 'known Anglo-', 'Saxon word.'];
    const doc = await extractDocument(tinyPdf([lines.map((text, i) => ({ text, x: 72, y: 760 - i * 14 }))]), {});
    expect(doc.pages[0]).toBe('The information arrived with a softhyphen and a wellknown Anglo-\nSaxon word.');
  });

  it('reads hand-placed columns in column order', async () => {
    const left = Array.from({ length: 8 }, (_, i) => `Left line ${i + 1} of the first column`);
    const right = Array.from({ length: 8 }, (_, i) => `Right line ${i + 1} of the second one`);
    const lines = [
      { text: 'A Title Spanning Both Columns Of The Page Here', x: 150, y: 800, size: 14 },
      ...left.map((text, i) => ({ text, x: 60, y: 760 - i * 14 })),
      ...right.map((text, i) => ({ text, x: 320, y: 760 - i * 14 })),
      { text: 'A footer line that spans the page gutter too', x: 170, y: 60 },
    ];
    const doc = await extractDocument(tinyPdf([lines]), {});
    expect(doc.pages[0]).toBe(['A Title Spanning Both Columns Of The Page Here', left.join('\n'), right.join('\n'), 'A footer line that spans the page gutter too'].join('\n\n'));
  });

  it('does not split a one-column page drawn word by word (no false gutter)', async () => {
    const words = 'the port authority said cargo handling would be back to normal capacity by the end of the week while unions met'.split(' ');
    const lines: { text: string; x: number; y: number }[] = [];
    const expected: string[] = [];
    for (let l = 0; l < 20; l++) {
      let x = 60 + (l % 3) * 4;
      const line: string[] = [];
      for (let w = 0; w < 9; w++) {
        const word = words[(l * 5 + w * 3) % words.length]!;
        lines.push({ text: word, x, y: 780 - l * 14 });
        line.push(word);
        x += word.length * 6.2 + 8;
      }
      expected.push(line.join(' '));
    }
    expect((await extractDocument(tinyPdf([lines]), {})).pages[0]).toBe(expected.join('\n'));
  });

  it('refuses a password-protected PDF (LibreOffice-exported, and a hand-made one)', async () => {
    const message = 'The PDF is password-protected; open it with its password, save an unprotected copy and attach that.';
    const locked = lockedPdf('<html><body><p>Secret words.</p></body></html>', 'secret');
    await expect(extractDocument(locked, {})).rejects.toThrow(DocumentError);
    await expect(extractDocument(locked, {})).rejects.toThrow(message);
    await expect(extractDocument(tinyPdf([[{ text: 'Secret.', x: 72, y: 760 }]], { encrypted: true }), {})).rejects.toThrow(message);
  });

  it('reads a PDF encrypted only against changes and copying (no password to open it)', async () => {
    const pdf = restrictedPdf('<html><body><p>Open words, restricted file.</p></body></html>', 'owner-secret');
    expect(new TextDecoder('latin1').decode(pdf)).toContain('/Encrypt');
    expect((await extractDocument(pdf, {})).pages.join('')).toContain('Open words, restricted file.');
  });

  it('rebuilds a wrong cross-reference table like other readers', async () => {
    const doc = await extractDocument(tinyPdf([[{ text: 'Still readable.', x: 72, y: 760 }]], { wrongXref: true }), {});
    expect(doc.pages).toEqual(['Still readable.']);
  });
});
