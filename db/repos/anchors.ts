/**
 * quote_anchors as plain SQL functions: where each evidence excerpt stands in its source's latest
 * capture (derived state, see db/service/anchors.ts).
 */
import type { AnchorStatus, QuoteAnchor, QuoteSelectors } from '../../core/types';
import { all, get, run, sql, type DB } from '../sql';

export interface AnchorRow {
  evidence_rowid: number;
  capture_rowid: number | null;
  status: AnchorStatus;
  score: number | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  page: number | null;
  /** The capture the quote was last found in (exact or close). */
  found_in: number | null;
  /** The captured_at of the capture in which a quote found before went missing. */
  lost_since: string | null;
}

/** The capture quotes are anchored in: the source's latest capture with text (images have none). */
export interface AnchorCapture {
  rowid: number;
  id: string;
  captured_at: string;
  sha256: string;
  media_type: string;
  page_count: number;
  text_length: number;
}

export function latestTextCapture(db: DB, sourceRowid: number): AnchorCapture | undefined {
  return get<AnchorCapture>(
    db,
    sql`SELECT c.rowid, c.id, c.captured_at, b.sha256, c.media_type, c.page_count, c.text_length
        FROM captures c JOIN blobs b ON b.rowid = c.blob_rowid
        WHERE c.source_rowid = ${sourceRowid} AND c.extraction = 'text'
        ORDER BY c.captured_at DESC, c.rowid DESC LIMIT 1`,
  );
}

export function anchorCaptureByRowid(db: DB, rowid: number): AnchorCapture {
  return get<AnchorCapture>(
    db,
    sql`SELECT c.rowid, c.id, c.captured_at, b.sha256, c.media_type, c.page_count, c.text_length
        FROM captures c JOIN blobs b ON b.rowid = c.blob_rowid WHERE c.rowid = ${rowid}`,
  )!;
}

export function anchorRow(db: DB, evidenceRowid: number): AnchorRow | undefined {
  return get<AnchorRow>(db, sql`SELECT * FROM quote_anchors WHERE evidence_rowid = ${evidenceRowid}`);
}

export function saveAnchor(db: DB, a: AnchorRow): void {
  run(
    db,
    sql`INSERT INTO quote_anchors (evidence_rowid, capture_rowid, status, score, exact, prefix, suffix, start, end, page, found_in, lost_since)
        VALUES (${a.evidence_rowid}, ${a.capture_rowid}, ${a.status}, ${a.score}, ${a.exact}, ${a.prefix}, ${a.suffix}, ${a.start},
          ${a.end}, ${a.page}, ${a.found_in}, ${a.lost_since})
        ON CONFLICT (evidence_rowid) DO UPDATE SET capture_rowid = excluded.capture_rowid, status = excluded.status,
          score = excluded.score, exact = excluded.exact, prefix = excluded.prefix, suffix = excluded.suffix,
          start = excluded.start, end = excluded.end, page = excluded.page, found_in = excluded.found_in,
          lost_since = excluded.lost_since`,
  );
}

export function deleteAnchor(db: DB, evidenceRowid: number): void {
  run(db, sql`DELETE FROM quote_anchors WHERE evidence_rowid = ${evidenceRowid}`);
}

/** An evidence item with what re-anchoring needs. */
export interface QuoteRow {
  rowid: number;
  id: string;
  excerpt: string;
  claim_id: string;
  source_rowid: number;
}

const SELECT_QUOTE = sql`SELECT e.rowid, e.id, e.excerpt, e.source_rowid, c.id AS claim_id FROM evidence e JOIN claims c ON c.rowid = e.claim_rowid`;

/** The evidence items citing a source, with what re-anchoring needs. */
export function evidenceOfSource(db: DB, sourceRowid: number): QuoteRow[] {
  return all<QuoteRow>(db, sql`${SELECT_QUOTE} WHERE e.source_rowid = ${sourceRowid} ORDER BY e.rowid`);
}

/** One evidence item with what re-anchoring needs. */
export function quoteOfEvidence(db: DB, evidenceRowid: number): QuoteRow {
  return get<QuoteRow>(db, sql`${SELECT_QUOTE} WHERE e.rowid = ${evidenceRowid}`)!;
}

export function selectorsOf(a: Pick<AnchorRow, 'exact' | 'prefix' | 'suffix' | 'start' | 'end' | 'page'>): QuoteSelectors | null {
  if (a.exact === null || a.start === null || a.end === null) return null;
  return { exact: a.exact, prefix: a.prefix ?? '', suffix: a.suffix ?? '', start: a.start, end: a.end, page: a.page ?? 1 };
}

interface JoinedAnchor extends Omit<AnchorRow, 'status'> {
  /** Null when no anchor is stored. */
  status: AnchorStatus | null;
  excerpt: string;
  capture_id: string | null;
  captured_at: string | null;
  sha256: string | null;
  has_capture: number;
}

const NO_CAPTURE: QuoteAnchor = { status: 'no-capture', score: null, captureId: null, capturedAt: null, sha256: null, selectors: null, lostSince: null };

function toAnchor(r: JoinedAnchor): QuoteAnchor | undefined {
  if (!r.excerpt.trim()) return undefined;
  if (r.status === null || r.status === 'no-capture' || r.capture_id === null) return r.has_capture ? undefined : NO_CAPTURE;
  return {
    status: r.status,
    score: r.score,
    captureId: r.capture_id,
    capturedAt: r.captured_at,
    sha256: r.sha256,
    selectors: selectorsOf(r),
    lostSince: r.lost_since,
  };
}

const SELECT_ANCHORS = sql`SELECT e.rowid AS evidence_rowid, e.excerpt, qa.capture_rowid, qa.status, qa.score, qa.exact,
    qa.prefix, qa.suffix, qa.start, qa.end, qa.page, qa.found_in, qa.lost_since, cap.id AS capture_id, cap.captured_at, b.sha256,
    EXISTS (SELECT 1 FROM captures x WHERE x.source_rowid = e.source_rowid AND x.extraction = 'text') AS has_capture
  FROM evidence e LEFT JOIN quote_anchors qa ON qa.evidence_rowid = e.rowid
    LEFT JOIN captures cap ON cap.rowid = qa.capture_rowid LEFT JOIN blobs b ON b.rowid = cap.blob_rowid`;

/**
 * The anchors of a claim's evidence by evidence rowid: the stored one, or "no capture" when the source
 * holds no capture with text. Items without an excerpt have none.
 */
export function anchorsOfClaim(db: DB, claimRowid: number): Map<number, QuoteAnchor> {
  const out = new Map<number, QuoteAnchor>();
  for (const r of all<JoinedAnchor>(db, sql`${SELECT_ANCHORS} WHERE e.claim_rowid = ${claimRowid}`)) {
    const a = toAnchor(r);
    if (a) out.set(r.evidence_rowid, a);
  }
  return out;
}

/** One evidence item's anchor (as in anchorsOfClaim). */
export function anchorOfEvidenceRow(db: DB, evidenceRowid: number): QuoteAnchor | undefined {
  const r = get<JoinedAnchor>(db, sql`${SELECT_ANCHORS} WHERE e.rowid = ${evidenceRowid}`);
  return r && toAnchor(r);
}
