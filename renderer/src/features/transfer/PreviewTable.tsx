/** The first rows of a CSV/TSV file with its columns, and the first records as they would be imported. */
import type { ImportPreview } from '../../../../core/transfer/preview';
import { SafeText } from '../../components/SafeText';
import { IssueList } from './IssueList';

export function PreviewTable({ preview }: { preview: ImportPreview }) {
  return (
    <section aria-label="Preview">
      <p>
        Format: <strong>{preview.format}</strong>; {preview.records.toLocaleString('en')} records.
      </p>
      {preview.columns.length > 0 && (
        <table aria-label="First rows">
          <thead>
            <tr>
              {preview.columns.map((c, i) => (
                <th key={i} scope="col">
                  <SafeText text={c} />
                  <div className="muted">
                    {Object.entries(preview.mapping)
                      .filter(([, cols]) => cols.includes(c))
                      .map(([f]) => `→ ${f}`)
                      .join(' ')}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) => (
                  <td key={j}>
                    <SafeText text={cell.length > 120 ? `${cell.slice(0, 120)}…` : cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.sample.length > 0 && (
        <ul aria-label="First records">
          {preview.sample.map((s, i) => (
            <li key={i}>
              {s.kind}: <SafeText text={s.text} />
              {s.claimant ? (
                <>
                  {' '}— <SafeText text={s.claimant} />
                </>
              ) : null}
              {s.status ? ` [${s.status}]` : ''}
            </li>
          ))}
        </ul>
      )}
      <IssueList issues={preview.errors} label="Preview errors" />
    </section>
  );
}
