/**
 * What every page of a printed briefing carries: the handling caveat at the top and bottom, the
 * page number ("Page 2 of 5") and the history head. One source for the CLI's Chromium PDF, the
 * desktop app's printToPDF (electron/main/briefing-pdf.ts) and the DOCX header and footer parts.
 */
import { escapeHtml } from './escape';
import { provenanceText } from './layout';
import type { Briefing } from './types';
import { cleanText } from './wording';

export interface PageFrame {
  /** The caveat (empty when the case sets none), printed in the header and the footer of every page. */
  caveat: string;
  /** "History head … (n events)." */
  provenance: string;
}

export function pageFrame(b: Pick<Briefing, 'caveat' | 'provenance'>): PageFrame {
  return { caveat: cleanText(b.caveat), provenance: cleanText(provenanceText(b.provenance)) };
}

/** A4 margins (the same as the stylesheet's @page rule); the header and footer templates print inside them. */
export const PDF_MARGIN = { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } as const;

const STYLE = 'font-family: Georgia, serif; font-size: 8pt; color: #111; width: 100%; margin: 0 16mm;';

/**
 * Chromium's headerTemplate/footerTemplate (page.pdf, webContents.printToPDF with
 * displayHeaderFooter: true): escaped text plus the pageNumber/totalPages placeholders.
 */
export function pdfTemplates(b: Pick<Briefing, 'caveat' | 'provenance'>): { headerTemplate: string; footerTemplate: string } {
  const f = pageFrame(b);
  const caveat = f.caveat ? `<div style="text-align: center; font-weight: bold; text-transform: uppercase;">${escapeHtml(f.caveat)}</div>` : '';
  return {
    headerTemplate: `<div style="${STYLE}">${caveat}</div>`,
    footerTemplate:
      `<div style="${STYLE}">${caveat}` +
      '<div style="display: flex; justify-content: space-between; gap: 4mm;">' +
      `<span style="word-break: break-all;">${escapeHtml(f.provenance)}</span>` +
      '<span style="white-space: nowrap;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>' +
      '</div></div>',
  };
}
