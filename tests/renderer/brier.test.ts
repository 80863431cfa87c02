/** The plain-words reading of Brier scores shown on the Calibration view. */
import { describe, expect, it } from 'vitest';
import { brierVerdict, formatBrier } from '../../renderer/src/lib/brier';

describe('Brier score in plain words', () => {
  it('reads scores against always saying 50% (0.25)', () => {
    expect(brierVerdict(0)).toBe('very well calibrated');
    expect(brierVerdict(0.0925)).toBe('better than always saying 50%');
    expect(brierVerdict(0.25)).toBe('about as good as always saying 50%');
    expect(brierVerdict(0.81)).toBe('worse than always saying 50%');
  });
  it('shows three decimals', () => {
    expect(formatBrier(0.1183333)).toBe('0.118');
    expect(formatBrier(1)).toBe('1.000');
  });
});
