/**
 * Duplicate candidates (core/duplicates.ts): the prefix-filtered pair search finds exactly the pairs a
 * comparison of every pair finds (on LIAR statements, which repeat and reword each other), and the
 * scores are the similar-claim warning's own measure.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../bench/gen/corpus';
import { doiKey, sameAddressPairs, similarTextPairs, urlKey } from '../../core/duplicates';
import { COPY_THRESHOLD, similarity } from '../../core/similarity';
import { SAME_WORDS, WordIndex } from '../../core/words';
import { stress } from '../helpers';

/** The pairs among each text's 50 closest by WordIndex.closest (the warning's own search, with a wide pool), by its weighted Dice or the wording containment. */
function bruteForce(texts: readonly string[]): string[] {
  const index = new WordIndex(texts);
  const out: string[] = [];
  texts.forEach((t, i) => {
    for (const near of index.closest(t, 50))
      if (near.index > i && (near.similarity >= SAME_WORDS - 1e-12 || similarity(t, texts[near.index]!) >= COPY_THRESHOLD)) out.push(`${i}:${near.index}`);
  });
  return out.sort();
}

describe('similarTextPairs', () => {
  it('finds exactly the pairs that the warning\'s own search finds in a wide pool', () => {
    const statements = loadCorpus().statements;
    const n = stress(2500, 5000);
    for (const offset of [0, 2500]) {
      const texts = statements.slice(offset, offset + n);
      const found = similarTextPairs(texts).map((p) => `${p.a}:${p.b}`).sort();
      expect(found).toEqual(bruteForce(texts));
      expect(found.length).toBeGreaterThan(0);
    }
  });

  it('scores with the warning measure: same words reworded, or one wording inside the other', () => {
    const [pair] = similarTextPairs(['Training DeepSeek-V3 cost about USD6mn in compute.', 'An unrelated sentence about the weather.', 'DeepSeek-V3 training cost about USD6mn of compute.']);
    expect(pair).toMatchObject({ a: 0, b: 2, reason: 'same-words' });
    const closest = new WordIndex(['Training DeepSeek-V3 cost about USD6mn in compute.', 'An unrelated sentence about the weather.', 'DeepSeek-V3 training cost about USD6mn of compute.']).closest('Training DeepSeek-V3 cost about USD6mn in compute.', 3);
    expect(pair!.score).toBeCloseTo(closest.find((c) => c.index === 2)!.similarity, 12);
    expect(similarTextPairs(['Yes.', 'Yes.', 'No.'])).toMatchObject([{ a: 0, b: 1, score: 1 }]);
    expect(similarTextPairs([])).toEqual([]);
  });
});

describe('same addresses', () => {
  it('normalizes URLs and DOIs', () => {
    expect(urlKey('HTTPS://WWW.Example.org/a/b/?x=1&utm_source=t&fbclid=z#frag')).toBe('example.org/a/b?x=1');
    expect(urlKey('http://example.org:8080/a')).toBe('example.org:8080/a');
    expect(urlKey('https://dx.doi.org/10.1000/AbC')).toBe('doi:10.1000/abc');
    expect(urlKey('mailto:someone@example.org')).toBeNull();
    expect(doiKey('doi:10.1000/XYZ')).toBe('10.1000/xyz');
    expect(sameAddressPairs([{ url: 'https://example.org/a', doi: null }, { url: 'https://example.org/b', doi: null }])).toEqual([]);
    expect(sameAddressPairs([{ url: null, doi: '10.1/x' }, { url: 'https://doi.org/10.1/X', doi: '10.1/x' }, { url: null, doi: null }])).toMatchObject([{ a: 0, b: 1, reason: 'same-doi' }]);
  });
});
