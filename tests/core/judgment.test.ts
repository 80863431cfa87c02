import { describe, expect, it } from 'vitest';
import { computeConfidence } from '../../core/confidence';
import { judgmentMoved, judgmentOf, sameJudgment, type StoredJudgment } from '../../core/judgment';

const base: StoredJudgment = { probability: 0.5, computed: 0.5, band: 'roughly even chance', confidence: 'low', assessed: false };

describe('stored judgment', () => {
  it('takes the override as the probability in force and keeps the computed one', () => {
    const model = computeConfidence(0.5, [
      { evidenceId: 'e', sourceId: 's', originId: 's', stance: 'supports', weight: 1, reliability: 'A', credibility: 1 },
    ]);
    expect(judgmentOf(model, null)).toEqual({ probability: model.probability, computed: model.probability, band: 'likely', confidence: 'moderate', assessed: true });
    expect(judgmentOf(model, 0.1)).toEqual({ assessed: true, probability: 0.1, computed: model.probability, band: 'very unlikely', confidence: 'moderate' });
  });

  it('is worth a history entry only when band or confidence change, or a probability moves by more than 0.01', () => {
    expect(judgmentMoved(base, { ...base, probability: 0.509, computed: 0.491 })).toBe(false);
    expect(judgmentMoved(base, { ...base, computed: 0.52 })).toBe(true);
    expect(judgmentMoved(base, { ...base, probability: 0.488 })).toBe(true);
    expect(judgmentMoved(base, { ...base, confidence: 'moderate' })).toBe(true);
    expect(judgmentMoved(base, { ...base, band: 'likely' })).toBe(true);
    expect(sameJudgment(base, { ...base })).toBe(true);
    expect(sameJudgment(base, { ...base, computed: 0.5000001 })).toBe(false);
  });
});
