/**
 * "Did you mean": the closest word of the case's own vocabulary to a word that found nothing. The
 * vocabulary holds porter stems (`train` for "training"), so a stem also counts as close when the
 * typed word starts like it (`trainng` → train).
 */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at max + 1. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[b.length]!, max + 1);
}

/** How many edits a word of this length may be away from its suggestion. */
export const allowedEdits = (word: string): number => (word.length <= 4 ? 1 : word.length <= 7 ? 2 : 3);

/** Distance from a typed word to a vocabulary stem (Infinity when too far). */
export function stemDistance(word: string, stem: string): number {
  const max = allowedEdits(word);
  let d = editDistance(word, stem, max);
  if (stem.length >= 4 && word.length > stem.length) d = Math.min(d, editDistance(word.slice(0, stem.length), stem, max) + 1);
  return d <= max ? d : Infinity;
}

export interface VocabTerm {
  term: string;
  docs: number;
}

/** The closest stems to a word, best first (fewest edits, then most documents). */
export function closestStems(word: string, vocab: readonly VocabTerm[], n: number): VocabTerm[] {
  const w = word.toLowerCase();
  return vocab
    .map((v) => ({ v, d: stemDistance(w, v.term) }))
    .filter((x) => Number.isFinite(x.d) && x.v.term !== w)
    .sort((a, b) => a.d - b.d || b.v.docs - a.v.docs)
    .slice(0, n)
    .map((x) => x.v);
}

/** The query with each word of `replace` swapped for its suggestion (whole tokens, case-insensitive). */
export function replaceWords(q: string, replace: ReadonlyMap<string, string>): string {
  return q
    .trim()
    .split(/\s+/)
    .map((tok) => replace.get(tok.toLowerCase()) ?? tok)
    .join(' ');
}

/** What the analyst is told when a suggestion's results are shown instead (API notice and the Search view). */
export const suggestionNotice = (q: string, suggestion: string): string =>
  `No results for “${q.trim()}”. Showing results for “${suggestion}”.`;
