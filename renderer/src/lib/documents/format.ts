/** How captures are named in the interface (dates, origin, status). */
import type { Capture } from '../../../../core/types';

/** "2026-12-01 23:17 UTC": the stored ISO time, shown in UTC as stored (the chain's time). */
export function capturedTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(iso);
  return m ? `${m[1]} ${m[2]}${m[3] ?? ''} UTC` : iso;
}

/** Where the bytes came from: the final address of a URL capture, else the file name. */
export function captureOrigin(c: Capture): string {
  if (c.origin === 'url') return c.finalUrl ?? c.requestedUrl ?? 'web address';
  return c.fileName ?? 'attached file';
}

export function shaPrefix(sha256: string): string {
  return sha256.slice(0, 12);
}

/** Newest first (the order the list and the switcher use). */
export function newestFirst(captures: readonly Capture[]): Capture[] {
  return [...captures].sort((a, b) => (a.capturedAt < b.capturedAt ? 1 : a.capturedAt > b.capturedAt ? -1 : 0));
}

/** A one-line name for a capture in the switcher. */
export function captureLabel(c: Capture): string {
  return `${capturedTime(c.capturedAt)} · ${c.mediaType} · ${shaPrefix(c.sha256)}`;
}
