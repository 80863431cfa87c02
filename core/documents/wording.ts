/** How an anchored quote is said, the same in the claim view, the CLI and every briefing format. */
import type { QuoteAnchor } from '../types';

/** Hex characters of the SHA-256 shown beside a capture (enough to tell captures apart). */
export const SHA_PREFIX = 12;

const day = (iso: string) => iso.slice(0, 10);

/** "exact", "close (82%)", "not found", "no capture". */
export function anchorLabel(a: Pick<QuoteAnchor, 'status' | 'score'>): string {
  switch (a.status) {
    case 'exact':
      return 'exact';
    case 'close':
      // Floor, so a close match never reads "100%".
      return `close (${Math.min(99, Math.floor((a.score ?? 0) * 100))}%)`;
    case 'not-found':
      return 'not found';
    case 'no-capture':
      return 'no capture';
  }
}

/** The alert for a quote found in an earlier capture and missing from the latest, or null. */
export function lostAlert(a: Pick<QuoteAnchor, 'lostSince'>): string | null {
  return a.lostSince ? `no longer in the source (captured ${day(a.lostSince)})` : null;
}

/** "captured 2026-03-02, SHA-256 3f2a9c01b7de" for the capture a quote was checked against. */
export function captureCitation(capturedAt: string, sha256: string): string {
  return `captured ${day(capturedAt)}, SHA-256 ${sha256.slice(0, SHA_PREFIX)}`;
}
