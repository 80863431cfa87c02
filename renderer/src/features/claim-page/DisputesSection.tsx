/** Challenges to the claim: open one (with the evidence it concerns), answer it, resolve it with an outcome. */
import { useState } from 'react';
import { DISPUTE_OUTCOME_LABEL, type ClaimDetail, type DisputeOutcome } from '../../../../core/types';
import { api } from '../../api/client';
import { useApp } from '../../store';
import { mutate } from '../../store/mutate';
import { DisputeCard } from './DisputeCard';
import { EvidenceChoice } from './DisputeEvidence';
import { InlineForm } from './InlineForm';

/** Brings the status control into view and focuses its first field. */
function reviewStatus(): void {
  const control = document.querySelector<HTMLElement>('[aria-labelledby="status-title"] select');
  control?.scrollIntoView({ block: 'center' });
  control?.focus({ preventScroll: true });
}

/** After a resolution: the status is the analyst's verdict, so ask for it to be looked at again. */
function StatusPrompt({ outcome, status, onDismiss }: { outcome: DisputeOutcome; status: string; onDismiss(): void }) {
  return (
    <div className="notice status-prompt" role="status">
      <p>
        Dispute resolved: <strong>{DISPUTE_OUTCOME_LABEL[outcome]}</strong>. The claim&rsquo;s status is still <strong>{status}</strong>; does it still hold?
      </p>
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            onDismiss();
            reviewStatus();
          }}
        >
          Review the status
        </button>
        <button type="button" onClick={onDismiss}>
          Keep it
        </button>
      </div>
    </div>
  );
}

export function DisputesSection({ detail }: { detail: ClaimDetail }) {
  const analyst = useApp((s) => s.info?.settings.analystName ?? '');
  const [opening, setOpening] = useState(false);
  const [evidenceIds, setEvidenceIds] = useState<string[]>([]);
  const [resolved, setResolved] = useState<DisputeOutcome | null>(null);
  const claimId = detail.claim.id;
  return (
    <section aria-labelledby="disputes-title">
      <div className="section-head">
        <h2 id="disputes-title" tabIndex={-1}>
          Disputes ({detail.disputes.length})
        </h2>
        <button type="button" onClick={() => setOpening(!opening)} aria-expanded={opening}>
          Open dispute
        </button>
      </div>
      {resolved && <StatusPrompt outcome={resolved} status={detail.claim.status} onDismiss={() => setResolved(null)} />}
      {opening && (
        <InlineForm
          title="Open a dispute"
          fields={[
            { name: 'raisedBy', label: 'Raised by', initial: analyst },
            { name: 'position', label: 'Position', multiline: true },
          ]}
          submitLabel="Open dispute"
          onSubmit={async (v) => {
            const err = await mutate(() => api.call('disputes.open', { claimId, raisedBy: v.raisedBy!, position: v.position!, evidenceIds }), 'Dispute opened', 'claim');
            if (!err) {
              setOpening(false);
              setEvidenceIds([]);
            }
            return err;
          }}
        >
          <EvidenceChoice evidence={detail.evidence} chosen={evidenceIds} onChange={setEvidenceIds} />
        </InlineForm>
      )}
      {detail.disputes.length === 0 && <p className="muted">No disputes.</p>}
      <ul className="plain-list">
        {detail.disputes.map((d) => (
          <li key={d.id}>
            <DisputeCard dispute={d} evidence={detail.evidence} onResolved={setResolved} />
          </li>
        ))}
      </ul>
    </section>
  );
}
