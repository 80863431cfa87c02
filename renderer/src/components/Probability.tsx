/** A probability with its ICD 203 word, e.g. "likely (72%)". */
import { bandOf, formatPercent } from '../../../core/estimative';

export function Probability({ p }: { p: number }) {
  const band = bandOf(p);
  return (
    <span className={`prob band-${band.replace(/ /g, '-')}`}>
      {band} ({formatPercent(p)})
    </span>
  );
}
