/**
 * Fuzzy matching for what must answer per keystroke: quick-open, the source picker's big brother,
 * the similar-claim warning and the link picker. fuse.js ranks; on large sets a cheap substring
 * pre-filter first narrows the field to the items sharing words with the query, so a keystroke costs
 * a scan of lowercase strings plus a Fuse run over at most POOL items. Small sets (≤ FULL_FUZZY_UP_TO)
 * fall back to Fuse over everything when nothing shares a word (typos still match).
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import { SAME_WORDS, SIMILAR_POOL, WordIndex } from '../../../core/words';

export { SAME_WORDS, SIMILAR_POOL };

export const POOL = 300;
export const FULL_FUZZY_UP_TO = 20_000;

/** pool: how many pre-filtered items Fuse ranks; fallback: Fuse over a small set when nothing shares a word. */
export type Matcher<T> = (q: string, limit: number, opts?: { pool?: number; fallback?: boolean }) => FuseResult<T>[];

export function createMatcher<T>(items: readonly T[], text: (t: T) => string, options: IFuseOptions<T>): Matcher<T> {
  const hay = items.map((i) => text(i).toLowerCase());
  let whole: Fuse<T> | null = null;
  return (q, limit, { pool: poolSize = POOL, fallback = true } = {}) => {
    const query = q.trim();
    if (query.length < 2) return [];
    const words = [...new Set(query.toLowerCase().split(/\s+/).filter((t) => t.length >= 2))];
    // Two-letter words only count while nothing longer has been typed.
    const tokens = words.some((t) => t.length >= 3) ? words.filter((t) => t.length >= 3) : words;
    const byShare: number[][] = tokens.map(() => []);
    for (let i = 0; i < hay.length; i++) {
      let n = 0;
      for (const t of tokens) if (hay[i]!.includes(t)) n++;
      if (n > 0) byShare[n - 1]!.push(i);
    }
    const pool: T[] = [];
    for (let n = tokens.length - 1; n >= 0 && pool.length < poolSize; n--)
      for (const i of byShare[n]!) {
        if (pool.length >= poolSize) break;
        pool.push(items[i]!);
      }
    if (fallback && pool.length < limit && items.length <= FULL_FUZZY_UP_TO) {
      whole ??= new Fuse(items, options);
      return whole.search(query, { limit });
    }
    return new Fuse(pool, options).search(query, { limit });
  };
}

export interface PaletteItem {
  kind: 'claim' | 'source';
  id: string;
  title: string;
  detail: string;
}

/** Each word is matched on its own (Fuse's extended search: words AND'ed, each fuzzy), so typos across words still match. */
export function paletteIndex(items: readonly PaletteItem[]): Matcher<PaletteItem> {
  return createMatcher(items, (i) => `${i.title}\n${i.detail}`, {
    keys: [{ name: 'title', weight: 3 }, 'detail'],
    threshold: 0.4,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    useExtendedSearch: true,
  });
}

/** The typed words as plain fuzzy words: Fuse's operators (`=`, `'`, `!`, `^`, `$`, `|`) are never obeyed. */
export const paletteWords = (q: string): string =>
  q
    .split(/\s+/)
    .map((w) => w.replace(/^[=!'^]+|\$+$/g, '').replace(/\|/g, ''))
    .filter(Boolean)
    .join(' ');

export function searchPalette(match: Matcher<PaletteItem>, q: string, limit = 12): PaletteItem[] {
  return match(paletteWords(q), limit).map((r) => r.item);
}

export interface Titled {
  id: string;
  text: string;
}

const CLAIM_OPTIONS: IFuseOptions<Titled> = {
  keys: ['text'],
  includeScore: true,
  threshold: 0.35,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  minMatchCharLength: 3,
};

/** A claim matcher also carries the claims and, built on first use, their word index (similarClaims). */
export type ClaimMatcher<T extends Titled> = Matcher<T> & { claims: readonly T[]; words: () => WordIndex };

export function claimMatcher<T extends Titled>(claims: readonly T[]): ClaimMatcher<T> {
  let words: WordIndex | null = null;
  return Object.assign(createMatcher(claims, (c) => c.text, CLAIM_OPTIONS as IFuseOptions<T>), {
    claims,
    words: () => (words ??= new WordIndex(claims.map((c) => c.text))),
  });
}

/** The earlier name of claimMatcher (kept for callers such as the benchmark). */
export const claimFuse = claimMatcher;

/** A Fuse score at or below this (0 = exact) is "similar": catches typos and half-typed claims. */
export const CLOSE_TEXT = 0.3;

/**
 * Claims that a new claim being typed may repeat: among the SIMILAR_POOL claims sharing the most
 * telling words with the draft (a claim sharing no word is never "similar"), those with nearly the
 * same words (reworded, reordered) or a close Fuse match of the text itself (typos, half typed).
 */
export function similarClaims<T extends Titled>(match: ClaimMatcher<T>, draft: string, limit = 3): T[] {
  const q = draft.trim();
  if (q.length < 12) return [];
  const pool = match.words().closest(q, SIMILAR_POOL);
  const byWords = pool.filter((p) => p.similarity >= SAME_WORDS).map((p) => match.claims[p.index]!);
  const byText = new Fuse(
    pool.map((p) => match.claims[p.index]!),
    CLAIM_OPTIONS as IFuseOptions<T>,
  )
    .search(q.slice(0, 120), { limit })
    .filter((r) => (r.score ?? 1) <= CLOSE_TEXT)
    .map((r) => r.item);
  return [...new Set([...byWords, ...byText])].slice(0, limit);
}
