/**
 * PDF through pdf.js (pdfjs-dist's legacy build, the one for Node 20): no eval, no font faces, no system
 * fonts, no network (the bytes are given; pdf.js's worker runs in this thread as its "fake worker"), one
 * page text per page in reading order (pdf-layout.ts). A PDF that needs a password is refused.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
// @ts-expect-error pdfjs-dist ships no declarations for its worker module
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { ExtractContext } from './document';
import { DocumentError } from './errors';
import { metaDate, metaNames, metaText, mergeMeta } from './meta';
import { BROWSER_PRODUCER, joinLineEndHyphens, pageText, type TextRun } from './pdf-layout';
import type { DocumentMeta, ExtractedDocument } from './types';

/** More pages than this are refused (the longest real reports stay far below). */
export const MAX_PDF_PAGES = 10_000;

// pdf.js looks for its worker's message handler here before trying to start (or import) a worker.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

interface PdfInfo {
  Producer?: unknown;
  Title?: unknown;
  Author?: unknown;
  CreationDate?: unknown;
}
interface Xmp {
  get(name: string): unknown;
}

/** A browser's PDF (Save as PDF, print) dates the printing, not the publication: its dates are left out. */
function pdfMeta(info: PdfInfo, xmp: Xmp | null, printed: boolean): DocumentMeta {
  const xmpList = (name: string) => {
    const v = xmp?.get(name);
    return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  };
  const fromInfo: DocumentMeta = {
    title: metaText(info.Title),
    authors: metaNames(typeof info.Author === 'string' ? info.Author.split(/\s*;\s*/) : []),
    publishedAt: metaDate(info.CreationDate),
  };
  const fromXmp: DocumentMeta = {
    title: metaText(xmpList('dc:title')[0]),
    authors: metaNames(xmpList('dc:creator')),
    publishedAt: metaDate(xmp?.get('xmp:createdate')),
  };
  const meta = mergeMeta(fromInfo, fromXmp);
  if (printed) delete meta.publishedAt;
  return meta;
}

/** What pdf.js's exceptions mean for the analyst. */
function refusal(e: unknown): DocumentError {
  const name = (e as { name?: string })?.name ?? '';
  const message = (e as { message?: string })?.message ?? String(e);
  if (name === 'PasswordException') {
    return new DocumentError('The PDF is password-protected; open it with its password, save an unprotected copy and attach that.');
  }
  if (name === 'InvalidPDFException') return new DocumentError(`The file is not a readable PDF (pdf.js: ${message}).`);
  return new DocumentError(`The PDF could not be read (pdf.js: ${message}).`);
}

export async function extractPdf(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractedDocument> {
  // pdf.js takes over (detaches) the buffer it is given and refuses Buffers: hand it a plain copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: pdfjs.PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    throw refusal(e);
  }
  try {
    const total = doc.numPages;
    if (total > MAX_PDF_PAGES) throw new DocumentError(`The PDF has ${total} pages; documents of more than ${MAX_PDF_PAGES} pages are not read.`);
    const pages: string[] = [];
    for (let n = 1; n <= total; n++) {
      ctx.progress(n - 1, total, `page ${n} of ${total}`);
      pages.push(await readPage(doc, n));
    }
    ctx.progress(total, total, `${total} pages read`);
    let meta: DocumentMeta = {};
    let producer = '';
    try {
      const { info, metadata } = await doc.getMetadata();
      producer = typeof (info as PdfInfo).Producer === 'string' ? ((info as PdfInfo).Producer as string) : '';
      meta = pdfMeta(info as PdfInfo, metadata as Xmp | null, BROWSER_PRODUCER.test(producer));
    } catch {
      // A damaged info dictionary or XMP packet costs the metadata only.
    }
    const hyphenates = !BROWSER_PRODUCER.test(producer);
    return { mediaType: 'application/pdf', extraction: 'text', pages: joinLineEndHyphens(pages, hyphenates), meta };
  } finally {
    await doc.destroy();
  }
}

async function readPage(doc: pdfjs.PDFDocumentProxy, n: number): Promise<string> {
  try {
    const page = await doc.getPage(n);
    const [x0, , x1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str) continue;
      const t = item.transform as number[];
      runs.push({ str: item.str, x: t[4]! - x0, y: t[5]!, width: item.width, size: item.height || Math.hypot(t[2]!, t[3]!) });
    }
    page.cleanup();
    return pageText(runs, x1 - x0);
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    throw new DocumentError(`Page ${n} of the PDF could not be read (pdf.js: ${(e as Error)?.message ?? String(e)}).`);
  }
}
