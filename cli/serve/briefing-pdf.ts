/**
 * POST /api/briefing.pdf {id}: a saved briefing printed to PDF by the server's Chromium, exactly as
 * `claimtrail brief --format pdf` prints (cli/briefing/pdf.ts: JavaScript off, offline, every request
 * aborted, the caveat, page numbers and history head on every page). The answer is the PDF itself
 * (`application/pdf`, a download), or an ApiResult error as JSON.
 */
import type { ServerResponse } from 'node:http';
import type { ApiResult } from '../../core/api';
import type { RenderedBriefing } from '../../core/briefing/render';
import { id as idField } from '../../core/contract/fields';
import { CaseError } from '../../db/errors';
import type { CaseHost } from '../../db/host/host';
import { htmlToPdf } from '../briefing/pdf';
import { sendJson } from './headers';

export const BRIEFING_PDF_ROUTE = 'briefing.pdf';

const failed = (code: 'invalid' | 'internal', message: string): ApiResult<never> => ({ ok: false, error: { code, message } });

/** The download's file name: the HTML rendering's, as .pdf, in letters, digits, dot, dash and underscore only. */
export const pdfFileName = (htmlName: string): string =>
  `${htmlName.replace(/\.html?$/i, '').replace(/[^\w.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '').slice(0, 100) || 'briefing'}.pdf`;

export async function handleBriefingPdf(res: ServerResponse, host: CaseHost, input: unknown): Promise<void> {
  const given = idField.safeParse((input as { id?: unknown } | undefined)?.id);
  if (!given.success) return sendJson(res, 200, failed('invalid', 'id: give the id of a saved briefing (save a version first).'));
  const r = await host.call('briefings.render', { id: given.data, format: 'html' });
  if (!r.ok) return sendJson(res, 200, r);
  const html = r.value as RenderedBriefing;
  let pdf: Uint8Array;
  try {
    pdf = await htmlToPdf(html.content, html.print);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return sendJson(res, 200, failed(e instanceof CaseError ? 'invalid' : 'internal', `Printing the briefing to PDF failed: ${message}`));
  }
  res.writeHead(200, {
    'Content-Type': 'application/pdf',
    'Content-Length': pdf.byteLength,
    'Content-Disposition': `attachment; filename="${pdfFileName(html.fileName)}"`,
    'Cache-Control': 'no-store',
  });
  res.end(Buffer.from(pdf));
}
