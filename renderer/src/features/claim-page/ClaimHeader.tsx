/** Claim text, claimant, date and tags, with edit, delete and back. */
import { useEffect, useRef, useState } from 'react';
import type { Claim, Quantity } from '../../../../core/types';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';
import { ClaimFormDialog } from '../claims/ClaimFormDialog';
import { DeleteClaimDialog } from './DeleteClaimDialog';

function quantityText(q: Quantity): string {
  return `${q.value} ${q.unit}${q.scope ? ` (${q.scope})` : ''}${q.asOf ? `, as of ${q.asOf}` : ''}`;
}

export function ClaimHeader({ claim }: { claim: Claim }) {
  const go = useApp((s) => s.go);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), [claim.id]);
  return (
    <header className="claim-header">
      <button type="button" className="small" onClick={() => go('claims')}>
        ← Back to claims
      </button>
      <h1 id="claim-title" ref={titleRef} tabIndex={-1}>
        <SafeText text={claim.text} />
      </h1>
      <dl className="facts">
        <dt>Claimant</dt>
        <dd>{claim.claimant ? <SafeText text={claim.claimant} /> : <span className="muted">unknown</span>}</dd>
        <dt>Claimed</dt>
        <dd>{claim.claimedAt ?? <span className="muted">undated</span>}</dd>
        <dt>Where it was said</dt>
        <dd>{claim.context ? <SafeText text={claim.context} /> : <span className="muted">not recorded</span>}</dd>
        <dt>Prior</dt>
        <dd>{Math.round(claim.prior * 1000) / 10}%</dd>
        <dt>Tags</dt>
        <dd>
          {claim.tags.length === 0 && <span className="muted">none</span>}
          {claim.tags.map((t) => (
            <span key={t} className="tag">
              <SafeText text={t} />
            </span>
          ))}
        </dd>
        {claim.quantity && (
          <>
            <dt>Quantity</dt>
            <dd>
              <SafeText text={quantityText(claim.quantity)} />
            </dd>
          </>
        )}
      </dl>
      {claim.notes && (
        <p className="notes">
          <SafeText text={claim.notes} />
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => setEditing(true)}>
          Edit claim
        </button>
        <button type="button" className="danger" onClick={() => setDeleting(true)}>
          Move to trash
        </button>
      </div>
      {editing && <ClaimFormDialog claim={claim} onClose={() => setEditing(false)} />}
      {deleting && <DeleteClaimDialog claim={claim} onClose={() => setDeleting(false)} />}
    </header>
  );
}
