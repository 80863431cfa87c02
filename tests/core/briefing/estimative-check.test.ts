import { describe, expect, it } from 'vitest';
import { checkText, likelihoodWords, mentionsConfidenceLevel, splitSentences, vagueWords } from '../../../core/briefing/estimative-check';

describe('estimative-language checker', () => {
  it('finds likelihood words, longest phrase first, with their bands', () => {
    expect(likelihoodWords('It is very likely that X, and unlikely that Y.')).toEqual([
      { phrase: 'very likely', band: 'very likely' },
      { phrase: 'unlikely', band: 'unlikely' },
    ]);
    expect(likelihoodWords('It is almost certainly true.')).toEqual([{ phrase: 'almost certainly', band: 'almost certain' }]);
    expect(likelihoodWords('A highly probable outcome.')[0]!.band).toBe('very likely');
    expect(likelihoodWords('Nothing estimative here.')).toEqual([]);
  });

  it('ignores quoted text', () => {
    expect(likelihoodWords('The claim “X is very likely” is accurate.')).toEqual([]);
    expect(vagueWords('They said "this may happen".')).toEqual([]);
  });

  it('flags a sentence that mixes likelihood and confidence', () => {
    const w = checkText('It is likely, with high confidence, that X happened.', { where: 'KJ1', band: 'likely' });
    expect(w.map((x) => x.problem)).toEqual(['mixed']);
    expect(mentionsConfidenceLevel('We have moderate confidence in this judgment.')).toBe(true);
    expect(mentionsConfidenceLevel('Confidence is low.')).toBe(true);
    expect(checkText('It is likely (70%) that X. We have high confidence in this.', { where: 'KJ1', band: 'likely' })).toEqual([]);
  });

  it('flags vague hedges but not the month of May', () => {
    expect(checkText('DeepSeek may have used A100 chips.', { where: 'BLUF' }).map((w) => w.problem)).toEqual(['vague']);
    for (const word of ['could', 'possibly', 'perhaps', 'might'])
      expect(vagueWords(`It ${word} be so.`)).toEqual([word]);
    expect(vagueWords('The model shipped on 20 May 2025.')).toEqual([]);
    expect(vagueWords('It shipped in May 2025.')).toEqual([]);
  });

  it('flags a likelihood word that does not match the band', () => {
    const w = checkText('It is very likely (60%) that this is accurate.', { where: 'KJ2', band: 'likely' });
    expect(w).toHaveLength(1);
    expect(w[0]!.problem).toBe('band-mismatch');
    expect(w[0]!.message).toContain('likely');
  });

  it('ties BLUF sentences to judgments by (KJn) and flags untied ones', () => {
    const bands = new Map([
      ['KJ1', 'likely' as const],
      ['KJ2', 'unlikely' as const],
    ]);
    expect(checkText('It is likely that A (KJ1). It is unlikely that B (KJ2).', { where: 'BLUF', bands })).toEqual([]);
    expect(checkText('It is likely that B (KJ2).', { where: 'BLUF', bands }).map((w) => w.problem)).toEqual(['band-mismatch']);
    expect(checkText('It is likely that things improve.', { where: 'BLUF', bands }).map((w) => w.problem)).toEqual(['untied']);
  });

  it('splits sentences', () => {
    expect(splitSentences('One (62%). Two! “Three” follows.\nFour')).toEqual(['One (62%).', 'Two!', '“Three” follows.', 'Four']);
  });
});
