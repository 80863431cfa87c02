/**
 * One claim: its text and facts, then the judgment (confidence, status, outcome) and its history
 * beside the evidence, disputes and links on wide windows (one column below 1,100 px), the
 * per-evidence breakdown below at full width; "On this page" jumps to each part.
 */
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
import { claimPageParts, SectionNav } from './SectionNav';

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
      <SectionNav parts={claimPageParts(detail)} />
      <Warnings warnings={detail.warnings} />
      <div className="claim-columns">
        <section className="claim-judgment" aria-labelledby="judgment-title">
          <h2 id="judgment-title" className="part-title" tabIndex={-1}>
            Judgment
          </h2>
          <div className="detail-grid">
            <ConfidenceGauge claim={detail.claim} model={detail.model} />
            <StatusControl claim={detail.claim} />
            {detail.claim.kind !== 'not-checkable' && <OutcomeControl claim={detail.claim} />}
          </div>
          <HistorySection detail={detail} />
        </section>
        <div className="claim-record">
          <PossibleCopies copies={detail.possibleCopies} />
          <EvidenceSection detail={detail} />
          <DisputesSection detail={detail} />
          <LinksSection detail={detail} />
        </div>
      </div>
      <BreakdownTable detail={detail} />
    </article>
  );
}
