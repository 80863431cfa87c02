/**
 * The claim's history (history.claim): the confidence chart and the event timeline, newest first.
 * Each entry says which item changed (the source and the start of the quote, who raised or answered
 * a dispute) and shows the text it added (a dispute's position, an answer).
 */
import type { ClaimDetail } from '../../../../core/types';
import { SafeText } from '../../components/SafeText';
import { describeEvent, eventChanges, type EventNames } from '../../lib/events';
import { useApp } from '../../store';
import { ConfidenceChart } from './ConfidenceChart';

export function HistorySection({ detail }: { detail: ClaimDetail }) {
  const history = useApp((s) => s.history);
  const sources = useApp((s) => s.sources);
  if (!history) return null;
  const events = [...history.events].reverse();
  const names: EventNames = {
    sourceTitle: (id) => sources.find((s) => s.id === id)?.title ?? detail.evidence.find((e) => e.source.id === id)?.source.title,
    evidence: (id) => detail.evidence.find((e) => e.id === id),
  };
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title" tabIndex={-1}>
        History
      </h2>
      <ConfidenceChart series={history.series} />
      <ol className="timeline" aria-label="History timeline">
        {events.map((e) => {
          const text = describeEvent(e, names);
          const changes = eventChanges(e);
          return (
            <li key={e.id}>
              <time dateTime={e.at}>{e.at.slice(0, 19).replace('T', ' ')}</time>{' '}
              <strong>
                <SafeText text={text.title} />
              </strong>{' '}
              <span className="muted">
                by <SafeText text={e.actor} />
              </span>
              {text.added && (
                <blockquote className="event-added">
                  <SafeText text={text.added} />
                </blockquote>
              )}
              {changes && (
                <div className="muted">
                  <SafeText text={changes} />
                </div>
              )}
              {e.rationale && (
                <div>
                  Why: <SafeText text={e.rationale} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
