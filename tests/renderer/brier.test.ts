/** The plain-words reading of Brier scores shown on the Calibration view. */
import { describe, expect, it } from 'vitest';
import { brierVerdict, MIN_SAMPLE } from '../../core/calibration';
import { formatBrier } from '../../renderer/src/lib/brier';

describe('Brier score in plain words', () => {
  it('reads scores against always saying 50% (0.25), once the sample is big enough', () => {
    expect(brierVerdict(0, MIN_SAMPLE)).toBe('very well calibrated');
    expect(brierVerdict(0.0925, MIN_SAMPLE)).toBe('better than always saying 50%');
    expect(brierVerdict(0.25, MIN_SAMPLE)).toBe('about as good as always saying 50%');
    expect(brierVerdict(0.81, MIN_SAMPLE)).toBe('worse than always saying 50%');
  });
  it('says nothing below the minimum sample', () => {
    expect(brierVerdict(0, 2)).toBeNull();
    expect(brierVerdict(0, MIN_SAMPLE - 1)).toBeNull();
    expect(brierVerdict(null, 100)).toBeNull();
  });
  it('shows three decimals', () => {
    expect(formatBrier(0.1183333)).toBe('0.118');
    expect(formatBrier(1)).toBe('1.000');
  });
});
