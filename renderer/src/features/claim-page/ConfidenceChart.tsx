/** Confidence over time: a step line of the probability in force (and the computed one when they differ). */
import { formatPercent } from '../../../../core/estimative';
import { plotPoints, stepPath, type SeriesPoint } from '../../lib/chart';

const BOX = { width: 560, height: 180, pad: 24 };

export function ConfidenceChart({ series }: { series: SeriesPoint[] }) {
  if (series.length === 0) return <p className="muted">No confidence history yet.</p>;
  const pts = plotPoints(series, BOX);
  const computed = plotPoints(series, BOX, 'computed');
  const diverges = series.some((s) => Math.abs(s.computed - s.probability) > 1e-9);
  const right = BOX.width - BOX.pad;
  const last = series[series.length - 1]!;
  const summary = `Probability over time: ${series.length} points, from ${formatPercent(series[0]!.probability)} to ${formatPercent(last.probability)}.`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={summary} className="chart-svg">
        {[0, 0.25, 0.5, 0.75, 1].map((p) => {
          const y = BOX.pad + (1 - p) * (BOX.height - 2 * BOX.pad);
          return (
            <g key={p}>
              <line x1={BOX.pad} x2={right} y1={y} y2={y} className="chart-grid" />
              <text x={2} y={y + 4} className="chart-label">
                {p * 100}
              </text>
            </g>
          );
        })}
        {diverges && <path d={stepPath(computed, right)} className="chart-line chart-computed" />}
        <path d={stepPath(pts, right)} className="chart-line" />
        {pts.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={3} className="chart-dot">
            <title>{`${p.at.slice(0, 19).replace('T', ' ')}: ${formatPercent(p.p)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="muted">{summary}{diverges && ' Dashed: computed from evidence.'}</figcaption>
    </figure>
  );
}
