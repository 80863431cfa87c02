/** What an attach or capture did: new or already held, fields filled from the metadata, quotes re-anchored. */
import type { CaptureOutcome } from '../../../../core/contract/captures';

export function OutcomeNote({ outcome }: { outcome: CaptureOutcome }) {
  const { created, filled, anchors } = outcome;
  const quotes = anchors.exact + anchors.close + anchors.notFound;
  return (
    <p className="muted" role="status">
      {created ? 'New capture stored.' : 'These exact bytes were already captured for this source; nothing new was stored.'}
      {filled.length > 0 && ` Filled from the document: ${filled.join(', ')}.`}
      {quotes > 0 && ` Quotes re-anchored: ${anchors.exact} exact, ${anchors.close} close, ${anchors.notFound} not found.`}
      {anchors.lost > 0 && ` ${anchors.lost} no longer in the source.`}
    </p>
  );
}
