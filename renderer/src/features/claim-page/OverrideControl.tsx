/** The analyst's probability override (rationale required); the computed value stays visible. */
import { useState } from 'react';
import type { Claim } from '../../../../core/types';
import { api } from '../../api/client';
import { mutate } from '../../store/mutate';
import { InlineForm } from './InlineForm';

export function OverrideControl({ claim }: { claim: Claim }) {
  const [open, setOpen] = useState(false);
  const set = async (v: Record<string, string>) => {
    const pct = Number(v.percent);
    if (!Number.isFinite(pct) || pct <= 0 || pct >= 100) return 'Probability: give a percentage above 0 and below 100.';
    const err = await mutate(() => api.call('claims.override', { id: claim.id, probability: pct / 100, rationale: v.rationale ?? '' }), 'Override set', 'claim');
    if (!err) setOpen(false);
    return err;
  };
  const clear = async (v: Record<string, string>) => {
    const err = await mutate(() => api.call('claims.clearOverride', { id: claim.id, rationale: v.rationale ?? '' }), 'Override removed', 'claim');
    if (!err) setOpen(false);
    return err;
  };
  return (
    <div>
      <button type="button" className="small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {claim.overridden ? 'Change or remove override' : 'Override probability'}
      </button>
      {open && (
        <InlineForm
          title="Override probability"
          fields={[
            { name: 'percent', label: 'Probability (%)', initial: String(Math.round((claim.probability ?? claim.prior) * 100)) },
            { name: 'rationale', label: 'Rationale for the override', multiline: true },
          ]}
          submitLabel="Set override"
          onSubmit={set}
        />
      )}
      {open && claim.overridden && (
        <InlineForm title="Remove override" fields={[{ name: 'rationale', label: 'Rationale for removing it', multiline: true }]} submitLabel="Remove override" onSubmit={clear} autoFocus={false} />
      )}
    </div>
  );
}
