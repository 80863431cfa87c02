/**
 * Which span of a capture's text to highlight for a quote: its anchor's selectors when the anchor is
 * in this capture (docs-anchor computes them for the source's latest capture), else — an older
 * capture, or a quote not anchored yet — the first place the excerpt occurs exactly as typed.
 */
import type { AnchorStatus, QuoteAnchor } from '../../../../core/types';
import type { Span } from './segments';

export interface QuoteInCapture {
  span: Span | null;
  /** How the span was found, in words for the viewer. */
  how: string;
}

const STATUS_WORDS: Record<AnchorStatus, string> = {
  exact: 'exact',
  close: 'close',
  'not-found': 'not found',
  'no-capture': 'no capture',
};

export function anchorWords(anchor: QuoteAnchor): string {
  const score = anchor.status === 'close' && anchor.score !== null ? ` (${Math.round(anchor.score * 100)}%)` : '';
  const lost = anchor.lostSince ? `; no longer in the source (captured ${anchor.lostSince.slice(0, 10)})` : '';
  return `${STATUS_WORDS[anchor.status]}${score}${lost}`;
}

export function quoteInCapture(quote: { excerpt: string; anchor?: QuoteAnchor }, captureId: string, text: string): QuoteInCapture {
  const a = quote.anchor;
  if (a && a.captureId === captureId && a.selectors && a.selectors.end > a.selectors.start && a.selectors.end <= text.length)
    return { span: { start: a.selectors.start, end: a.selectors.end }, how: `Anchored in this capture: ${anchorWords(a)}.` };
  const at = quote.excerpt ? text.indexOf(quote.excerpt) : -1;
  if (at >= 0) return { span: { start: at, end: at + quote.excerpt.length }, how: 'Found in this capture exactly as quoted.' };
  const anchored = a && a.status !== 'no-capture' ? ` In the latest capture: ${anchorWords(a)}.` : '';
  return { span: null, how: `Not found as quoted in this capture.${anchored}` };
}
