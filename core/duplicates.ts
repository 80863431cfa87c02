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
import { COPY_THRESHOLD, shingleContainment, shingles } from './similarity';
import { normalizeDoi } from './transfer/csl-item';
import { SAME_WORDS, stems, WordIndex } from './words';

export interface PairFound {
  /** Positions in the input list, a < b. */
  a: number;
  b: number;
  reason: DuplicateReason;
  score: number;
  explanation: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Pairs (i < j) that can share at least `need(i)` of text i's token weight and `need(j)` of text j's,
 * by prefix filtering: with every text's tokens in one global order (rarest first), a text's prefix is
 * its fewest first tokens whose weight leaves less than its `need` outside them. Two texts sharing
 * that much share their first common token inside both prefixes, so only prefix tokens are indexed and
 * probed: a common word is read only for texts made almost only of common words, and nothing that
 * could qualify is missed. `indexAll`: the need holds for text i only (containment in a longer text), so
 * every token of the others is indexed and only i's prefix probes them. `sizeFits`: a cheap test on the
 * two texts' sizes that every qualifying pair passes.
 */
function prefixCandidates(
  tokens: readonly string[][],
  weight: (t: string) => number,
  need: (total: number) => number,
  opts: { indexAll?: boolean; sizeFits?: (i: number, j: number) => boolean } = {},
): Set<number> {
  const df = new Map<string, number>();
  for (const ts of tokens) for (const t of ts) df.set(t, (df.get(t) ?? 0) + 1);
  const prefixes = tokens.map((ts) => {
    const ordered = [...ts].sort((x, y) => df.get(x)! - df.get(y)! || (x < y ? -1 : x > y ? 1 : 0));
    const total = ordered.reduce((n, t) => n + weight(t), 0);
    const needed = need(total);
    const prefix: string[] = [];
    if (!(needed > 0)) return prefix;
    let rest = total;
    for (const t of ordered) {
      prefix.push(t);
      rest -= weight(t);
      // (a hair longer than the bound, so that rounding never drops a pair at the threshold)
      if (rest < needed - 1e-9) break;
    }
    return prefix;
  });
  const postings = new Map<string, number[]>();
  (opts.indexAll ? tokens : prefixes).forEach((ts, j) => {
    for (const t of ts) {
      const list = postings.get(t);
      if (list) list.push(j);
      else postings.set(t, [j]);
    }
  });
  // A pair is the number a·n + b (a < b): exact below 2^53 for any case size.
  const n = tokens.length;
  const fits = opts.sizeFits ?? (() => true);
  const out = new Set<number>();
  prefixes.forEach((prefix, i) => {
    for (const t of prefix)
      for (const j of postings.get(t) ?? []) if (j !== i && fits(i, j)) out.add(i < j ? i * n + j : j * n + i);
  });
  return out;
}

/** Scores pairs of the texts as the queue does, with the rarity weights of all of them. */
export function pairScorer(texts: readonly string[]) {
  const index = new WordIndex(texts);
  const stemSets = texts.map((t) => stems(t));
  const weights = new Map<string, number>();
  const weight = (s: string) => {
    let w = weights.get(s);
    if (w === undefined) weights.set(s, (w = index.weight(s)));
    return w;
  };
  const totals = stemSets.map((ss) => ss.reduce((n, s) => n + weight(s), 0));
  const shingleSets = texts.map((t) => shingles(t));
  const stemLookup = new Map<number, Set<string>>();
  /** The pair (a < b) if it is offered, else null; `wordingMayCount: false` skips the wording test where it cannot decide. */
  const score = (a: number, b: number, wordingMayCount = true): PairFound | null => {
    let mine = stemLookup.get(a);
    if (!mine) stemLookup.set(a, (mine = new Set(stemSets[a])));
    const shared = stemSets[b]!.reduce((sum, s) => (mine.has(s) ? sum + weight(s) : sum), 0);
    const words = (2 * shared) / (totals[a]! + totals[b]!);
    // The wording is compared only where it can matter (most candidates share only some rare words).
    const wording = words >= SAME_WORDS || wordingMayCount ? shingleContainment(shingleSets[a]!, shingleSets[b]!) : 0;
    if (words >= SAME_WORDS && words >= wording)
      return { a, b, reason: 'same-words', score: words, explanation: `same telling words (weighted Dice ${pct(words)}; similar from ${pct(SAME_WORDS)})` };
    if (wording >= COPY_THRESHOLD)
      return { a, b, reason: 'same-wording', score: wording, explanation: `same wording (${pct(wording)} of the shorter text's word triples in the other; a copy from ${pct(COPY_THRESHOLD)})` };
    return null;
  };
  return { score, stemSets, shingleSets, totals, weight };
}

/**
 * Pairs of texts the similar-claim matcher calls the same claim, most similar first: the weighted Dice
 * of their stems (WordIndex's measure) at SAME_WORDS or more, or, failing that, their wording
 * contained in one another (word-3-gram containment) at COPY_THRESHOLD or more. Exact, not sampled:
 * every pair above either threshold is found.
 */
export function similarTextPairs(texts: readonly string[]): PairFound[] {
  const { score, stemSets, shingleSets, totals, weight } = pairScorer(texts);
  // Dice ≥ t needs a shared weight of t/(2−t) of each text's total, and so totals within that ratio.
  const ratio = SAME_WORDS / (2 - SAME_WORDS);
  const byWords = prefixCandidates(stemSets, weight, (total) => ratio * total, {
    sizeFits: (i, j) => totals[j]! >= ratio * totals[i]! - 1e-9 && totals[i]! >= ratio * totals[j]! - 1e-9,
  });
  const byWording = prefixCandidates(
    shingleSets.map((x) => [...x]),
    () => 1,
    (total) => Math.ceil(COPY_THRESHOLD * total - 1e-9),
    { indexAll: true },
  );
  const n = texts.length;
  const found: PairFound[] = [];
  for (const key of new Set([...byWords, ...byWording])) {
    const a = Math.floor(key / n);
    const pair = score(a, key - a * n, byWording.has(key));
    if (pair) found.push(pair);
  }
  return found.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
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
