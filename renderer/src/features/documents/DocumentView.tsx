/**
 * The document viewer: one capture of a source as text (React text only, nothing executed or
 * loaded), the chosen quote highlighted and scrolled to, PDF pages drawn by pdf.js beside the text,
 * images from a data: URL; switch captures and quotes; the full SHA-256, times, address and status.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Capture, CaptureDetail, SourceRef } from '../../../../core/types';
import { api, errorMessage } from '../../api/client';
import { ErrorText, Select } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';
import type { DocumentTarget } from '../../store/nav';
import { fromBase64, formatBytes, isPdf, isShownImage } from '../../lib/documents/bytes';
import { CaptureText } from './CaptureText';
import { useCaptures } from './CapturesPanel';
import { EvidenceFromSelection } from './EvidenceFromSelection';
import { captureLabel, capturedTime } from '../../lib/documents/format';
import { quoteInCapture } from '../../lib/documents/highlight';
import { PdfPages } from './PdfPages';
import { pageAt, type Span } from '../../lib/documents/segments';
import { useSourceQuotes } from './useSourceQuotes';

type Mode = 'both' | 'text' | 'pages';
const MODES = [
  { value: 'both', label: 'Text and pages' },
  { value: 'text', label: 'Text only' },
  { value: 'pages', label: 'Pages only' },
];

function useCaptureDetail(id: string): { detail: CaptureDetail | null; error: string | null } {
  const [state, setState] = useState<{ detail: CaptureDetail | null; error: string | null }>({ detail: null, error: null });
  useEffect(() => {
    let live = true;
    setState({ detail: null, error: null });
    api.call('captures.get', { id }).then(
      (detail) => live && setState({ detail, error: null }),
      (e) => live && setState({ detail: null, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return state;
}

/** The stored bytes (base64), fetched only for what is drawn from them: PDF pages and images. */
function useCaptureBytes(capture: Capture, wanted: boolean): { b64: string | null; error: string | null } {
  const [state, setState] = useState<{ b64: string | null; error: string | null }>({ b64: null, error: null });
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    api.call('captures.bytes', { id: capture.id }).then(
      (r) => live && setState({ b64: r.bytes, error: null }),
      (e) => live && setState({ b64: null, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [capture.id, wanted]);
  return state;
}

function CaptureFacts({ capture }: { capture: Capture }) {
  return (
    <dl className="facts capture-facts">
      <dt>SHA-256</dt>
      <dd>
        <code className="sha256">{capture.sha256}</code>
      </dd>
      <dt>Captured</dt>
      <dd>{capturedTime(capture.capturedAt)}</dd>
      {capture.accessedAt && (
        <>
          <dt>Read on</dt>
          <dd>{capture.accessedAt}</dd>
        </>
      )}
      <dt>Type</dt>
      <dd>
        {capture.mediaType}, {formatBytes(capture.byteSize)}
        {capture.extraction === 'text' ? `, ${capture.pageCount} ${capture.pageCount === 1 ? 'page' : 'pages'}` : ''}
      </dd>
      {capture.fileName && (
        <>
          <dt>File</dt>
          <dd>
            <SafeText text={capture.fileName} className="mono" />
          </dd>
        </>
      )}
      {capture.origin === 'url' && (
        <>
          <dt>Asked for</dt>
          <dd>
            <SafeText text={capture.requestedUrl} className="mono" />
          </dd>
          <dt>Final address</dt>
          <dd>
            <SafeText text={capture.finalUrl} className="mono" />
          </dd>
          <dt>HTTP status</dt>
          <dd>{capture.httpStatus ?? '—'}</dd>
        </>
      )}
    </dl>
  );
}

function CaptureBody({ capture, source, target }: { capture: Capture; source: SourceRef; target: DocumentTarget }) {
  const { detail, error } = useCaptureDetail(capture.id);
  const pdf = isPdf(capture.mediaType);
  const image = isShownImage(capture.mediaType);
  const [mode, setMode] = useState<Mode>('both');
  const { b64, error: bytesError } = useCaptureBytes(capture, image || (pdf && mode !== 'text'));
  const pdfBytes = useMemo(() => (pdf && b64 ? fromBase64(b64) : null), [pdf, b64]);
  const { quotes, error: quotesError } = useSourceQuotes(capture.sourceId);
  const openDocument = useApp((s) => s.openDocument);
  const quote = quotes.find((q) => q.id === target.evidenceId) ?? null;
  const found = useMemo(() => (quote && detail ? quoteInCapture(quote, capture.id, detail.text) : null), [quote, detail, capture.id]);
  const [span, setSpan] = useState<Span | null>(null);
  const [pdfPage, setPdfPage] = useState(1);
  useEffect(() => {
    if (found?.span && detail) setPdfPage(pageAt(detail.pages, found.span.start));
    else if (target.page) setPdfPage(target.page);
  }, [found, detail, target.page]);

  const quoteOptions = [{ value: '', label: 'No quote highlighted' }, ...quotes.map((q) => ({ value: q.id, label: `${q.stance} · ${q.grade} · “${q.excerpt.slice(0, 80)}” (${q.claimText.slice(0, 60)})` }))];
  const showText = !pdf || mode !== 'pages';
  const showPages = pdf && mode !== 'text';
  return (
    <>
      <CaptureFacts capture={capture} />
      <div className="viewer-controls">
        {quotes.length > 0 && (
          <Select label="Quote to show" value={quote?.id ?? ''} options={quoteOptions} onChange={(v) => openDocument({ ...target, captureId: capture.id, evidenceId: v || null })} />
        )}
        {pdf && <Select label="Show as" value={mode} options={MODES} onChange={(v) => setMode(v as Mode)} />}
      </div>
      {found && <p className="quote-status" role="status">{found.how}</p>}
      <ErrorText error={error ?? bytesError ?? quotesError} />
      {image && b64 && <img className="capture-image" src={`data:${capture.mediaType};base64,${b64}`} alt={`The captured image ${capture.fileName ?? ''}`.trim()} />}
      <div className={showText && showPages ? 'viewer-panes two' : 'viewer-panes'}>
        {showText && detail && capture.extraction === 'text' && (
          <div className="viewer-text">
            <EvidenceFromSelection captureId={capture.id} source={source} span={span} />
            <CaptureText text={detail.text} pages={detail.pages} highlight={found?.span ?? null} page={quote ? null : (target.page ?? null)} onSelect={setSpan} />
          </div>
        )}
        {showPages && pdfBytes && <PdfPages bytes={pdfBytes} page={pdfPage} onPage={setPdfPage} />}
      </div>
      {capture.extraction === 'none' && <p className="muted">No text was taken from this capture (an image is kept and shown, not read: no OCR).</p>}
      {!detail && !error && <p className="muted">Loading the capture…</p>}
    </>
  );
}

function Viewer({ target }: { target: DocumentTarget }) {
  const sources = useApp((s) => s.sources);
  const openSource = useApp((s) => s.openSource);
  const openDocument = useApp((s) => s.openDocument);
  const { captures, error } = useCaptures(target.sourceId, null);
  const source = sources.find((s) => s.id === target.sourceId) ?? null;
  const capture = captures?.find((c) => c.id === target.captureId) ?? captures?.[0] ?? null;
  return (
    <section className="view document-view" aria-labelledby="document-title">
      <header className="view-head">
        <h1 id="document-title">Document{source && <>: <SafeText text={source.title} /></>}</h1>
        <button type="button" onClick={() => openSource(target.sourceId)}>
          Back to the source
        </button>
      </header>
      <ErrorText error={error} />
      {captures && captures.length === 0 && <p className="muted">This source has no capture yet.</p>}
      {captures && captures.length > 1 && capture && (
        <Select
          label="Capture"
          value={capture.id}
          options={captures.map((c) => ({ value: c.id, label: captureLabel(c) }))}
          onChange={(id) => openDocument({ ...target, captureId: id })}
          hint={`${captures.length} captures of this source, newest first.`}
        />
      )}
      {capture && source && <CaptureBody key={capture.id} capture={capture} source={source} target={target} />}
    </section>
  );
}

export function DocumentView() {
  const target = useApp((s) => s.documentTarget);
  if (!target)
    return (
      <section className="view" aria-labelledby="document-title">
        <h1 id="document-title">Document</h1>
        <p className="muted">Open a capture from a source&rsquo;s Captures list.</p>
      </section>
    );
  return <Viewer key={target.sourceId} target={target} />;
}
