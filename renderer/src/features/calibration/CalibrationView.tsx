/**
 * The analyst's track record (calibration.report): overall Brier score with its interval (a verdict
 * word only from the minimum sample on), the reliability diagram, per tag, the settled claims, and
 * apart from them the claims whose verdict came from an imported label.
 */
import { useEffect, useState } from 'react';
import type { CalibrationReport } from '../../../../core/calibration';
import { api, errorMessage } from '../../api/client';
import { formatBrier } from '../../lib/brier';
import { BrierExplainer } from './BrierExplainer';
import { ReliabilityDiagram } from './ReliabilityDiagram';
import { SettledClaimsTable, TagScoresTable } from './ScoreTables';

function Overall({ overall }: { overall: CalibrationReport['overall'] }) {
  if (overall.brier === null)
    return (
      <p>
        No settled claims yet. To start a track record, record what happened when the truth is known: on the claim, set its outcome (it
        turned out true or false), whatever your verdict was.
      </p>
    );
  const interval = overall.interval ? ` (95% interval ${formatBrier(overall.interval[0])}–${formatBrier(overall.interval[1])})` : '';
  return (
    <p className="calibration-overall" data-testid="calibration-overall">
      Overall Brier score <strong>{formatBrier(overall.brier)}</strong>
      {interval} over {overall.claims} settled claim{overall.claims === 1 ? '' : 's'}
      {overall.verdict
        ? `: ${overall.verdict}.`
        : `. Too few for a verdict: at least ${overall.minimumSample} settled claims are needed before a score says more than chance would.`}
    </p>
  );
}

export function CalibrationView() {
  const [report, setReport] = useState<CalibrationReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call('calibration.report', {}).then(setReport, (e) => setError(errorMessage(e)));
  }, []);
  return (
    <section className="view calibration-view" aria-labelledby="calibration-title">
      <h1 id="calibration-title">Calibration</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!report && !error && <p className="muted">Loading the track record…</p>}
      {report && <Overall overall={report.overall} />}
      {report && report.claims.length > 0 && (
        <>
          <ReliabilityDiagram bins={report.reliability} />
          <TagScoresTable rows={report.byTag} />
          <SettledClaimsTable rows={report.claims} caption="Settled claims, worst score first" />
        </>
      )}
      {report && report.imported.claims.length > 0 && (
        <SettledClaimsTable
          rows={report.imported.claims}
          caption={`Not your judgments: verdict or outcome from an imported label (${report.imported.claims.length}, scored apart)`}
        />
      )}
      <BrierExplainer />
    </section>
  );
}
