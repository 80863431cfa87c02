/**
 * Quote anchoring (issue 13): every evidence excerpt located in its source's latest capture
 * (core/documents/anchor.ts), kept in quote_anchors. Derived state: recomputed when a capture is stored
 * (reanchorSource) and when an excerpt changes (reanchorEvidence). A quote found in an earlier capture
 * and missing from the new one is "no longer in the source": quote_anchors.lost_since is that capture's
 * captured_at, and one `quote.lost` event puts it in the claim's history.
 */
import { anchorQuote, prepareDocument, selectorsFor, type AnchorHint, type AnchorResult, type PreparedDocument } from '../../core/documents/anchor';
import type { QuoteAnchor, QuoteSelectors } from '../../core/types';
import { invalid } from '../errors';
import {
  anchorCaptureByRowid,
  anchorOfEvidenceRow,
  anchorRow,
  deleteAnchor,
  evidenceOfSource,
  latestTextCapture,
  quoteOfEvidence,
  saveAnchor,
  selectorsOf,
  type AnchorCapture,
  type AnchorRow,
  type QuoteRow as Quote,
} from '../repos/anchors';
import { captureRowByRowid, pagesOfCapture, wholeText } from '../repos/captures';
import { record, type Ctx } from './context';

export interface AnchorCounts {
  exact: number;
  close: number;
  notFound: number;
  /** Quotes found in an earlier capture and not in this one ("no longer in the source"). */
  lost: number;
}

/**
 * Prepared (normalized, indexed) capture texts, the last few used. A capture's text never changes, and
 * its id is never reused, so the id and length are a safe key.
 */
const prepared = new Map<string, PreparedDocument>();
const PREPARED_KEPT = 4;
/** Characters of prepared text kept at most (about 13 bytes each with the offset map and word index). */
const PREPARED_CHARS = 16_000_000;

function preparedText(ctx: Ctx, capture: AnchorCapture): PreparedDocument {
  const key = `${capture.id}:${capture.text_length}`;
  let doc = prepared.get(key);
  if (doc) prepared.delete(key);
  else {
    const pages = pagesOfCapture(ctx.db, capture.rowid);
    doc = prepareDocument(wholeText(pages), pages.map((p) => p.start));
  }
  prepared.set(key, doc);
  let chars = 0;
  for (const d of prepared.values()) chars += d.text.length;
  while (prepared.size > 1 && (prepared.size > PREPARED_KEPT || chars > PREPARED_CHARS)) {
    const [oldest, d] = prepared.entries().next().value!;
    prepared.delete(oldest);
    chars -= d.text.length;
  }
  return doc;
}

function hintOf(row: AnchorRow | undefined): AnchorHint | undefined {
  const s = row && selectorsOf(row);
  return s ? { prefix: s.prefix, suffix: s.suffix, start: s.start } : undefined;
}

/**
 * Anchors one quote in `capture` and stores the outcome. `previous` is the stored anchor of the same
 * excerpt (null when the excerpt is new or changed: then nothing was found before).
 */
function anchorIn(ctx: Ctx, quote: Quote, capture: AnchorCapture, doc: PreparedDocument, previous: AnchorRow | null, hint?: AnchorHint): AnchorResult & { lost: boolean } {
  const r = anchorQuote(doc, quote.excerpt, hint ?? hintOf(previous ?? undefined));
  const found = r.status !== 'not-found';
  const foundIn = found ? capture.rowid : (previous?.found_in ?? null);
  const wasFoundEarlier = !found && foundIn !== null && foundIn !== capture.rowid;
  const lostSince = wasFoundEarlier ? (previous?.lost_since ?? capture.captured_at) : null;
  const newlyLost = wasFoundEarlier && !previous?.lost_since;
  const s = r.selectors;
  saveAnchor(ctx.db, {
    evidence_rowid: quote.rowid,
    capture_rowid: capture.rowid,
    status: r.status,
    score: found ? r.score : null,
    exact: s?.exact ?? null,
    prefix: s?.prefix ?? null,
    suffix: s?.suffix ?? null,
    start: s?.start ?? null,
    end: s?.end ?? null,
    page: s?.page ?? null,
    found_in: foundIn,
    lost_since: lostSince,
  });
  if (newlyLost) {
    const lastFound = anchorCaptureByRowid(ctx.db, foundIn);
    record(ctx, {
      kind: 'quote.lost',
      entityType: 'evidence',
      entityId: quote.id,
      claimId: quote.claim_id,
      payload: {
        sourceId: captureRowByRowid(ctx.db, capture.rowid).source_id,
        captureId: capture.id,
        capturedAt: capture.captured_at,
        sha256: capture.sha256,
        lastFoundInCaptureId: lastFound.id,
        lastFoundCapturedAt: lastFound.captured_at,
      },
    });
  }
  return { ...r, lost: newlyLost };
}

/** Re-anchors every evidence excerpt citing the source in its latest capture (called after a capture is stored). */
export function reanchorSource(ctx: Ctx, sourceRowid: number): AnchorCounts {
  const counts: AnchorCounts = { exact: 0, close: 0, notFound: 0, lost: 0 };
  const capture = latestTextCapture(ctx.db, sourceRowid);
  const quotes = evidenceOfSource(ctx.db, sourceRowid);
  if (!capture) {
    for (const q of quotes) deleteAnchor(ctx.db, q.rowid);
    return counts;
  }
  const doc = preparedText(ctx, capture);
  for (const q of quotes) {
    if (!q.excerpt.trim()) {
      deleteAnchor(ctx.db, q.rowid);
      continue;
    }
    const previous = anchorRow(ctx.db, q.rowid) ?? null;
    const r = anchorIn(ctx, q, capture, doc, previous);
    if (r.status === 'exact') counts.exact++;
    else if (r.status === 'close') counts.close++;
    else counts.notFound++;
    if (r.lost) counts.lost++;
  }
  return counts;
}

/**
 * Re-anchors one evidence item (called after it was created or its excerpt changed: what was found of
 * its old excerpt no longer counts). `hint` (the viewer's selectors) chooses among several hits.
 */
export function reanchorEvidence(ctx: Ctx, evidenceRowid: number, hint?: AnchorHint): void {
  const q = quoteOfEvidence(ctx.db, evidenceRowid);
  const capture = q.excerpt.trim() ? latestTextCapture(ctx.db, q.source_rowid) : undefined;
  if (!capture) {
    deleteAnchor(ctx.db, q.rowid);
    return;
  }
  anchorIn(ctx, q, capture, preparedText(ctx, capture), null, hint);
}

/** The stored anchor of an evidence item ("no-capture" when its source has no capture with text), or undefined when it has no excerpt. */
export function anchorOfEvidence(ctx: Ctx, evidenceRowid: number): QuoteAnchor | undefined {
  return anchorOfEvidenceRow(ctx.db, evidenceRowid);
}

/** Selectors and a locator ("p. 4" for paged documents, else empty) for a span of a capture's text. */
export function locateSpan(ctx: Ctx, captureRowid: number, start: number, end: number): { selectors: QuoteSelectors; locator: string } {
  const capture = anchorCaptureByRowid(ctx.db, captureRowid);
  const doc = preparedText(ctx, capture);
  // A selection's white space at either end is not part of the quote.
  let s = start;
  let e = Math.min(end, doc.text.length);
  while (s < e && /\s/.test(doc.text[s]!)) s++;
  while (e > s && /\s/.test(doc.text[e - 1]!)) e--;
  if (e <= s) throw invalid(`the span [${start}, ${end}) of capture ${capture.id} holds no text to quote`);
  const selectors = selectorsFor(doc, s, e);
  const paged = capture.media_type === 'application/pdf' || capture.page_count > 1;
  return { selectors, locator: paged ? `p. ${selectors.page}` : '' };
}
