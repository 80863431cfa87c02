/** The analyst's track record (calibration.report): overall Brier score, per tag, and the settled claims. */
import { useEffect, useState } from 'react';
import type { CalibrationReport } from '../../../../core/calibration';
import { api, errorMessage } from '../../api/client';
import { brierVerdict, formatBrier } from '../../lib/brier';
import { BrierExplainer } from './BrierExplainer';
import { SettledClaimsTable, TagScoresTable } from './ScoreTables';

function Overall({ overall }: { overall: CalibrationReport['overall'] }) {
  if (overall.brier === null)
    return (
      <p>
        No settled claims yet. To start a track record, settle a claim when the truth is known: on the claim, change its status to supported
        or refuted with the outcome <em>settled: true</em> or <em>settled: false</em>.
      </p>
    );
  return (
    <p className="calibration-overall">
      Overall Brier score <strong>{formatBrier(overall.brier)}</strong> over {overall.claims} settled claim{overall.claims === 1 ? '' : 's'}:{' '}
      {brierVerdict(overall.brier)}.
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
          <TagScoresTable rows={report.byTag} />
          <SettledClaimsTable rows={report.claims} />
        </>
      )}
      <BrierExplainer />
    </section>
  );
}
