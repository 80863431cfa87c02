/** The claim's structured quantity: value, unit, scope and as-of date (all empty = no quantity). */
import { DateField, TextField } from '../../components/fields';
import type { ClaimDraft } from '../../lib/claim-form';

type QtyKey = 'qtyValue' | 'qtyUnit' | 'qtyScope' | 'qtyAsOf';

interface Props {
  draft: ClaimDraft;
  set(key: QtyKey): (v: string) => void;
  errors: Record<string, string>;
}

export function QuantityFields({ draft, set, errors }: Props) {
  return (
    <fieldset className="quantity-fields">
      <legend>Quantity (optional)</legend>
      <p className="hint">For a claim about a number, e.g. 6 million USD for training compute. Leave all four empty for none.</p>
      <TextField label="Quantity value" value={draft.qtyValue} onChange={set('qtyValue')} inputMode="decimal" error={errors['quantity.value'] ?? errors.quantity} />
      <TextField label="Quantity unit" value={draft.qtyUnit} onChange={set('qtyUnit')} hint="e.g. USD, chips, percent" error={errors['quantity.unit']} />
      <TextField label="Quantity scope" value={draft.qtyScope} onChange={set('qtyScope')} hint="What it counts, e.g. compute for the final training run" error={errors['quantity.scope']} />
      <DateField label="Quantity as of" value={draft.qtyAsOf} onChange={set('qtyAsOf')} error={errors['quantity.asOf']} />
    </fieldset>
  );
}
