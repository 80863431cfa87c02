/**
 * The viewer's text model: a capture's whole text cut into pages, each page into runs at the
 * highlight's edges and around invisible or bidi control characters (shown as visible markers such
 * as <U+202E>, never obeyed). Every run keeps its offset in the whole text, so a selection in the
 * rendered text maps back to exact positions (UTF-16 code units), whatever the markers look like.
 */
import type { CapturePage } from '../../../../core/types';
import { BIDI_CONTROLS, INVISIBLE_FORMAT, revealControls } from '../../../../core/text';

export interface Span {
  start: number;
  end: number;
}

export interface Run {
  /** Offset of this run in the capture's whole text. */
  at: number;
  /** Its length in the whole text (a control marker is 1 or 2 code units of source). */
  length: number;
  /** What is shown: the source text itself, or the marker for a control character. */
  shown: string;
  control: boolean;
  marked: boolean;
}

export interface PageBlock {
  page: number;
  start: number;
  end: number;
  runs: Run[];
}

const CONTROLS = new RegExp(`${BIDI_CONTROLS.source}|${INVISIBLE_FORMAT.source}`, 'g');

/** The pages as the store gave them; a text without page rows is one page. */
export function pageSpans(text: string, pages: readonly CapturePage[]): { page: number; start: number; end: number }[] {
  if (pages.length === 0) return text ? [{ page: 1, start: 0, end: text.length }] : [];
  return pages.map((p) => ({ page: p.page, start: p.start, end: Math.min(text.length, p.start + p.length) }));
}

function runsOf(text: string, start: number, end: number, marked: boolean): Run[] {
  const runs: Run[] = [];
  const piece = text.slice(start, end);
  let last = 0;
  for (const m of piece.matchAll(CONTROLS)) {
    const i = m.index;
    if (i > last) runs.push({ at: start + last, length: i - last, shown: piece.slice(last, i), control: false, marked });
    runs.push({ at: start + i, length: m[0].length, shown: revealControls(m[0]), control: true, marked });
    last = i + m[0].length;
  }
  if (last < piece.length) runs.push({ at: start + last, length: piece.length - last, shown: piece.slice(last), control: false, marked });
  return runs;
}

/** Pages with their runs; the runs inside `highlight` are marked. */
export function layoutText(text: string, pages: readonly CapturePage[], highlight: Span | null): PageBlock[] {
  return pageSpans(text, pages).map(({ page, start, end }) => {
    const cuts = [start, end];
    if (highlight && highlight.end > highlight.start) {
      if (highlight.start > start && highlight.start < end) cuts.push(highlight.start);
      if (highlight.end > start && highlight.end < end) cuts.push(highlight.end);
    }
    cuts.sort((a, b) => a - b);
    const runs: Run[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i]!, cuts[i + 1]!];
      if (b <= a) continue;
      const marked = !!highlight && a >= highlight.start && b <= highlight.end;
      runs.push(...runsOf(text, a, b, marked));
    }
    return { page, start, end, runs };
  });
}

/** The page a position falls on (the last page starting at or before it). */
export function pageAt(pages: readonly CapturePage[], offset: number): number {
  let found = pages[0]?.page ?? 1;
  for (const p of pages) if (p.start <= offset) found = p.page;
  return found;
}
