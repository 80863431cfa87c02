/** Admiralty grades with their meanings, e.g. "B2" (usually reliable, probably true). */
import { CREDIBILITY_LABEL, RELIABILITY_LABEL, type Credibility, type Reliability } from '../../../core/grades';

export function GradeBadge({ reliability, credibility }: { reliability: Reliability; credibility: Credibility }) {
  const meaning = `source ${RELIABILITY_LABEL[reliability]}, information ${CREDIBILITY_LABEL[credibility]}`;
  return (
    <span className="badge grade" title={meaning}>
      {reliability}
      {credibility}
      <span className="visually-hidden"> ({meaning})</span>
    </span>
  );
}

export function ReliabilityBadge({ reliability }: { reliability: Reliability }) {
  return (
    <span className="badge grade" title={RELIABILITY_LABEL[reliability]}>
      {reliability}
      <span className="visually-hidden"> ({RELIABILITY_LABEL[reliability]})</span>
    </span>
  );
}
