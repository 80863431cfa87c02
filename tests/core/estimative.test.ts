import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAND_RANGE, BANDS, bandIndex, bandOf, formatPercent } from '../../core/estimative';
import { stress } from '../helpers';

/** The next representable double above / below x. */
function nextAfter(x: number, up: boolean): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, up ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

// ICD 203 with DESIGN §3's half-open bands: [boundary, band at, band just below, band just above].
const BOUNDARIES: [number, string, string, string][] = [
  [0.05, 'very unlikely', 'almost no chance', 'very unlikely'],
  [0.2, 'unlikely', 'very unlikely', 'unlikely'],
  [0.45, 'roughly even chance', 'unlikely', 'roughly even chance'],
  [0.55, 'roughly even chance', 'roughly even chance', 'likely'],
  [0.8, 'likely', 'likely', 'very likely'],
  [0.95, 'very likely', 'very likely', 'almost certain'],
];

describe('ICD 203 bands', () => {
  it.each(BOUNDARIES)('at %s the band is %s, just below %s, just above %s', (b, at, below, above) => {
    expect(bandOf(b)).toBe(at);
    expect(bandOf(nextAfter(b, false))).toBe(below);
    expect(bandOf(nextAfter(b, true))).toBe(above);
    expect(bandOf(b - 0.001)).toBe(below);
    expect(bandOf(b + 0.001)).toBe(above);
  });

  it('covers 0..1 with seven bands in order, and the display ranges agree', () => {
    expect(bandOf(0)).toBe('almost no chance');
    expect(bandOf(1)).toBe('almost certain');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(bandIndex(bandOf(lo))).toBeLessThanOrEqual(bandIndex(bandOf(hi)));
        const [from, to] = BAND_RANGE[bandOf(a)];
        expect(a).toBeGreaterThanOrEqual(from);
        expect(a).toBeLessThanOrEqual(to);
      }),
      { numRuns: stress(200, 10_000) },
    );
    expect(BANDS.map((band) => BAND_RANGE[band][0])).toEqual([0, 0.05, 0.2, 0.45, 0.55, 0.8, 0.95]);
  });

  it('formats percentages', () => {
    expect(formatPercent(0.479)).toBe('48%');
    expect(formatPercent(0.8)).toBe('80%');
  });
});
