/** The claim's history (history.claim): the confidence chart and the event timeline, newest first. */
import { SafeText } from '../../components/SafeText';
import { eventChanges, eventTitle } from '../../lib/events';
import { useApp } from '../../store';
import { ConfidenceChart } from './ConfidenceChart';

export function HistorySection() {
  const history = useApp((s) => s.history);
  if (!history) return null;
  const events = [...history.events].reverse();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title" tabIndex={-1}>History</h2>
      <ConfidenceChart series={history.series} />
      <ol className="timeline" aria-label="History timeline">
        {events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{e.at.slice(0, 19).replace('T', ' ')}</time> <strong>{eventTitle(e.kind)}</strong>{' '}
            <span className="muted">
              by <SafeText text={e.actor} />
            </span>
            {eventChanges(e) && (
              <div className="muted">
                <SafeText text={eventChanges(e)} />
              </div>
            )}
            {e.rationale && (
              <div>
                Why: <SafeText text={e.rationale} />
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
