/** The probability in force on a 0–100% gauge with its ICD 203 word, and the analytic confidence. */
import { BAND_RANGE, formatPercent } from '../../../../core/estimative';
import type { ConfidenceResult } from '../../../../core/confidence';
import type { Claim } from '../../../../core/types';
import { SafeText } from '../../components/SafeText';
import { OverrideControl } from './OverrideControl';

export function ConfidenceGauge({ claim, model }: { claim: Claim; model: ConfidenceResult }) {
  const [lo, hi] = BAND_RANGE[claim.band];
  return (
    <section className="card gauge" aria-labelledby="gauge-title">
      <h2 id="gauge-title">Confidence</h2>
      <p className="big-word" data-testid="probability-word">
        {claim.band}
      </p>
      <meter className="meter" min={0} max={1} low={0.45} high={0.55} optimum={0.5} value={claim.probability} aria-label={`Probability ${formatPercent(claim.probability)}, ${claim.band}`} />
      <p>
        Probability <strong data-testid="probability-value">{formatPercent(claim.probability)}</strong> (band {formatPercent(lo)}–{formatPercent(hi)})
        {claim.overridden && (
          <>
            {' '}
            — analyst override; computed <strong>{formatPercent(claim.computedProbability)}</strong>
          </>
        )}
      </p>
      {claim.override && (
        <p className="muted">
          Override rationale: <SafeText text={claim.override.rationale} />
        </p>
      )}
      <p>
        Analytic confidence: <strong data-testid="analytic-confidence">{claim.confidence}</strong>
      </p>
      <ul className="reasons">
        {model.confidenceReasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      <p className="muted">
        Prior {formatPercent(model.prior)} · {model.supportOrigins} supporting and {model.refuteOrigins} refuting independent origins
        {model.circularReporting && ' · repeated reporting discounted'}
      </p>
      <OverrideControl claim={claim} />
    </section>
  );
}
