/** One briefing to one downloadable file (Markdown, HTML or DOCX); PDF is made from the HTML by a browser. */
import { toBase64 } from './base64';
import { toDocx } from './docx/document';
import { toHtml } from './html';
import { toMarkdown } from './markdown';
import { PDF_MARGIN, pdfTemplates } from './page-frame';
import type { Briefing } from './types';

export const BRIEFING_FORMATS = ['md', 'html', 'docx'] as const;
export type BriefingFormat = (typeof BRIEFING_FORMATS)[number];

export interface RenderedBriefing {
  fileName: string;
  mime: string;
  /** UTF-8 text for md and html; base64 for docx. */
  encoding: 'utf8' | 'base64';
  content: string;
  /**
   * html only: what a printer of the HTML puts on every page (Chromium's page.pdf or Electron's
   * printToPDF with displayHeaderFooter: true): caveat, "Page n of m" and the history head.
   */
  print?: { headerTemplate: string; footerTemplate: string; margin: typeof PDF_MARGIN };
}

/** A safe file name from the title and date: letters, digits and dashes only. */
export function briefingFileName(b: Pick<Briefing, 'title' | 'generatedAt'>, ext: string): string {
  const slug =
    b.title
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .toLowerCase()
      .slice(0, 60) || 'briefing';
  return `${slug}-${b.generatedAt.slice(0, 10)}.${ext}`;
}

export function renderBriefing(b: Briefing, format: BriefingFormat): RenderedBriefing {
  const fileName = briefingFileName(b, format);
  if (format === 'md') return { fileName, mime: 'text/markdown; charset=utf-8', encoding: 'utf8', content: toMarkdown(b) };
  if (format === 'html')
    return { fileName, mime: 'text/html; charset=utf-8', encoding: 'utf8', content: toHtml(b), print: { ...pdfTemplates(b), margin: PDF_MARGIN } };
  return {
    fileName,
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    encoding: 'base64',
    content: toBase64(toDocx(b)),
  };
}
