/** Pick claims from the case: a filter box and checkboxes (the first 40 matches). */
import { useMemo, useState } from 'react';
import { SafeText } from '../../components/SafeText';
import { TextField } from '../../components/fields';
import { useClaimIndex } from '../../store/useClaimIndex';

interface Props {
  legend: string;
  selected: readonly string[];
  onChange(ids: string[]): void;
}

export function ClaimChecklist({ legend, selected, onChange }: Props) {
  const index = useClaimIndex();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const matches = index.filter((c) => !f || c.text.toLowerCase().includes(f));
    // Chosen claims stay visible whatever the filter says.
    const chosen = index.filter((c) => selected.includes(c.id) && !matches.slice(0, 40).includes(c));
    return [...chosen, ...matches.slice(0, 40)];
  }, [index, filter, selected]);
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  return (
    <fieldset className="claim-checklist">
      <legend>{legend}</legend>
      <TextField label="Filter claims" value={filter} onChange={setFilter} />
      <ul>
        {shown.map((c) => (
          <li key={c.id}>
            <label>
              <input type="checkbox" checked={selected.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} /> <SafeText text={c.text} />
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
