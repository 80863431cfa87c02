/**
 * A word index over many short texts (claim texts), for the similar-claim warning (renderer) and the
 * duplicate review queue (db/service/duplicates.ts): which texts share
 * the most *telling* words with a draft. Words are crudely stemmed (taxes → tax, trained/training →
 * train) and weighted by rarity (inverse document frequency), so sharing "H800" or "Dunnam" counts far
 * more than sharing "the" or "says". A lookup costs the posting lists of the draft's words, not a scan.
 */

const SUFFIXES = ['ing', 'ed', 's'];

/** How many of the claims sharing the most telling words are examined closely. */
export const SIMILAR_POOL = 20;
/** Same telling words (weighted Dice of stems) at or above this is "similar" even when reworded or reordered. */
export const SAME_WORDS = 0.7;

/** Lowercase, strip one common suffix (keeping at least 3 letters) and a final e: state/states → stat. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  for (const s of SUFFIXES)
    if (w.endsWith(s) && w.length - s.length >= 3 && !w.endsWith('ss')) {
      w = w.slice(0, -s.length);
      break;
    }
  return w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w;
}

/** The distinct stems of a text: runs of letters or digits, 2+ characters long. */
export function stems(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{N}]{2,}/gu)) out.add(stem(m[0]));
  return [...out];
}

export interface Shared {
  /** position of the text in the indexed list */
  index: number;
  /** weighted Dice coefficient of the two stem sets: 1 = same words, 0 = none in common */
  similarity: number;
}

export class WordIndex {
  private readonly postings = new Map<string, Int32Array>();
  private readonly weightOf: Float64Array;
  private readonly score: Float64Array;
  private readonly n: number;

  constructor(texts: readonly string[]) {
    this.n = texts.length;
    const lists = new Map<string, number[]>();
    texts.forEach((t, i) => {
      for (const s of stems(t)) {
        const list = lists.get(s);
        if (list) list.push(i);
        else lists.set(s, [i]);
      }
    });
    this.weightOf = new Float64Array(this.n);
    this.score = new Float64Array(this.n);
    for (const [s, list] of lists) {
      this.postings.set(s, Int32Array.from(list));
      const w = this.idf(list.length);
      for (const i of list) this.weightOf[i]! += w;
    }
  }

  private idf(df: number): number {
    return Math.log(1 + this.n / Math.max(1, df));
  }

  /** Rarity weight of a stem (a stem no text has weighs most). */
  weight(s: string): number {
    return this.idf(this.postings.get(s)?.length ?? 0);
  }

  /** The `limit` texts sharing the most weight with `text`, most similar first; texts sharing nothing never appear. */
  closest(text: string, limit: number): Shared[] {
    const { score } = this;
    const touched: number[] = [];
    let draftWeight = 0;
    for (const s of stems(text)) {
      const list = this.postings.get(s);
      const w = this.idf(list?.length ?? 0);
      draftWeight += w;
      if (list)
        for (const i of list) {
          if (score[i] === 0) touched.push(i);
          score[i]! += w;
        }
    }
    const best: Shared[] = [];
    for (const i of touched) {
      const similarity = (2 * score[i]!) / (draftWeight + this.weightOf[i]!);
      score[i] = 0;
      if (best.length === limit && similarity <= best[limit - 1]!.similarity) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.similarity < similarity) at--;
      best.splice(at, 0, { index: i, similarity });
      if (best.length > limit) best.pop();
    }
    return best;
  }
}
