/**
 * Quote anchoring (issue 13). PLACEHOLDER: the real version locates every excerpt of a source in its
 * latest capture (core/documents/anchor.ts) and keeps quote_anchors; same exports.
 */
import type { QuoteAnchor, QuoteSelectors } from '../../core/types';
import { CaseError } from '../errors';
import type { Ctx } from './context';

export interface AnchorCounts {
  exact: number;
  close: number;
  notFound: number;
  /** Quotes found in an earlier capture and not in this one ("no longer in the source"). */
  lost: number;
}

/** Re-anchors every evidence excerpt citing the source in its latest capture (called after a capture is stored). */
export function reanchorSource(_ctx: Ctx, _sourceRowid: number): AnchorCounts {
  return { exact: 0, close: 0, notFound: 0, lost: 0 };
}

/** Re-anchors one evidence item (called after its excerpt or source changed). */
export function reanchorEvidence(_ctx: Ctx, _evidenceRowid: number): void {}

/** The stored anchor of an evidence item, or undefined when none was computed. */
export function anchorOfEvidence(_ctx: Ctx, _evidenceRowid: number): QuoteAnchor | undefined {
  return undefined;
}

/** Selectors and a locator ("p. 4") for a span of a capture's text. */
export function locateSpan(_ctx: Ctx, _captureRowid: number, _start: number, _end: number): { selectors: QuoteSelectors; locator: string } {
  throw new CaseError('internal', 'Quote anchoring is not built yet.');
}
