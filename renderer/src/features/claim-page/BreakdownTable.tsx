/**
 * Every number of the model traced to one evidence item: its quote, source (items from one source
 * are numbered "item 2 of 3 from this source"), raw weight, discount, contribution, origin, and in
 * plain words why it counts what it counts (attribution, possible copy, repeat of an origin).
 */
import type { BreakdownItem, ClaimDetail } from '../../../../core/types';
import { GradeBadge } from '../../components/Grade';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';

const n = (x: number) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(3);

/** "item 2 of 3 from this source" for sources that gave more than one item, else null. */
function sourcePositions(items: readonly BreakdownItem[]): Map<string, string> {
  const bySource = new Map<string, string[]>();
  for (const i of items) bySource.set(i.sourceId, [...(bySource.get(i.sourceId) ?? []), i.evidenceId]);
  const out = new Map<string, string>();
  for (const ids of bySource.values())
    if (ids.length > 1) ids.forEach((id, k) => out.set(id, `item ${k + 1} of ${ids.length} from this source`));
  return out;
}

function discountText(i: BreakdownItem): string {
  if (i.attribution) return 'attribution: 0';
  if (i.discount === 1) return 'counted fully';
  if (i.discount === 0) return 'context';
  return `× ${i.discount}`;
}

export function BreakdownTable({ detail }: { detail: ClaimDetail }) {
  const sources = useApp((s) => s.sources);
  const byId = new Map(detail.evidence.map((e) => [e.id, e]));
  const titleOf = (id: string) => sources.find((s) => s.id === id)?.title ?? detail.evidence.find((e) => e.source.id === id)?.source.title ?? id;
  const { model } = detail;
  const positions = sourcePositions(model.items);
  return (
    <section className="breakdown-box" aria-labelledby="breakdown-title">
      <h2 id="breakdown-title" tabIndex={-1}>
        Per-evidence breakdown
      </h2>
      <table className="table breakdown">
        <caption className="visually-hidden">How each evidence item moves the log-odds, and why</caption>
        <thead>
          <tr>
            <th scope="col">Source and quote</th>
            <th scope="col">Grade</th>
            <th scope="col">Stance</th>
            <th scope="col">Raw</th>
            <th scope="col">Discount</th>
            <th scope="col">Contribution</th>
            <th scope="col">Counted under origin</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Prior</th>
            <td />
            <td />
            <td />
            <td />
            <td data-label="Contribution">{n(model.priorLogOdds)}</td>
            <td />
            <td data-label="Why">{model.assessed ? 'the starting point' : 'the starting point; no evidence counts yet, so it is not a judgment'}</td>
          </tr>
          {model.items.map((i) => {
            const ev = byId.get(i.evidenceId);
            const copied = i.copyOf ? byId.get(i.copyOf) : undefined;
            return (
              <tr key={i.evidenceId} data-evidence-id={i.evidenceId}>
                <th scope="row">
                  <SafeText text={ev?.source.title ?? i.sourceId} />
                  {positions.has(i.evidenceId) && <span className="muted"> · {positions.get(i.evidenceId)}</span>}
                  {ev?.excerpt && (
                    <q className="breakdown-quote">
                      <SafeText text={ev.excerpt} />
                    </q>
                  )}
                </th>
                <td data-label="Grade">{ev && <GradeBadge reliability={ev.source.reliability} credibility={ev.credibility} />}</td>
                <td data-label="Stance">{i.stance}</td>
                <td data-label="Raw">{n(i.raw)}</td>
                <td data-label="Discount">{discountText(i)}</td>
                <td data-label="Contribution">{n(i.contribution)}</td>
                <td data-label="Counted under origin">
                  <SafeText text={titleOf(i.countedOriginId)} />
                </td>
                <td data-label="Why">
                  {i.why}
                  {copied && (
                    <>
                      {' '}
                      (possible copy of <SafeText text={copied.source.title} />)
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total log-odds</th>
            <td colSpan={4} />
            <td data-label="Contribution">{n(model.logOdds)}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
