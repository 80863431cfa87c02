/** The evidence on a claim: grade, source, stance, exact quote (and where it stands in the source's capture), locator and note. */
import { useState } from 'react';
import type { ClaimDetail, EvidenceView } from '../../../../core/types';
import { api } from '../../api/client';
import { GradeBadge } from '../../components/Grade';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';
import { mutate } from '../../store/mutate';
import { EvidenceFormDialog } from './EvidenceFormDialog';
import { QuoteStatus } from './QuoteStatus';

function EvidenceItem({ ev }: { ev: EvidenceView }) {
  const openSource = useApp((s) => s.openSource);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const remove = async () => setError(await mutate(() => api.call('evidence.delete', { id: ev.id, rationale: 'removed in the claim view' }), 'Evidence removed', 'evidence'));
  return (
    <li className={`evidence stance-${ev.stance}`} id={`evidence-${ev.id}`} tabIndex={-1}>
      <div className="evidence-head">
        <GradeBadge reliability={ev.source.reliability} credibility={ev.credibility} />
        <span className="stance">{ev.stance}</span>
        <button type="button" className="link-button" onClick={() => openSource(ev.source.id)}>
          <SafeText text={ev.source.title} />
        </button>
        {ev.weight !== 1 && <span className="muted">weight {ev.weight}</span>}
      </div>
      {ev.excerpt && (
        <blockquote>
          <SafeText text={ev.excerpt} />
        </blockquote>
      )}
      {ev.anchor && <QuoteStatus anchor={ev.anchor} />}
      {ev.locator && (
        <p className="muted">
          Locator: <SafeText text={ev.locator} />
        </p>
      )}
      {ev.note && (
        <p className="muted">
          Note: <SafeText text={ev.note} />
        </p>
      )}
      <div className="actions">
        <button type="button" className="small" aria-label={`Edit evidence from ${ev.source.title}`} onClick={() => setEditing(true)}>
          Edit
        </button>
        <button type="button" className="small" aria-label={`Remove evidence from ${ev.source.title}`} onClick={remove}>
          Remove
        </button>
      </div>
      {editing && <EvidenceFormDialog claimId={ev.claimId} evidence={ev} onClose={() => setEditing(false)} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

export function EvidenceSection({ detail }: { detail: ClaimDetail }) {
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="evidence-title">
      <div className="section-head">
        <h2 id="evidence-title" tabIndex={-1}>Evidence ({detail.evidence.length})</h2>
        <button type="button" onClick={() => setAdding(true)}>
          Add evidence
        </button>
      </div>
      {detail.evidence.length === 0 && <p className="muted">No evidence yet.</p>}
      <ul className="evidence-list">
        {detail.evidence.map((ev) => (
          <EvidenceItem key={ev.id} ev={ev} />
        ))}
      </ul>
      {adding && <EvidenceFormDialog claimId={detail.claim.id} onClose={() => setAdding(false)} />}
    </section>
  );
}
