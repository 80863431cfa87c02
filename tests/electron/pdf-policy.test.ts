/**
 * The briefing-PDF policy (electron/main/pdf-policy.ts). Only these pure parts are tested: the
 * printToPDF path itself (electron/main/briefing-pdf.ts) needs the Electron binary, which this
 * machine cannot download.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BRIEFING_CSP } from '../../core/briefing/html-style';
import { PDF_MARGIN } from '../../core/briefing/page-frame';
import { briefingFileName } from '../../core/briefing/render';
import {
  isPrintable,
  parsePdfRequest,
  PDF_CHANNEL,
  PDF_MAX_HTML,
  PDF_PARTITION,
  pdfDocumentHeaders,
  pdfDocumentToken,
  pdfDocumentUrl,
  pdfPrintOptions,
  pdfRequestAllowed,
  pdfSaveName,
  pdfWindowOptions,
  withPdfExtension,
} from '../../electron/main/pdf-policy';
import { APP_ENTRY, LOCKED_DOWN, navigationRule } from '../../electron/main/policy';
import { GOOD_URLS, hostileUrls } from './hostile-urls';
import { tempCase } from '../helpers';

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('briefing PDF: the printing window', () => {
  it('has no script, no Node, no preload, is sandboxed and hidden, in its own in-memory session', () => {
    const o = pdfWindowOptions();
    expect(o.show).toBe(false);
    // The app window's locked-down preferences (their values are asserted in policy.test.ts), plus no script.
    expect(o.webPreferences).toMatchObject({ ...LOCKED_DOWN, javascript: false, plugins: false, partition: PDF_PARTITION });
    expect(o.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(o.webPreferences!.preload).toBeUndefined();
    expect(PDF_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('lets only its one document and data: images load; refuses every hostile URL and the app origin', () => {
    const doc = pdfDocumentUrl(TOKEN);
    expect(pdfRequestAllowed(doc)).toBe(true);
    expect(pdfRequestAllowed('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    const refused = [
      ...hostileUrls(),
      'https://example.com/logo.png',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://claimtrail/index.html',
      'data:text/html;base64,PHNjcmlwdD4=',
      'data:image/svg+xml;base64,PHN2Zz4=',
      `${doc}/../x`,
      `${doc}?q=1`,
      pdfDocumentUrl('not-a-token'),
      pdfDocumentUrl(TOKEN.toUpperCase()),
      'ws://localhost/',
    ];
    expect(refused.filter((u) => pdfRequestAllowed(u))).toEqual([]);
    expect(pdfDocumentToken(doc)).toBe(TOKEN);
  });

  it('denies every navigation, redirect and window.open and opens nothing, not even a link the app window would open (issue 12.3)', () => {
    // The attack: a stored briefing with a redirect to a link; with the shared handler, Export PDF opened it in the system browser.
    const lure = 'https://phishing.example/login';
    expect(navigationRule('app', lure, 'navigate').openExternally).toBe(lure);
    const urls = [lure, ...GOOD_URLS, ...hostileUrls(), APP_ENTRY, pdfDocumentUrl(TOKEN), 'about:blank'];
    for (const url of urls)
      for (const how of ['navigate', 'frame', 'redirect', 'window-open'] as const)
        expect(navigationRule('pdf', url, how), `${how} ${url}`).toEqual({ allow: false, openExternally: null });
  });

  it('serves the document as HTML with the briefing\'s own CSP as a header', () => {
    expect(pdfDocumentHeaders()).toEqual({ 'content-type': 'text/html; charset=utf-8', 'content-security-policy': BRIEFING_CSP, 'x-content-type-options': 'nosniff' });
    expect(BRIEFING_CSP).toMatch(/default-src 'none'/);
    expect(BRIEFING_CSP).not.toMatch(/script-src/);
  });

  it('prints A4 with the page frame and margins the CLI\'s Chromium PDF uses (core/briefing/page-frame), in inches', () => {
    const t = tempCase({ sample: true });
    t.api.invoke('settings.update', { caveat: 'SECRET // REL \u202Eevil</div><img src=x onerror=alert(1)>' });
    const saved = t.api.invoke('briefings.save', { selection: { query: 'H800' }, title: 'Chips' });
    const html = t.api.invoke('briefings.render', { id: saved.id, format: 'html' });
    expect(isPrintable(html)).toBe(true);
    const p = pdfPrintOptions(html.print);
    expect(p).toMatchObject({ pageSize: 'A4', printBackground: true, landscape: false, displayHeaderFooter: true });
    expect(p.margins!.top! * 25.4).toBeCloseTo(parseFloat(PDF_MARGIN.top), 1);
    expect(p.margins!.left! * 25.4).toBeCloseTo(parseFloat(PDF_MARGIN.left), 1);
    expect(readFileSync('cli/briefing/pdf.ts', 'utf8')).toContain('margin: { ...PDF_MARGIN }');
    expect(p.headerTemplate).toBe(html.print!.headerTemplate);
    expect(p.footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(p.headerTemplate).toContain('SECRET // REL');
    expect(p.headerTemplate).not.toMatch(/<img|\u202E/);
    t.close();
  });

  it('prints page numbers even for a rendering without a frame, and refuses a malformed frame', () => {
    const plain = pdfPrintOptions();
    expect(plain.footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    const base = { fileName: 'a.html', mime: 'text/html', encoding: 'utf8', content: '' };
    const frame = { headerTemplate: '', footerTemplate: '', margin: { top: '22mm', bottom: '22mm', left: '16mm', right: '16mm' } };
    expect(isPrintable({ ...base, print: frame })).toBe(true);
    for (const bad of [null, 'x', { ...frame, headerTemplate: 7 }, { ...frame, margin: { ...frame.margin, top: '1in;x' } }])
      expect(isPrintable({ ...base, print: bad })).toBe(false);
  });
});

describe('briefing PDF: requests, results and file names', () => {
  it('takes a briefing id string only', () => {
    expect(parsePdfRequest('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toEqual({ ok: true, id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });
    for (const bad of [undefined, null, 42, '', 'x'.repeat(65), { id: 'x' }, ['x']])
      expect(parsePdfRequest(bad)).toMatchObject({ ok: false, message: expect.stringMatching(/id of a saved briefing/) });
  });

  it('prints only a UTF-8 HTML rendering within the size limit (a real one from a real case passes)', () => {
    const t = tempCase({ sample: true });
    const saved = t.api.invoke('briefings.save', { selection: { query: 'H800' }, title: 'Chips' });
    const html = t.api.invoke('briefings.render', { id: saved.id, format: 'html' });
    expect(isPrintable(html)).toBe(true);
    expect(isPrintable(t.api.invoke('briefings.render', { id: saved.id, format: 'docx' }))).toBe(false);
    expect(isPrintable(t.api.invoke('briefings.render', { id: saved.id, format: 'md' }))).toBe(false);
    expect(isPrintable({ ...html, content: 'x'.repeat(PDF_MAX_HTML + 1) })).toBe(false);
    for (const bad of [null, 'html', {}, { ...html, content: 7 }]) expect(isPrintable(bad)).toBe(false);
  });

  it('offers the briefing\'s file name as .pdf, never a path or a hidden name', () => {
    const name = briefingFileName({ title: 'DeepSeek: chips & costs', generatedAt: '2025-01-27T10:00:00Z' }, 'html');
    expect(pdfSaveName(name)).toBe(name.replace(/\.html$/, '.pdf'));
    expect(pdfSaveName('../../etc/passwd.html')).toBe('passwd.pdf');
    expect(pdfSaveName('C:\\Users\\x\\brief.htm')).toBe('brief.pdf');
    expect(pdfSaveName('.hidden.html')).toBe('hidden.pdf');
    expect(pdfSaveName('')).toBe('briefing.pdf');
    expect(pdfSaveName('über brief\u202e.html')).toMatch(/^[\w.-]+\.pdf$/);
    expect(withPdfExtension('/tmp/a')).toBe('/tmp/a.pdf');
    expect(withPdfExtension('/tmp/a.PDF')).toBe('/tmp/a.PDF');
  });

  it('main and preload use the same channel name', () => {
    expect(readFileSync('electron/preload/index.ts', 'utf8')).toContain(`ipcRenderer.invoke('${PDF_CHANNEL}', id)`);
  });
});
