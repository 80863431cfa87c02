/** A probability with its ICD 203 word, e.g. "likely (72%)"; or why a claim shows none as a judgment. */
import { bandOf, formatPercent } from '../../../core/estimative';
import type { Assessment } from '../../../core/types';

export function Probability({ p, assessment = 'assessed' }: { p: number | null; assessment?: Assessment }) {
  if (p === null || assessment === 'not-checkable') return <span className="prob prob-none">not checkable</span>;
  if (assessment === 'not-assessed') return <span className="prob prob-none">not assessed (prior {formatPercent(p)})</span>;
  const band = bandOf(p);
  return (
    <span className={`prob band-${band.replace(/ /g, '-')}`}>
      {band} ({formatPercent(p)})
    </span>
  );
}
