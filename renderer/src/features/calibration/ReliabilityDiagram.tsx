/**
 * Predicted against observed, per ICD 203 band: a point per band with settled claims at (mean
 * probability held at settlement, share that turned out true), its Wilson 95% interval as a
 * vertical bar, and the diagonal of perfect calibration. A table carries the same numbers in words.
 */
import type { ReliabilityBin } from '../../../../core/calibration';
import { formatPercent } from '../../../../core/estimative';

const SIZE = 240;
const PAD = 28;
const x = (p: number) => PAD + p * (SIZE - 2 * PAD);
const y = (p: number) => SIZE - PAD - p * (SIZE - 2 * PAD);

export function ReliabilityDiagram({ bins }: { bins: ReliabilityBin[] }) {
  const used = bins.filter((b) => b.claims > 0);
  return (
    <section className="card" aria-labelledby="reliability-title" data-testid="reliability-diagram">
      <h2 id="reliability-title">Reliability diagram</h2>
      <p className="muted">
        For the claims in each band: the probability they carried when settled (across) against how often they turned out true (up). On the
        diagonal, what was said at 70% happened 70% of the time. Bars are 95% intervals: with few claims they are wide, and that is the honest
        answer.
      </p>
      <svg className="chart-svg" viewBox={`0 0 ${SIZE} ${SIZE}`} style={{ maxWidth: SIZE }} role="img" aria-label="Reliability diagram: predicted probability against observed frequency per band">
        <rect x={x(0)} y={y(1)} width={x(1) - x(0)} height={y(0) - y(1)} fill="none" stroke="currentColor" strokeOpacity={0.4} />
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke="currentColor" strokeDasharray="4 3" strokeOpacity={0.6} />
        <text x={x(0.5)} y={SIZE - 6} textAnchor="middle" fontSize={10} fill="currentColor">
          predicted
        </text>
        <text x={10} y={y(0.5)} textAnchor="middle" fontSize={10} fill="currentColor" transform={`rotate(-90 10 ${y(0.5)})`}>
          observed
        </text>
        {used.map((b) => (
          <g key={b.band} data-band={b.band}>
            <line x1={x(b.predicted!)} x2={x(b.predicted!)} y1={y(b.interval![0])} y2={y(b.interval![1])} stroke="#6b7a8f" strokeWidth={2} />
            <circle cx={x(b.predicted!)} cy={y(b.observed!)} r={3 + Math.min(6, b.claims)} fill="#6b7a8f" fillOpacity={0.8} />
          </g>
        ))}
      </svg>
      <table className="table">
        <caption>Per band: claims, predicted, observed (95% interval)</caption>
        <thead>
          <tr>
            <th scope="col">Band</th>
            <th scope="col">Settled claims</th>
            <th scope="col">Predicted</th>
            <th scope="col">Turned out true</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((b) => (
            <tr key={b.band}>
              <th scope="row">{b.band}</th>
              <td>{b.claims}</td>
              <td>{b.predicted === null ? '—' : formatPercent(b.predicted)}</td>
              <td>
                {b.observed === null
                  ? '—'
                  : `${formatPercent(b.observed)} (${formatPercent(b.interval![0])}–${formatPercent(b.interval![1])})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
