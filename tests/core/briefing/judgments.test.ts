import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBriefing, judgmentSentences } from '../../../core/briefing/check-briefing';
import { likelihoodWords, mentionsConfidenceLevel, splitSentences } from '../../../core/briefing/estimative-check';
import { blufSentence, confidenceSentence, likelihoodSentence } from '../../../core/briefing/sentences';
import { bandOf, CONFIDENCE_LEVELS } from '../../../core/estimative';
import { sampleCase } from './fixtures';

describe('key judgment sentences', () => {
  const c = sampleCase();
  afterAll(() => c.close());
  const { briefing, warnings } = c.api.invoke('briefings.compose', { selection: { query: 'DeepSeek' } });

  it('cover the whole sample', () => {
    expect(briefing.judgments.length).toBeGreaterThan(10);
  });

  it('never hold a likelihood word and a confidence level in one sentence', () => {
    let checked = 0;
    for (const j of briefing.judgments)
      for (const s of judgmentSentences(j).flatMap(splitSentences)) {
        checked++;
        expect(likelihoodWords(s).length > 0 && mentionsConfidenceLevel(s), `${j.label}: ${s}`).toBe(false);
      }
    expect(checked).toBeGreaterThanOrEqual(briefing.judgments.length * 3);
  });

  it('use exactly the likelihood word of the claim’s band, and none for a claim that is not assessed', () => {
    const notAssessed = briefing.judgments.filter((j) => j.assessment === 'not-assessed');
    expect(notAssessed.length).toBeGreaterThan(0); // the re-graded sample (issue 11)
    expect(notAssessed.length).toBeLessThan(briefing.judgments.length);
    for (const j of briefing.judgments) {
      const words = judgmentSentences(j).flatMap(likelihoodWords);
      if (j.assessment === 'not-assessed') {
        expect(words, j.label).toEqual([]);
        expect(j.sentences.likelihood).toMatch(/^This claim is not assessed: no evidence counts for or against it yet \(its prior is \d+%\)\.$/);
        continue;
      }
      expect(words.length, j.label).toBeGreaterThan(0);
      for (const w of words) expect(w.band, `${j.label} says “${w.phrase}”`).toBe(bandOf(j.probability));
    }
  });

  it('state the confidence level in its own sentence', () => {
    for (const j of briefing.judgments) {
      expect(mentionsConfidenceLevel(j.sentences.confidence)).toBe(true);
      expect(likelihoodWords(j.sentences.confidence)).toEqual([]);
    }
  });

  it('and the drafted BLUF pass the checker', () => {
    expect(warnings).toEqual([]);
    expect(checkBriefing(briefing)).toEqual([]);
  });
});

describe('sentence templates, for every probability', () => {
  it('name the band of the probability and no confidence level', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.0001, max: 0.9999, noNaN: true }), (p) => {
        const band = bandOf(p);
        const s = likelihoodSentence(band, p);
        expect(likelihoodWords(s).map((w) => w.band)).toEqual([band]);
        expect(mentionsConfidenceLevel(s)).toBe(false);
        const b = blufSentence({ label: 'KJ1', text: 'X may be “likely” true.', band });
        expect(likelihoodWords(b).map((w) => w.band)).toEqual([band]);
      }),
    );
  });
  it('state confidence without likelihood words', () => {
    for (const level of CONFIDENCE_LEVELS) {
      const s = confidenceSentence(level, ['2 independent supporting origins', '1 graded A or B']);
      expect(mentionsConfidenceLevel(s)).toBe(true);
      expect(likelihoodWords(s)).toEqual([]);
    }
  });
});

describe('the analyst’s BLUF is checked too', () => {
  const c = sampleCase();
  afterAll(() => c.close());
  it('flags vague words, mixed sentences, wrong and untied likelihood words', () => {
    const { briefing } = c.api.invoke('briefings.compose', { selection: { query: 'chips' } });
    const label = (part: string) => briefing.judgments.find((j) => j.text.includes(part))!.label;
    const [cost, a100] = [label('USD6mn'), label('A100')];
    const { warnings } = c.api.invoke('briefings.compose', {
      selection: { query: 'chips' },
      bluf: `DeepSeek may have more chips than it says. It is very likely that the cost figure is wrong (${cost}). It is likely, with high confidence, that HighFlyer bought A100s (${a100}). Sanctions are likely to tighten.`,
    });
    // Since the re-grade (issue 11) the cost claim is unlikely, and the A100 stockpile (backed only by the
    // brief's own words) is not assessed (its prior, roughly even): "likely … (A100)" is a band mismatch
    // as well as a mixed sentence.
    expect(warnings.filter((w) => w.where === 'BLUF').map((w) => w.problem)).toEqual(['vague', 'band-mismatch', 'mixed', 'band-mismatch', 'untied']);
  });
});
