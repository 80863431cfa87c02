/**
 * Confidence over time: a step line of the probability in force (and the computed one when they
 * differ) against a time axis (UTC dates; hours when the history spans less than two days).
 */
import { formatPercent } from '../../../../core/estimative';
import { plotPoints, stepPath, timeTicks, type SeriesPoint } from '../../lib/chart';

const BOX = { width: 560, height: 200, pad: 28 };

export function ConfidenceChart({ series }: { series: SeriesPoint[] }) {
  if (series.length === 0) return <p className="muted">No confidence history yet.</p>;
  const pts = plotPoints(series, BOX);
  const computed = plotPoints(series, BOX, 'computed');
  const ticks = timeTicks(series, BOX);
  const diverges = series.some((s) => Math.abs(s.computed - s.probability) > 1e-9);
  const right = BOX.width - BOX.pad;
  const bottom = BOX.height - BOX.pad;
  const first = series[0]!;
  const last = series[series.length - 1]!;
  const summary = `Probability over time: ${series.length} points, from ${formatPercent(first.probability)} to ${formatPercent(last.probability)}, between ${first.at.slice(0, 10)} and ${last.at.slice(0, 10)}.`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={summary} className="chart-svg">
        {[0, 0.25, 0.5, 0.75, 1].map((p) => {
          const y = BOX.pad + (1 - p) * (BOX.height - 2 * BOX.pad);
          return (
            <g key={p}>
              <line x1={BOX.pad} x2={right} y1={y} y2={y} className="chart-grid" />
              <text x={2} y={y + 4} className="chart-label">
                {p * 100}%
              </text>
            </g>
          );
        })}
        <g className="chart-time-axis" data-testid="time-axis">
          <line x1={BOX.pad} x2={right} y1={bottom} y2={bottom} className="chart-axis" />
          {ticks.map((t, i) => (
            <g key={t.at + i}>
              <line x1={t.x} x2={t.x} y1={bottom} y2={bottom + 4} className="chart-axis" />
              <text x={t.x} y={bottom + 16} className="chart-label" textAnchor={ticks.length === 1 ? 'middle' : i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}>
                {t.label}
              </text>
            </g>
          ))}
        </g>
        {diverges && <path d={stepPath(computed, right)} className="chart-line chart-computed" />}
        <path d={stepPath(pts, right)} className="chart-line" />
        {pts.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={3} className="chart-dot">
            <title>{`${p.at.slice(0, 19).replace('T', ' ')}: ${formatPercent(p.p)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="muted">
        {summary}
        {diverges && ' Dashed: computed from evidence.'} Times in UTC.
      </figcaption>
    </figure>
  );
}
