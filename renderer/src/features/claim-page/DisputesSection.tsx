/** Challenges to the claim: open one, answer it, resolve it. */
import { useState } from 'react';
import type { ClaimDetail } from '../../../../core/types';
import { api } from '../../api/client';
import { useApp } from '../../store';
import { mutate } from '../../store/mutate';
import { DisputeCard } from './DisputeCard';
import { InlineForm } from './InlineForm';

export function DisputesSection({ detail }: { detail: ClaimDetail }) {
  const analyst = useApp((s) => s.info?.settings.analystName ?? '');
  const [opening, setOpening] = useState(false);
  const claimId = detail.claim.id;
  return (
    <section aria-labelledby="disputes-title">
      <div className="section-head">
        <h2 id="disputes-title" tabIndex={-1}>Disputes ({detail.disputes.length})</h2>
        <button type="button" onClick={() => setOpening(!opening)} aria-expanded={opening}>
          Open dispute
        </button>
      </div>
      {opening && (
        <InlineForm
          title="Open a dispute"
          fields={[
            { name: 'raisedBy', label: 'Raised by', initial: analyst },
            { name: 'position', label: 'Position', multiline: true },
          ]}
          submitLabel="Open dispute"
          onSubmit={async (v) => {
            const err = await mutate(() => api.call('disputes.open', { claimId, raisedBy: v.raisedBy!, position: v.position! }), 'Dispute opened', 'claim');
            if (!err) setOpening(false);
            return err;
          }}
        />
      )}
      {detail.disputes.length === 0 && <p className="muted">No disputes.</p>}
      <ul className="plain-list">
        {detail.disputes.map((d) => (
          <li key={d.id}>
            <DisputeCard dispute={d} />
          </li>
        ))}
      </ul>
    </section>
  );
}
