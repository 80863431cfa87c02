/**
 * Maps a DOM selection in the rendered capture text back to offsets in the capture's whole text.
 * Each run is one element carrying `data-at` (its offset) and `data-len` (its source length); a
 * control character's marker (`.control-mark`) counts as its source length, page headings as nothing.
 */
import type { Span } from '../../lib/documents/segments';

const RUN = '[data-at]';

function runBounds(el: Element): Span {
  const at = Number(el.getAttribute('data-at'));
  return { start: at, end: at + Number(el.getAttribute('data-len')) };
}

/** The offset of one boundary point; `side` says which way a point between runs rounds. */
function boundaryOffset(root: Element, node: Node, offset: number, side: 'start' | 'end'): number {
  const host = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const run = host?.closest(RUN);
  if (run && root.contains(run) && node.nodeType === Node.TEXT_NODE) {
    const { start, end } = runBounds(run);
    if (!run.classList.contains('control-mark')) return Math.min(end, start + offset);
    const shownLength = node.textContent?.length ?? 0;
    return side === 'start' ? (offset < shownLength ? start : end) : offset > 0 ? end : start;
  }
  // A point between elements (or inside a page heading): round to the nearest run on its side.
  const point = document.createRange();
  point.setStart(node, offset);
  const runs = Array.from(root.querySelectorAll(RUN));
  if (side === 'start') {
    const next = runs.find((r) => point.comparePoint(r, 0) >= 0);
    return next ? runBounds(next).start : runs.length ? runBounds(runs[runs.length - 1]!).end : 0;
  }
  const before = runs.filter((r) => point.comparePoint(r, r.childNodes.length) <= 0).pop();
  return before ? runBounds(before).end : 0;
}

/** The selected span of the capture text under `root`, or null when nothing of it is selected. */
export function selectedSpan(root: Element, selection: Selection | null): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = boundaryOffset(root, range.startContainer, range.startOffset, 'start');
  const end = boundaryOffset(root, range.endContainer, range.endOffset, 'end');
  return end > start ? { start, end } : null;
}
