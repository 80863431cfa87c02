/** The confidence chart's time axis: ticks on the same x as the points, labelled by date or by hour. */
import { describe, expect, it } from 'vitest';
import { plotPoints, timeTicks } from '../../renderer/src/lib/chart';

const BOX = { width: 560, height: 200, pad: 28 };
const at = (iso: string, p = 0.5) => ({ at: iso, probability: p, computed: p });

describe('time axis', () => {
  it('spans the first to the last point with dates, on the x of the points', () => {
    const series = [at('2025-01-01T00:00:00.000Z'), at('2025-01-31T00:00:00.000Z', 0.7), at('2025-04-01T00:00:00.000Z', 0.3)];
    const ticks = timeTicks(series, BOX);
    expect(ticks.map((t) => t.label)).toEqual(['2025-01-01', '2025-01-31', '2025-03-02', '2025-04-01']);
    const pts = plotPoints(series, BOX);
    expect(ticks[0]!.x).toBe(pts[0]!.x);
    expect(ticks[3]!.x).toBe(pts[2]!.x);
    expect(ticks[1]!.x).toBeCloseTo(pts[1]!.x, 0);
  });

  it('labels hours when the history spans less than two days, and one tick for one instant', () => {
    const day = timeTicks([at('2025-01-27T09:00:00.000Z'), at('2025-01-27T15:00:00.000Z')], BOX, 3);
    expect(day.map((t) => t.label)).toEqual(['01-27 09:00', '01-27 12:00', '01-27 15:00']);
    const one = timeTicks([at('2025-01-27T09:00:00.000Z'), at('2025-01-27T09:00:00.000Z')], BOX);
    expect(one).toEqual([{ x: 280, label: '01-27 09:00', at: '2025-01-27T09:00:00.000Z' }]);
    expect(timeTicks([], BOX)).toEqual([]);
  });
});
