/**
 * Briefing PDF in the desktop app (Electron printToPDF): the policy as pure functions, unit-tested
 * without the Electron binary (tests/electron/pdf-policy.test.ts). The saved briefing's standalone
 * HTML (`briefings.render`, format html) is loaded into a hidden window of its own in-memory session,
 * with JavaScript off, no preload, and every request refused except the document itself and data:
 * images; it is printed to PDF, then saved where the analyst chooses.
 */
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { BRIEFING_CSP } from '../../core/briefing/html-style';
import { PDF_MARGIN } from '../../core/briefing/page-frame';
import type { RenderedBriefing } from '../../core/briefing/render';
import { LOCKED_DOWN } from './policy';

/** IPC channel: (briefing id) → ApiResult<{ file: string | null }> (null: the save dialog was cancelled). */
export const PDF_CHANNEL = 'briefing-pdf';
/** In-memory (no "persist:" prefix): nothing of it is written to disk, nothing shared with the app's session. */
export const PDF_PARTITION = 'claimtrail-briefing-pdf';
export const PDF_SCHEME = 'claimtrail-briefing';
/** The largest briefing HTML printed (far above a 5,000-claim briefing). */
export const PDF_MAX_HTML = 64 * 1024 * 1024;

export const PDF_FILTERS = [{ name: 'PDF document', extensions: ['pdf'] }];

/** The hidden window that prints: no script, no Node, no preload, sandboxed, its own session. */
export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      ...LOCKED_DOWN,
      partition: PDF_PARTITION,
      javascript: false,
      plugins: false,
      webgl: false,
      spellcheck: false,
    },
  };
}

/** The URL one print job's document is served at (a random token per job). */
export function pdfDocumentUrl(token: string): string {
  return `${PDF_SCHEME}://document/${token}`;
}

/** The token of one of our document URLs, or null for anything else. */
export function pdfDocumentToken(url: string): string | null {
  const m = new RegExp(`^${PDF_SCHEME}://document/([0-9a-f]{32})$`).exec(url);
  return m ? m[1]! : null;
}

/** In the printing session, only our document and data: images (the briefing embeds nothing else) may load. */
export function pdfRequestAllowed(url: string): boolean {
  return pdfDocumentToken(url) !== null || /^data:image\/(png|jpeg|gif|webp);base64,/i.test(url);
}

/** Headers of the document response: the briefing's own CSP again, as a header this time. */
export function pdfDocumentHeaders(): Record<string, string> {
  return { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': BRIEFING_CSP, 'x-content-type-options': 'nosniff' };
}

const MM_PER_INCH = 25.4;
const inches = (mm: string): number => Math.round((parseFloat(mm) / MM_PER_INCH) * 1000) / 1000;

/** What a printable rendering asks printers to put on every page (core/briefing/page-frame.ts). */
export type PagePrint = NonNullable<RenderedBriefing['print']>;

/**
 * A4 with the page frame of core/briefing (the CLI's Chromium PDF prints the same): the caveat on
 * every page, "Page n of m" and the history head, margins converted to the inches Electron takes.
 * Without a frame (never for a briefing rendering) only the page number is printed.
 */
export function pdfPrintOptions(print?: PagePrint): PrintToPDFOptions {
  const margin = print?.margin ?? PDF_MARGIN;
  return {
    pageSize: 'A4',
    printBackground: true,
    landscape: false,
    margins: { top: inches(margin.top), bottom: inches(margin.bottom), left: inches(margin.left), right: inches(margin.right) },
    generateTaggedPDF: true,
    generateDocumentOutline: true,
    displayHeaderFooter: true,
    headerTemplate: print?.headerTemplate ?? '<div></div>',
    footerTemplate:
      print?.footerTemplate ??
      '<div style="font: 8px sans-serif; width: 100%; margin: 0 16mm; text-align: right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
  };
}

/** The request from the renderer: a briefing id as a string (the contract checks it further). */
export function parsePdfRequest(input: unknown): { ok: true; id: string } | { ok: false; message: string } {
  if (typeof input !== 'string' || input.length === 0 || input.length > 64)
    return { ok: false, message: 'briefing-pdf needs the id of a saved briefing (a string of 1 to 64 characters).' };
  return { ok: true, id: input };
}

/** A briefings.render result we will print: UTF-8 HTML within the size limit. */
export function isPrintable(r: unknown): r is RenderedBriefing {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Partial<RenderedBriefing>;
  return (
    x.encoding === 'utf8' &&
    typeof x.mime === 'string' &&
    x.mime.startsWith('text/html') &&
    typeof x.content === 'string' &&
    x.content.length <= PDF_MAX_HTML &&
    (x.print === undefined || isPagePrint(x.print))
  );
}

function isPagePrint(p: unknown): p is PagePrint {
  if (typeof p !== 'object' || p === null) return false;
  const x = p as Partial<PagePrint>;
  const m = x.margin as Record<string, unknown> | undefined;
  return (
    typeof x.headerTemplate === 'string' &&
    typeof x.footerTemplate === 'string' &&
    typeof m === 'object' &&
    m !== null &&
    ['top', 'bottom', 'left', 'right'].every((k) => typeof m[k] === 'string' && /^\d+(\.\d+)?mm$/.test(m[k] as string))
  );
}

/** The name offered in the save dialog: the briefing's file name with .pdf, letters, digits, dot and dash only. */
export function pdfSaveName(htmlFileName: string): string {
  const base = htmlFileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.html?$/i, '').replace(/[^\w.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '').slice(0, 100);
  return `${stem || 'briefing'}.pdf`;
}

/** The path written: the one chosen, with .pdf added when it lacks it. */
export function withPdfExtension(path: string): string {
  return /\.pdf$/i.test(path) ? path : `${path}.pdf`;
}
