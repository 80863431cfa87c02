/** Extra rating labels as a small table editor (label → status and optional prior), written as `LABEL=STATUS[:PRIOR],…`. */
import { CLAIM_STATUSES } from '../../../../core/types';

export interface LabelRow {
  label: string;
  status: string;
  prior: string;
}

export const labelSpec = (rows: LabelRow[]): string =>
  rows
    .filter((r) => r.label.trim())
    .map((r) => `${r.label.trim().replace(/[,=]/g, ' ')}=${r.status}${r.prior.trim() ? `:${r.prior.trim()}` : ''}`)
    .join(',');

export function LabelTable({ rows, onChange }: { rows: LabelRow[]; onChange: (rows: LabelRow[]) => void }) {
  const edit = (i: number, patch: Partial<LabelRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset>
      <legend>Extra labels</legend>
      {rows.length > 0 && (
        <table aria-label="Extra labels">
          <thead>
            <tr>
              <th scope="col">Label in the file</th>
              <th scope="col">Status</th>
              <th scope="col">Prior</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td>
                  <input aria-label={`Label ${i + 1}`} value={r.label} onChange={(e) => edit(i, { label: e.target.value })} />
                </td>
                <td>
                  <select aria-label={`Status for label ${i + 1}`} value={r.status} onChange={(e) => edit(i, { status: e.target.value })}>
                    {CLAIM_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={`Prior for label ${i + 1}`} inputMode="decimal" size={5} value={r.prior} onChange={(e) => edit(i, { prior: e.target.value })} />
                </td>
                <td>
                  <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    Remove label {i + 1}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => onChange([...rows, { label: '', status: 'mixed', prior: '' }])}>
        Add a label
      </button>
    </fieldset>
  );
}
