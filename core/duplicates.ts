/**
 * Finding duplicate candidates (issue 18.3, docs/duplicates.md), environment-neutral:
 *
 * - claims: the similar-claim matcher of the new-claim warning (core/words.ts: weighted Dice of
 *   stemmed, rarity-weighted words, "similar" at SAME_WORDS) run over every pair of live claims that
 *   share telling words, plus the copy test of the evidence model (core/similarity.ts: word-3-gram
 *   containment at COPY_THRESHOLD) for a claim whose wording sits inside a longer one;
 * - sources: the same DOI, or the same URL once normalized (scheme, letter case of the host, a leading
 *   "www.", default port, fragment, tracking parameters and a trailing slash do not count; a doi.org
 *   address is its DOI).
 */
import type { DuplicateReason } from './contract/duplicates';
import { COPY_THRESHOLD, similarity } from './similarity';
import { normalizeDoi } from './transfer/csl-item';
import { SAME_WORDS, SIMILAR_POOL, WordIndex } from './words';

export interface PairFound {
  /** Positions in the input list, a < b. */
  a: number;
  b: number;
  reason: DuplicateReason;
  score: number;
  explanation: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Pairs of texts the similar-claim matcher calls the same claim, most similar first. */
export function similarTextPairs(texts: readonly string[]): PairFound[] {
  const index = new WordIndex(texts);
  const found = new Map<string, PairFound>();
  texts.forEach((text, i) => {
    for (const near of index.closest(text, SIMILAR_POOL + 1)) {
      const j = near.index;
      if (j === i) continue;
      const [a, b] = i < j ? [i, j] : [j, i];
      const key = `${a}:${b}`;
      if (found.has(key)) continue;
      const words = near.similarity;
      const wording = similarity(texts[a]!, texts[b]!);
      if (words >= SAME_WORDS && words >= wording)
        found.set(key, { a, b, reason: 'same-words', score: words, explanation: `same telling words (weighted Dice ${pct(words)}; similar from ${pct(SAME_WORDS)})` });
      else if (wording >= COPY_THRESHOLD)
        found.set(key, { a, b, reason: 'same-wording', score: wording, explanation: `same wording (${pct(wording)} of the shorter text's word triples in the other; a copy from ${pct(COPY_THRESHOLD)})` });
    }
  });
  return [...found.values()].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref_src)$/i;

/** The key two addresses share when they name the same page ("doi:10.…" for a doi.org address), or null when it is no web address. */
export function urlKey(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol === 'doi:') return `doi:${doiKey(u.pathname)}`;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  if ((host === 'doi.org' || host === 'dx.doi.org') && u.pathname.length > 1) return `doi:${doiKey(decodeURIComponent(u.pathname.slice(1)))}`;
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = u.pathname.replace(/\/+$/, '');
  return `${host}${u.port ? `:${u.port}` : ''}${path}${query}`;
}

/** A DOI as compared: without its resolver prefix, in lower case (DOIs are case-insensitive). */
export function doiKey(doi: string): string {
  return normalizeDoi(doi).toLowerCase();
}

export interface SourceKeys {
  url: string | null;
  doi: string | null;
}

/** Pairs of sources with the same DOI (also through a doi.org address) or the same normalized URL. */
export function sameAddressPairs(sources: readonly SourceKeys[]): PairFound[] {
  const groups = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const g = groups.get(key);
    if (!g) groups.set(key, [i]);
    else if (!g.includes(i)) g.push(i);
  };
  sources.forEach((s, i) => {
    if (s.doi?.trim()) add(`doi:${doiKey(s.doi)}`, i);
    const key = s.url ? urlKey(s.url) : null;
    if (key) add(key.startsWith('doi:') ? key : `url:${key}`, i);
  });
  const found = new Map<string, PairFound>();
  for (const [key, members] of groups)
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const [a, b] = members[x]! < members[y]! ? [members[x]!, members[y]!] : [members[y]!, members[x]!];
        const k = `${a}:${b}`;
        if (found.has(k)) continue;
        const doi = key.startsWith('doi:');
        found.set(k, {
          a,
          b,
          reason: doi ? 'same-doi' : 'same-url',
          score: 1,
          explanation: doi ? `same DOI (${key.slice(4)})` : `same address (${key.slice(4)})`,
        });
      }
  return [...found.values()].sort((x, y) => x.a - y.a || x.b - y.b);
}
