/**
 * The column mapping as a table: one row per column of the file, with its first values and a
 * dropdown of the fields it can go to. Every change is written back as `COL=FIELD,…` (column
 * numbers), the same mapping the CLI's --map takes, so the preview updates from it.
 */
import { ROW_FIELDS, type RowField } from '../../../../core/transfer/mapping';
import type { ImportPreview } from '../../../../core/transfer/preview';
import { SafeText } from '../../components/SafeText';

const FIELD_LABEL: Record<RowField, string> = {
  id: 'id (ClaimTrail id)',
  text: 'text (the claim)',
  claimant: 'claimant',
  claimedAt: 'claimedAt (date)',
  context: 'context (where said)',
  label: 'label (rating → status)',
  status: 'status',
  statusRationale: 'statusRationale',
  prior: 'prior (0–1)',
  tags: 'tags',
  notes: 'notes',
  ref: 'ref',
  sourceTitle: 'sourceTitle',
  sourceUrl: 'sourceUrl',
  sourcePublisher: 'sourcePublisher',
  reliability: 'reliability (A–F)',
  quote: 'quote',
  locator: 'locator',
  stance: 'stance',
  credibility: 'credibility (1–6)',
  ignore: 'not imported',
};

const CHOICES = ROW_FIELDS.filter((f) => f !== 'ignore');

/** The field each column goes to ('' = not imported), from the preview's resolved mapping. */
export function fieldsOfColumns(preview: ImportPreview): string[] {
  return preview.columns.map((c) => Object.entries(preview.mapping).find(([f, cols]) => f !== 'ignore' && cols.includes(c))?.[0] ?? '');
}

/** Column fields → `1=text,3=claimant,…`. */
export const mappingSpec = (fields: string[]): string =>
  fields.map((f, i) => (f ? `${i + 1}=${f}` : '')).filter(Boolean).join(',');

export function ColumnMapTable({ preview, onChange }: { preview: ImportPreview; onChange: (spec: string) => void }) {
  const fields = fieldsOfColumns(preview);
  const sample = (i: number) => preview.rows.slice(0, 2).map((r) => r[i] ?? '').filter(Boolean).join(' · ');
  return (
    <table aria-label="Column mapping table">
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">First values</th>
          <th scope="col">Imported as</th>
        </tr>
      </thead>
      <tbody>
        {preview.columns.map((c, i) => (
          <tr key={i}>
            <th scope="row">
              <SafeText text={c} />
            </th>
            <td className="muted">
              <SafeText text={sample(i).slice(0, 80)} />
            </td>
            <td>
              <select
                aria-label={`Field for column ${i + 1}`}
                value={fields[i]}
                onChange={(e) => onChange(mappingSpec(fields.map((f, j) => (j === i ? e.target.value : f))))}
              >
                <option value="">{FIELD_LABEL.ignore}</option>
                {CHOICES.map((f) => (
                  <option key={f} value={f}>
                    {FIELD_LABEL[f]}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
