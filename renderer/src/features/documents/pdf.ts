/**
 * pdf.js in the renderer, loaded on first use (its own chunk). Locked down: the worker is a file of
 * the app (served from 'self', allowed by `script-src 'self'`), no eval (`isEvalSupported: false`),
 * no XFA, no scripting (pdf.js's sandbox is never loaded), no annotation layer (links are never
 * rendered), and no URL for fonts, CMaps, ICC profiles or WebAssembly decoders, so nothing is fetched:
 * fonts come from the file itself or the system, and an image type that would need a decoder is
 * left out of the picture. The legacy build: the modern one calls APIs only the newest engines ship
 * (Map.prototype.getOrInsertComputed, unpolyfilled); the legacy one polyfills them, so an older
 * Chromium (Electron's, an analyst's browser in web mode) draws the pages too.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

export type { PDFDocumentProxy };

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  return pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: true,
    // No WebAssembly (the CSP has no 'wasm-unsafe-eval') and no fetch of decoders, fonts or CMaps.
    useWasm: false,
    useWorkerFetch: false,
    // A hostile file cannot make one picture eat the renderer's memory (25 megapixels at most).
    maxImageSize: 25_000_000,
  }).promise;
}

/** Draws one page into the canvas at the given CSS width; resolves when drawn. */
export async function drawPage(doc: PDFDocumentProxy, pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<void> {
  const page = await doc.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport, annotationMode: 0 }).promise;
}
