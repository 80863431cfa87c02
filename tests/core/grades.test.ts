import { describe, expect, it } from 'vitest';
import {
  CREDIBILITY,
  CREDIBILITY_FACTOR,
  credibilityText,
  gradeCode,
  isStrongReliability,
  RELIABILITY,
  RELIABILITY_FACTOR,
  reliabilityText,
} from '../../core/grades';

describe('Admiralty grades', () => {
  it('labels every reliability grade with its NATO meaning', () => {
    expect(RELIABILITY.map(reliabilityText)).toEqual([
      'A — completely reliable',
      'B — usually reliable',
      'C — fairly reliable',
      'D — not usually reliable',
      'E — unreliable',
      'F — reliability cannot be judged',
    ]);
  });

  it('labels every credibility grade with its NATO meaning', () => {
    expect(CREDIBILITY.map(credibilityText)).toEqual([
      '1 — confirmed by other sources',
      '2 — probably true',
      '3 — possibly true',
      '4 — doubtful',
      '5 — improbable',
      '6 — truth cannot be judged',
    ]);
  });

  it('uses the DESIGN §3 factors; "cannot be judged" sits between the two weakest grades', () => {
    expect(RELIABILITY.map((r) => RELIABILITY_FACTOR[r])).toEqual([1, 0.8, 0.6, 0.4, 0.2, 0.3]);
    expect(CREDIBILITY.map((c) => CREDIBILITY_FACTOR[c])).toEqual([1, 0.8, 0.6, 0.4, 0.2, 0.3]);
    expect(RELIABILITY_FACTOR.F).toBeGreaterThan(RELIABILITY_FACTOR.E);
    expect(RELIABILITY_FACTOR.F).toBeLessThan(RELIABILITY_FACTOR.D);
  });

  it('writes compact grades and knows the strong ones', () => {
    expect(gradeCode('B', 2)).toBe('B2');
    expect(RELIABILITY.filter(isStrongReliability)).toEqual(['A', 'B']);
  });
});
