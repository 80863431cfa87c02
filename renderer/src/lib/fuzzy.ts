/** fuse.js setups for what must answer per keystroke: quick-open, source picker, similar claims. */
import Fuse from 'fuse.js';

export interface PaletteItem {
  kind: 'claim' | 'source';
  id: string;
  title: string;
  detail: string;
}

export function paletteIndex(items: readonly PaletteItem[]): Fuse<PaletteItem> {
  return new Fuse(items, { keys: [{ name: 'title', weight: 3 }, 'detail'], threshold: 0.4, ignoreLocation: true });
}

export function searchPalette(fuse: Fuse<PaletteItem>, q: string, limit = 12): PaletteItem[] {
  return q.trim() ? fuse.search(q.trim(), { limit }).map((r) => r.item) : [];
}

export interface Titled {
  id: string;
  text: string;
}

/** Claims whose text closely resembles a new claim being typed (score ≤ 0.3 on a 0..1 scale). */
export function similarClaims<T extends Titled>(fuse: Fuse<T>, draft: string, limit = 3): T[] {
  const q = draft.trim();
  if (q.length < 12) return [];
  return fuse
    .search(q.slice(0, 120), { limit })
    .filter((r) => (r.score ?? 1) <= 0.3)
    .map((r) => r.item);
}

export function claimFuse<T extends Titled>(claims: readonly T[]): Fuse<T> {
  return new Fuse(claims, { keys: ['text'], includeScore: true, threshold: 0.35, ignoreLocation: true, ignoreFieldNorm: true, minMatchCharLength: 3 });
}
