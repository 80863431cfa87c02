/** extractDocumentSync on its worker: progress, cancel and the time limit on a real multi-page PDF. */
import { describe, expect, it } from 'vitest';
import { DocumentError, extractDocumentSync } from '../../db/documents/extract';
import { CaseError } from '../../db/errors';
import { longReportHtml, printPdf } from '../fixtures/documents/generate';

const report = () => printPdf(longReportHtml(12));

describe('extractDocumentSync', () => {
  it('reports progress page by page and returns every page', () => {
    const seen: string[] = [];
    const doc = extractDocumentSync(report(), { fileName: 'report.pdf' }, { onProgress: (d, t, l) => seen.push(`${d}/${t} ${l}`) });
    expect(doc.pages).toHaveLength(12);
    expect(doc.pages[11]).toContain('Section 12, paragraph 6');
    expect(seen[0]).toBe('0/12 page 1 of 12');
    expect(seen.at(-1)).toBe('12/12 12 pages read');
  });

  it('stops when cancelled after the first page and says nothing was changed', () => {
    let pages = 0;
    const run = () => extractDocumentSync(report(), {}, { onProgress: () => pages++, isCancelled: () => pages >= 2 });
    expect(run).toThrow(CaseError);
    expect(run).toThrow('Cancelled: reading the PDF was stopped; nothing was changed.');
  });

  it('refuses a document whose reading runs past the time limit', () => {
    const run = () => extractDocumentSync(report(), {}, { timeoutMs: 50 });
    expect(run).toThrow(DocumentError);
    expect(run).toThrow('Reading the PDF took longer than 0.05 s and was stopped; it is refused.');
  });
});
