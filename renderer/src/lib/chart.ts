/** Geometry of the confidence-over-time chart: a step line of probability against event order/time. */

export interface SeriesPoint {
  at: string;
  probability: number;
  computed: number;
}

export interface ChartBox {
  width: number;
  height: number;
  pad: number;
}

export interface PlotPoint {
  x: number;
  y: number;
  p: number;
  at: string;
}

/** x spreads points by time (evenly when all share one instant); y maps 0..1 bottom..top. */
export function plotPoints(series: readonly SeriesPoint[], box: ChartBox, key: 'probability' | 'computed' = 'probability'): PlotPoint[] {
  if (series.length === 0) return [];
  const times = series.map((s) => Date.parse(s.at));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const w = box.width - 2 * box.pad;
  const h = box.height - 2 * box.pad;
  return series.map((s, i) => {
    const frac = t1 > t0 ? (times[i]! - t0) / (t1 - t0) : series.length === 1 ? 0.5 : i / (series.length - 1);
    const p = s[key];
    return { x: box.pad + frac * w, y: box.pad + (1 - p) * h, p, at: s.at };
  });
}

/** An SVG path that holds each value until the next change (probabilities change in steps). */
export function stepPath(points: readonly PlotPoint[], rightEdge: number): string {
  if (points.length === 0) return '';
  const f = (n: number) => n.toFixed(1);
  let d = `M${f(points[0]!.x)},${f(points[0]!.y)}`;
  for (let i = 1; i < points.length; i++) d += ` H${f(points[i]!.x)} V${f(points[i]!.y)}`;
  return `${d} H${f(rightEdge)}`;
}

export interface TimeTick {
  x: number;
  label: string;
  at: string;
}

const DAY_MS = 86_400_000;

/** "2025-01-27", or "01-27 14:05" when the series spans less than two days. */
function tickLabel(t: number, spanMs: number): string {
  const iso = new Date(t).toISOString();
  return spanMs < 2 * DAY_MS ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

/**
 * The time axis under the chart, on the same x as plotPoints: `count` evenly spaced ticks from the
 * first to the last point (UTC), or one tick when every point shares an instant.
 */
export function timeTicks(series: readonly SeriesPoint[], box: ChartBox, count = 4): TimeTick[] {
  if (series.length === 0) return [];
  const times = series.map((s) => Date.parse(s.at));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const w = box.width - 2 * box.pad;
  if (t1 === t0) return [{ x: box.pad + w / 2, label: tickLabel(t0, 0), at: new Date(t0).toISOString() }];
  return Array.from({ length: count }, (_, i) => {
    const t = t0 + ((t1 - t0) * i) / (count - 1);
    return { x: box.pad + (w * i) / (count - 1), label: tickLabel(t, t1 - t0), at: new Date(t).toISOString() };
  });
}
