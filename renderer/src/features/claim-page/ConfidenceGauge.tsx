/**
 * The probability in force on a 0–100% bar with its ICD 203 word, and the analytic confidence. The
 * bar has one neutral colour: a probability is neither good nor bad, so nothing suggests that 50% is
 * "optimal" (as a <meter> with low/high/optimum would). A claim nobody has assessed shows its prior
 * as the prior; a not-checkable claim shows why instead of a number.
 */
import { BAND_RANGE, formatPercent } from '../../../../core/estimative';
import { sentenceCase, type ConfidenceResult } from '../../../../core/confidence';
import type { Claim } from '../../../../core/types';
import { SafeText } from '../../components/SafeText';
import { OverrideControl } from './OverrideControl';

function ProbabilityBar({ p, label }: { p: number; label: string }) {
  return (
    <div className="probability-bar" role="img" aria-label={label}>
      <span className="probability-fill" style={{ width: `${Math.round(p * 100)}%` }} />
    </div>
  );
}

function Assessed({ claim, p, band }: { claim: Claim; p: number; band: NonNullable<Claim['band']> }) {
  const [lo, hi] = BAND_RANGE[band];
  return (
    <>
      <p className="big-word" data-testid="probability-word">
        {band}
      </p>
      <ProbabilityBar p={p} label={`Probability ${formatPercent(p)}, ${band}`} />
      <p>
        Probability <strong data-testid="probability-value">{formatPercent(p)}</strong> (band {formatPercent(lo)}–{formatPercent(hi)})
        {claim.overridden && claim.computedProbability !== null && (
          <>
            {' '}
            — analyst override; computed <strong>{formatPercent(claim.computedProbability)}</strong>
          </>
        )}
      </p>
    </>
  );
}

function Judgment({ claim }: { claim: Claim }) {
  if (claim.probability === null || claim.band === null)
    return (
      <>
        <p className="big-word" data-testid="probability-word">
          not checkable
        </p>
        <p>
          No probability: <SafeText text={claim.kindRationale ?? 'no reason given'} />
        </p>
      </>
    );
  if (claim.assessment === 'not-assessed')
    return (
      <>
        <p className="big-word" data-testid="probability-word">
          not assessed
        </p>
        <p>
          No evidence counts yet. The prior is <strong data-testid="probability-value">{formatPercent(claim.prior)}</strong>: a starting
          point, not a judgment.
        </p>
      </>
    );
  return <Assessed claim={claim} p={claim.probability} band={claim.band} />;
}

export function ConfidenceGauge({ claim, model }: { claim: Claim; model: ConfidenceResult }) {
  return (
    <section className="card gauge" aria-labelledby="gauge-title">
      <h2 id="gauge-title">Confidence</h2>
      {claim.kind === 'forecast' && <p className="muted">Forecast: the probability is a prediction, settled when the outcome is known.</p>}
      <Judgment claim={claim} />
      {claim.override && (
        <p className="muted">
          Override rationale: <SafeText text={claim.override.rationale} />
        </p>
      )}
      {claim.kind !== 'not-checkable' && (
        <>
          <p>
            Analytic confidence: <strong data-testid="analytic-confidence">{claim.confidence}</strong>
          </p>
          <ul className="reasons">
            {model.confidenceReasons.map((r, i) => (
              <li key={i}>
                <SafeText text={sentenceCase(r)} />
              </li>
            ))}
          </ul>
          <p className="muted">
            Prior {formatPercent(model.prior)} · {model.supportOrigins} supporting and {model.refuteOrigins} refuting independent origins
            {model.circularReporting && ' · repeated reporting discounted'}
          </p>
          <OverrideControl claim={claim} />
        </>
      )}
    </section>
  );
}
