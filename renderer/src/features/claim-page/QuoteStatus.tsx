/** Where an evidence quote stands in its source's latest capture: exact / close (82%) / not found / no capture (issue 13). */
import { anchorLabel, captureCitation, lostAlert } from '../../../../core/documents/wording';
import type { QuoteAnchor } from '../../../../core/types';
import { SafeText } from '../../components/SafeText';

const EXPLAIN: Record<QuoteAnchor['status'], string> = {
  exact: 'The quote is in the latest capture of the source, word for word.',
  close: 'A passage of the latest capture nearly matches the quote; compare them.',
  'not-found': 'The quote is not in the latest capture of the source.',
  'no-capture': 'The source has no captured document to check the quote against.',
};

export function QuoteStatus({ anchor }: { anchor: QuoteAnchor }) {
  const lost = lostAlert(anchor);
  const label = anchorLabel(anchor);
  return (
    <>
      <p className="quote-status muted">
        Quote:{' '}
        <span className={`badge quote-${anchor.status}${anchor.status === 'not-found' ? ' warn' : ''}`} data-testid="quote-status" title={EXPLAIN[anchor.status]}>
          {label}
        </span>
        {anchor.capturedAt && anchor.sha256 && <span> {captureCitation(anchor.capturedAt, anchor.sha256)}</span>}
      </p>
      {anchor.status === 'close' && anchor.selectors && (
        <p className="muted quote-found">
          The capture reads: “<SafeText text={anchor.selectors.exact} />”
        </p>
      )}
      {lost && (
        <p className="notice quote-lost" role="status">
          {`The quote is ${lost}.`}
        </p>
      )}
    </>
  );
}
