/** Every number of the model traced to one evidence item: raw weight, discount, contribution, origin. */
import type { ClaimDetail } from '../../../../core/types';
import { GradeBadge } from '../../components/Grade';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';

const n = (x: number) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(3);

export function BreakdownTable({ detail }: { detail: ClaimDetail }) {
  const sources = useApp((s) => s.sources);
  const byId = new Map(detail.evidence.map((e) => [e.id, e]));
  const titleOf = (id: string) => sources.find((s) => s.id === id)?.title ?? detail.evidence.find((e) => e.source.id === id)?.source.title ?? id;
  const { model } = detail;
  return (
    <section aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">Per-evidence breakdown</h2>
      <table className="table">
        <caption className="visually-hidden">How each evidence item moves the log-odds</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Grade</th>
            <th scope="col">Stance</th>
            <th scope="col">Raw</th>
            <th scope="col">Discount</th>
            <th scope="col">Contribution</th>
            <th scope="col">Origin</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Prior</th>
            <td />
            <td />
            <td />
            <td />
            <td>{n(model.priorLogOdds)}</td>
            <td />
          </tr>
          {model.items.map((i) => {
            const ev = byId.get(i.evidenceId);
            return (
              <tr key={i.evidenceId}>
                <th scope="row">
                  <SafeText text={ev?.source.title ?? i.sourceId} />
                </th>
                <td>{ev && <GradeBadge reliability={ev.source.reliability} credibility={ev.credibility} />}</td>
                <td>{i.stance}</td>
                <td>{n(i.raw)}</td>
                <td>{i.discount === 1 ? 'counted fully' : i.discount === 0 ? 'context' : `× ${i.discount}`}</td>
                <td>{n(i.contribution)}</td>
                <td>
                  <SafeText text={titleOf(i.originId)} />
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total log-odds</th>
            <td colSpan={4} />
            <td>{n(model.logOdds)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
