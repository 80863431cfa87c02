/** The per-tag scores and the settled claims of the calibration report. */
import type { ReactNode } from 'react';
import type { CalibrationReport } from '../../../../core/calibration';
import { SafeText } from '../../components/SafeText';
import { formatPercent } from '../../../../core/estimative';
import { formatBrier } from '../../lib/brier';
import { useApp } from '../../store';

function ScoreTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export function TagScoresTable({ rows }: { rows: CalibrationReport['byTag'] }) {
  if (rows.length === 0) return <p className="muted">None of the settled claims has a tag.</p>;
  return (
    <ScoreTable caption="Brier score per tag" columns={['Tag', 'Brier score', 'Settled claims']}>
      {rows.map((r) => (
        <tr key={r.tag}>
          <th scope="row">
            <SafeText text={r.tag} />
          </th>
          <td>{formatBrier(r.brier)}</td>
          <td>{r.claims}</td>
        </tr>
      ))}
    </ScoreTable>
  );
}

export function SettledClaimsTable({ rows, caption }: { rows: CalibrationReport['claims']; caption: string }) {
  const openClaim = useApp((s) => s.openClaim);
  return (
    <ScoreTable caption={caption} columns={['Claim', 'Verdict', 'Turned out', 'Held at settlement', 'Brier score']}>
      {[...rows]
        .sort((a, b) => b.brier - a.brier)
        .map((c) => (
          <tr key={c.id}>
            <th scope="row">
              <button type="button" className="link-button" onClick={() => openClaim(c.id)}>
                <SafeText text={c.text} />
              </button>
            </th>
            <td>{c.status ?? '—'}</td>
            <td>{c.outcome}</td>
            <td>{formatPercent(c.final)}</td>
            <td>{formatBrier(c.brier)}</td>
          </tr>
        ))}
    </ScoreTable>
  );
}
