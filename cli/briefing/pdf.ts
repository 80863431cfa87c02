/**
 * PDF export for the CLI: the standalone briefing HTML printed by Debian's headless Chromium through
 * playwright-core (the app uses Electron's printToPDF instead). Never downloads a browser.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { PDF_MARGIN } from '../../core/briefing/page-frame';
import { CaseError } from '../../db/errors';

export const CHROMIUM_PATH = process.env.CLAIMTRAIL_CHROMIUM ?? '/usr/bin/chromium';
/** Chromium's flags: its sandbox stays on, except as root, where Chromium cannot start with it. */
export function chromiumArgs(root = process.getuid?.() === 0): string[] {
  return [
    '--headless',
    ...(root ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ];
}
export const CHROMIUM_ARGS = chromiumArgs();

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new CaseError(
      'invalid',
      `PDF export needs Chromium at ${CHROMIUM_PATH} (install Debian's chromium, or set CLAIMTRAIL_CHROMIUM); use --format html and print it instead.`,
    );
  // Loaded only when a PDF is made: playwright-core costs about a second of start-up to every other command.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Chromium header/footer templates (core/briefing/page-frame.ts): caveat, page numbers, history head on every page. */
export interface PdfFrame {
  headerTemplate: string;
  footerTemplate: string;
}

/** Prints a standalone HTML document to PDF (A4, backgrounds on); no network is allowed. */
export async function htmlToPdf(html: string, frame?: PdfFrame): Promise<Uint8Array> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { ...PDF_MARGIN }, // the desktop app prints with the same (tests/electron/pdf-policy.test.ts)
      ...(frame ? { displayHeaderFooter: true, ...frame } : {}),
    });
  } finally {
    await browser.close();
  }
}
