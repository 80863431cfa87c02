/**
 * 'briefing-pdf' IPC: prints a saved briefing to PDF with Electron's printToPDF and saves it where
 * the analyst chooses. The policy (window options, request filter, names) is pdf-policy.ts.
 */
import { BrowserWindow, dialog, ipcMain, session, type Session } from 'electron';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { ApiResult } from '../../core/api';
import type { CaseSession } from './case-session';
import { forbidden, type SenderCheck } from './ipc';
import {
  isPrintable,
  parsePdfRequest,
  PDF_CHANNEL,
  PDF_FILTERS,
  PDF_PARTITION,
  PDF_SCHEME,
  pdfDocumentHeaders,
  pdfDocumentToken,
  pdfDocumentUrl,
  pdfPrintOptions,
  pdfRequestAllowed,
  pdfSaveName,
  pdfWindowOptions,
  withPdfExtension,
  type PagePrint,
} from './pdf-policy';

/** Documents waiting to be printed, by their one-time token. */
const documents = new Map<string, string>();
let printing: Session | null = null;

function printingSession(): Session {
  if (printing) return printing;
  const ses = session.fromPartition(PDF_PARTITION);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !pdfRequestAllowed(details.url) }));
  ses.protocol.handle(PDF_SCHEME, (request) => {
    const token = pdfDocumentToken(request.url);
    const html = token ? documents.get(token) : undefined;
    if (html === undefined) return new Response('Not found', { status: 404 });
    return new Response(html, { headers: pdfDocumentHeaders() });
  });
  printing = ses;
  return ses;
}

async function printHtml(html: string, print: PagePrint | undefined): Promise<Uint8Array> {
  printingSession();
  const token = randomBytes(16).toString('hex');
  documents.set(token, html);
  const win = new BrowserWindow(pdfWindowOptions());
  try {
    await win.loadURL(pdfDocumentUrl(token));
    return await win.webContents.printToPDF(pdfPrintOptions(print));
  } finally {
    documents.delete(token);
    win.destroy();
  }
}

const failed = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'internal', message } });

export function registerBriefingPdf(getWindow: () => BrowserWindow | null, cases: CaseSession, trusted: SenderCheck): void {
  ipcMain.handle(PDF_CHANNEL, async (event, input: unknown): Promise<ApiResult<{ file: string | null }>> => {
    if (!trusted(event)) return forbidden;
    const req = parsePdfRequest(input);
    if (!req.ok) return { ok: false, error: { code: 'invalid', message: req.message } };
    const host = cases.current;
    const win = getWindow();
    if (!host || !win) return failed('No case is open.');
    const r = await host.call('briefings.render', { id: req.id, format: 'html' });
    if (!r.ok) return r;
    if (!isPrintable(r.value)) return failed('The briefing could not be rendered as HTML for printing.');
    let pdf: Uint8Array;
    try {
      pdf = await printHtml(r.value.content, r.value.print);
    } catch (e) {
      return failed(`Printing the briefing to PDF failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    const target = await dialog.showSaveDialog(win, {
      title: 'Save briefing as PDF',
      defaultPath: pdfSaveName(r.value.fileName),
      filters: PDF_FILTERS,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (target.canceled || !target.filePath) return { ok: true, value: { file: null } };
    const file = withPdfExtension(target.filePath);
    try {
      await writeFile(file, pdf);
    } catch (e) {
      return failed(`Could not write ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { ok: true, value: { file } };
  });
}
