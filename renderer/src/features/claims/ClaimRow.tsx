/** One row of the claim list (an option of the listbox). */
import type { ClaimSummary } from '../../../../core/types';
import { Probability } from '../../components/Probability';
import { SafeText } from '../../components/SafeText';

export function ClaimRowContent({ claim }: { claim: ClaimSummary }) {
  return (
    <>
      <span className="row-text">
        <SafeText text={claim.text} />
      </span>
      <span className="row-meta">
        {claim.claimant && <SafeText text={claim.claimant} className="muted" />}
        <span className={`status status-${claim.status.replace(/ /g, '-')}`}>{claim.status}</span>
        <Probability p={claim.probability} assessment={claim.assessment} />
        {claim.assessment === 'assessed' && <span className={`confidence confidence-${claim.confidence}`}>{claim.confidence} confidence</span>}
        {claim.overridden && <span className="badge">override</span>}
        {claim.openDisputes > 0 && <span className="badge warn">{claim.openDisputes} open dispute{claim.openDisputes > 1 ? 's' : ''}</span>}
        <span className="muted">{claim.evidenceCount} evidence</span>
        {claim.tags.map((t) => (
          <span key={t} className="tag">
            <SafeText text={t} />
          </span>
        ))}
      </span>
    </>
  );
}
