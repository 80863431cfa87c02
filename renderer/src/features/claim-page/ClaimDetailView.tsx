/** One claim: its text and facts, verdict, confidence, evidence, disputes, links and history. */
import { useEffect } from 'react';
import { useApp } from '../../store';
import { ClaimHeader } from './ClaimHeader';
import { ConfidenceGauge } from './ConfidenceGauge';
import { BreakdownTable } from './BreakdownTable';
import { EvidenceSection } from './EvidenceSection';
import { DisputesSection } from './DisputesSection';
import { LinksSection } from './LinksSection';
import { HistorySection } from './HistorySection';
import { OutcomeControl } from './OutcomeControl';
import { PossibleCopies } from './PossibleCopies';
import { StatusControl } from './StatusControl';
import { Warnings } from './Warnings';

export function ClaimDetailView() {
  const claimId = useApp((s) => s.claimId);
  const detail = useApp((s) => s.detail);
  const error = useApp((s) => s.detailError);
  const loadDetail = useApp((s) => s.loadDetail);
  useEffect(() => {
    if (claimId) void loadDetail(claimId);
  }, [claimId, loadDetail]);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!detail || detail.claim.id !== claimId) return <p className="muted">Loading claim…</p>;
  return (
    <article className="view detail" aria-labelledby="claim-title">
      <ClaimHeader claim={detail.claim} />
      <Warnings warnings={detail.warnings} />
      <div className="detail-grid">
        <ConfidenceGauge claim={detail.claim} model={detail.model} />
        <StatusControl claim={detail.claim} />
        {detail.claim.kind !== 'not-checkable' && <OutcomeControl claim={detail.claim} />}
      </div>
      <PossibleCopies copies={detail.possibleCopies} />
      <BreakdownTable detail={detail} />
      <EvidenceSection detail={detail} />
      <DisputesSection detail={detail} />
      <LinksSection detail={detail} />
      <HistorySection />
    </article>
  );
}
