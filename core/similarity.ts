/**
 * Near-duplicate wording between two evidence excerpts (copy detection, docs/confidence.md).
 *
 * Both texts are normalized (NFKC, case-folded, invisible format characters and punctuation removed,
 * whitespace collapsed) and cut into overlapping word 3-grams ("shingles"). Their similarity is the
 * containment of the smaller set in the larger one, |A ∩ B| / min(|A|, |B|): a report that quotes a
 * sentence inside a longer paragraph is as much a copy as one that repeats it alone. Texts shorter
 * than MIN_WORDS words are never called copies (two "Yes." are not circular reporting).
 * COPY_THRESHOLD was chosen on real near-duplicates (tests/core/similarity.test.ts, README).
 */

export const SHINGLE = 3;
export const MIN_WORDS = 6;
export const COPY_THRESHOLD = 0.6;

const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length < MIN_WORDS) return out;
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** Containment of the smaller shingle set in the larger one; 0 when either text is too short. */
export function shingleContainment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

export function similarity(a: string, b: string): number {
  return shingleContainment(shingles(a), shingles(b));
}

export function isNearCopy(a: string, b: string): boolean {
  return similarity(a, b) >= COPY_THRESHOLD;
}

/** Order-free key of a pair of ids (for the analyst's "these two are independent" marks). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
