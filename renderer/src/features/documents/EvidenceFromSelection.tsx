/**
 * "New evidence from selection": the selected span goes to `captures.locate` (exact text, selectors,
 * "p. N"), the analyst picks the claim it bears on, and the usual evidence form opens prefilled.
 */
import { useMemo, useState } from 'react';
import type { QuoteSelectors, SourceRef } from '../../../../core/types';
import { api, errorMessage } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { claimMatcher } from '../../lib/fuzzy';
import { useClaimIndex } from '../../store/useClaimIndex';
import { EvidenceFormDialog } from '../claim-page/EvidenceFormDialog';
import type { Span } from '../../lib/documents/segments';

interface Located {
  selectors: QuoteSelectors;
  locator: string;
}

function ClaimChooser({ onChoose, onClose }: { onChoose(claimId: string): void; onClose(): void }) {
  const index = useClaimIndex();
  const match = useMemo(() => claimMatcher(index), [index]);
  const [q, setQ] = useState('');
  const hits = q.trim().length >= 2 ? match(q, 8).map((r) => r.item) : index.slice(0, 8);
  return (
    <Dialog title="Which claim is this quote evidence for?" onClose={onClose} wide>
      <label htmlFor="quote-claim-q">Find claim</label>
      <input id="quote-claim-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      <ul className="picker-results" aria-label="Matching claims">
        {hits.map((c) => (
          <li key={c.id}>
            <button type="button" className="link-button" onClick={() => onChoose(c.id)}>
              <SafeText text={c.text} />
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

export function EvidenceFromSelection({ captureId, source, span }: { captureId: string; source: SourceRef; span: Span | null }) {
  const [located, setLocated] = useState<Located | null>(null);
  const [claimId, setClaimId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => (setLocated(null), setClaimId(null));
  const start = async () => {
    if (!span) return;
    setError(null);
    try {
      setLocated(await api.call('captures.locate', { id: captureId, start: span.start, end: span.end }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="selection-action">
      <button type="button" disabled={!span} onClick={() => void start()}>
        New evidence from selection
      </button>{' '}
      <span className="hint" aria-live="polite">
        {span ? `${span.end - span.start} characters selected` : 'Select text in the capture to quote it.'}
      </span>
      <ErrorText error={error} />
      {located && !claimId && <ClaimChooser onChoose={setClaimId} onClose={close} />}
      {located && claimId && (
        <EvidenceFormDialog claimId={claimId} initial={{ source, excerpt: located.selectors.exact, locator: located.locator, selectors: located.selectors }} onClose={close} />
      )}
    </div>
  );
}
