/**
 * A capture's text as React text nodes only (never HTML): page separators with page numbers, control
 * characters as visible markers, the highlighted quote in <mark> and scrolled into view. Reports the
 * selected span (offsets in the whole text) as the analyst selects.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import type { CapturePage } from '../../../../core/types';
import { layoutText, type Span } from '../../lib/documents/segments';
import { selectedSpan } from './selection';

interface Props {
  text: string;
  pages: readonly CapturePage[];
  highlight: Span | null;
  /** Scrolled to when nothing is highlighted. */
  page?: number | null;
  onSelect(span: Span | null): void;
}

const Pages = memo(function Pages({ text, pages, highlight }: Omit<Props, 'onSelect' | 'page'>) {
  const blocks = useMemo(() => layoutText(text, pages, highlight), [text, pages, highlight]);
  const paged = blocks.length > 1;
  return (
    <>
      {blocks.map((b) => (
        <section key={b.page} className="capture-page" aria-label={paged ? `Page ${b.page}` : 'Text'} data-page={b.page}>
          {paged && (
            <h3 className="page-separator">
              Page {b.page}
            </h3>
          )}
          <div className="page-text">
            {b.runs.map((r) => {
              const cls = r.control ? 'control-mark' : undefined;
              return r.marked ? (
                <mark key={r.at} className={cls} data-at={r.at} data-len={r.length}>
                  {r.shown}
                </mark>
              ) : (
                <span key={r.at} className={cls} data-at={r.at} data-len={r.length}>
                  {r.shown}
                </span>
              );
            })}
          </div>
        </section>
      ))}
    </>
  );
});

export function CaptureText({ text, pages, highlight, page, onSelect }: Props) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (highlight) root.current?.querySelector('mark')?.scrollIntoView({ block: 'center' });
    else if (page) root.current?.querySelector(`[data-page="${page}"]`)?.scrollIntoView({ block: 'start' });
  }, [highlight, page, text]);
  useEffect(() => {
    const update = () => {
      const el = root.current;
      const sel = document.getSelection();
      if (!el || !sel || sel.rangeCount === 0) return;
      // Only selections inside the text count; a click on a button elsewhere keeps the last one.
      if (!el.contains(sel.getRangeAt(0).commonAncestorContainer)) return;
      onSelect(selectedSpan(el, sel));
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [onSelect]);
  return (
    <div ref={root} className="capture-text" tabIndex={0} role="document" aria-label="Captured text">
      <Pages text={text} pages={pages} highlight={highlight} />
    </div>
  );
}
