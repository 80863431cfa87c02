/** The PDF's pages drawn by pdf.js from the stored bytes, one at a time with a pager. */
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { ErrorText } from '../../components/fields';
import { openPdf, drawPage, type PDFDocumentProxy } from './pdf';

const WIDTH = 560;

export function PdfPages({ bytes, page, onPage }: { bytes: Uint8Array; page: number; onPage(page: number): void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(0);
  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    setDoc(null);
    // pdf.js takes the buffer over; give it a copy so the caller's bytes stay usable.
    openPdf(bytes.slice()).then(
      (d) => {
        opened = d;
        if (live) setDoc(d);
        else void d.destroy();
      },
      (e) => live && setError(`pdf.js could not open the file: ${errorMessage(e)}`),
    );
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [bytes]);
  const count = doc?.numPages ?? 0;
  const shown = Math.min(Math.max(1, page), Math.max(1, count));
  useEffect(() => {
    if (!doc || !canvas.current) return;
    let live = true;
    drawPage(doc, shown, canvas.current, WIDTH).then(
      () => live && setDrawn(shown),
      (e) => live && setError(`Page ${shown} could not be drawn: ${errorMessage(e)}`),
    );
    return () => {
      live = false;
    };
  }, [doc, shown]);
  return (
    <section className="pdf-pages" aria-label="PDF pages">
      <div className="pager">
        <button type="button" className="small" disabled={!doc || shown <= 1} onClick={() => onPage(shown - 1)}>
          Previous page
        </button>
        <span aria-live="polite">{doc ? `Page ${shown} of ${count}` : 'Opening the PDF…'}</span>
        <button type="button" className="small" disabled={!doc || shown >= count} onClick={() => onPage(shown + 1)}>
          Next page
        </button>
      </div>
      <ErrorText error={error} />
      <canvas ref={canvas} className="pdf-canvas" role="img" aria-label={`Page ${shown} of the PDF as drawn by pdf.js`} data-drawn={drawn || undefined} />
    </section>
  );
}
