/** DOCX through mammoth: paragraphs, core properties, and the zip-bomb guard before mammoth. */
import { describe, expect, it } from 'vitest';
import { deepseekSample } from '../../core/sample/deepseek';
import { DocumentError } from '../../db/documents/extract';
import { extractDocument } from '../../db/documents/extract/document';
import { briefText } from '../fixtures/documents/generate';
import { deflatedZip, docxParts, minimalDocx } from '../fixtures/documents/zip-fixtures';
import { documentFixture } from './fixtures';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('DOCX extraction', () => {
  it('reads paragraphs with a blank line between them, and the core properties', async () => {
    const docx = minimalDocx(['# Strike report', 'First paragraph & more.', 'Second <paragraph>.'], { title: 'Strike report', creator: 'Ann Lee', created: '2024-03-05T09:00:00Z' });
    const doc = await extractDocument(docx, { fileName: 'report.docx' });
    expect(doc).toEqual({
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extraction: 'text',
      pages: ['Strike report\n\nFirst paragraph & more.\n\nSecond <paragraph>.'],
      meta: { title: 'Strike report', authors: ['Ann Lee'], publishedAt: '2024-03-05' },
    });
  });

  it('reads the sample brief as LibreOffice writes it: the same text, every sample quote in it', async () => {
    const doc = await extractDocument(await documentFixture('brief.docx'), { fileName: 'brief.docx' });
    const text = oneLine(doc.pages[0]!);
    expect(text).toBe(oneLine(briefText()));
    expect(deepseekSample.evidence.filter((e) => !text.includes(oneLine(e.excerpt)))).toEqual([]);
    expect(doc.meta.title).toBe(briefText().split('\n')[0]);
  });

  it('refuses a zip bomb by its declared sizes before anything is inflated', async () => {
    const parts = docxParts(['tiny']);
    const bomb = deflatedZip([...parts, { name: 'word/media/zeros.bin', data: new Uint8Array(64 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(extractDocument(bomb, {})).rejects.toThrow(DocumentError);
    await expect(extractDocument(bomb, {})).rejects.toThrow(/^The DOCX is refused as a zip bomb: entry "word\/media\/zeros.bin" would inflate 0\.\d MB to 64\.0 MB \(more than 200 times\)\.$/);
  });

  it('refuses an entry that inflates to more than its directory declares', async () => {
    const lying = deflatedZip([...docxParts(['tiny']).slice(0, 3), { name: 'word/document.xml', data: new Uint8Array(40 * 1024 * 1024).fill(0x20), declaredSize: 2000 }]);
    await expect(extractDocument(lying, {})).rejects.toThrow('The DOCX is refused as a zip bomb: entry "word/document.xml" inflates to more than the 0.0 MB its directory declares.');
  });

  it('refuses a damaged archive, saying what is damaged', async () => {
    const docx = minimalDocx(['text']);
    await expect(extractDocument(docx.subarray(0, docx.length - 30), {})).rejects.toThrow(/^The ZIP archive \(DOCX\) is damaged: /);
    const noBody = deflatedZip(docxParts(['x']).filter((p) => p.name !== 'word/document.xml').concat([{ name: 'word/other.xml', data: new Uint8Array(3) }]));
    await expect(extractDocument(noBody, {})).rejects.toThrow(/ZIP archive but not a Word document/);
  });
});
