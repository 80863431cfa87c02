/**
 * Add or edit a claim: text, kind (fact, forecast, not checkable, with why), claimant, date, where it
 * was said, tags, prior, quantity and notes. While a
 * new claim is typed, similar existing claims are shown. The API's validation messages appear next to
 * the fields they name.
 */
import { useState, type FormEvent } from 'react';
import type { Claim, ClaimKind } from '../../../../core/types';
import { api } from '../../api/client';
import { Dialog, DialogFooter } from '../../components/Dialog';
import { Select, TextArea, TextField } from '../../components/fields';
import { fieldErrors } from '../../lib/field-errors';
import { useApp } from '../../store';
import { CLAIM_FIELDS, claimInput, draftOf, priorMessage, type ClaimDraft } from '../../lib/claim-form';
import { QuantityFields } from './QuantityFields';
import { SimilarClaims } from './SimilarClaims';

const KIND_OPTIONS = [
  { value: 'fact', label: 'Fact (checkable now)' },
  { value: 'forecast', label: 'Forecast (about the future; settled later)' },
  { value: 'not-checkable', label: 'Not checkable (opinion, value judgment, too vague)' },
];

export function ClaimFormDialog({ claim, onClose }: { claim?: Claim; onClose(): void }) {
  const [original] = useState(() => draftOf(claim));
  const [draft, setDraft] = useState<ClaimDraft>(original);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof ClaimDraft) => (v: string) => setDraft((d) => ({ ...d, [key]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = claimInput(draft, claim ? original : undefined);
    setErrors(built.errors ?? {});
    setError(built.errors ? 'Some fields need attention.' : null);
    if (!built.input) return;
    setBusy(true);
    try {
      const s = useApp.getState();
      const saved = claim ? await api.call('claims.update', { id: claim.id, ...built.input }) : await api.call('claims.create', built.input);
      s.announce(claim ? 'Claim saved' : 'Claim created');
      onClose();
      s.openClaim(saved.id);
      await s.refreshAfterChange();
    } catch (err) {
      const split = fieldErrors(err, CLAIM_FIELDS);
      setErrors(split.byField);
      setError(split.rest ?? 'Some fields need attention.');
      setBusy(false);
    }
  };

  return (
    <Dialog title={claim ? 'Edit claim' : 'New claim'} onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <TextArea label="Claim text" value={draft.text} onChange={set('text')} required rows={3} error={errors.text} />
        {!claim && <SimilarClaims draft={draft.text} />}
        <Select
          label="Kind of claim"
          value={draft.kind}
          options={KIND_OPTIONS}
          onChange={(v) => setDraft((d) => ({ ...d, kind: v as ClaimKind }))}
          hint="Not checkable: an opinion, a value judgment or too vague to test. It gets no probability and stays out of calibration."
          error={errors.kind}
        />
        <TextField
          label={draft.kind === 'not-checkable' ? 'Why it cannot be checked' : 'Why this kind (optional)'}
          value={draft.kindRationale}
          onChange={set('kindRationale')}
          required={draft.kind === 'not-checkable'}
          error={errors.kindRationale}
        />
        <TextField label="Claimant" value={draft.claimant} onChange={set('claimant')} hint="Who made the claim." error={errors.claimant} />
        <TextField label="Date claimed" value={draft.claimedAt} onChange={set('claimedAt')} hint="YYYY-MM-DD, YYYY-MM or YYYY" error={errors.claimedAt} />
        <TextField label="Where it was said" value={draft.context} onChange={set('context')} hint="The occasion or medium, e.g. a press conference, an interview, a post." error={errors.context} />
        <TextField label="Tags" value={draft.tags} onChange={set('tags')} hint="Separated by commas." error={errors.tags} />
        <TextField
          label="Prior (%)"
          value={draft.prior}
          onChange={set('prior')}
          inputMode="decimal"
          hint="How likely the claim is before any evidence; 50 means no lean either way."
          error={priorMessage(errors.prior, draft.prior)}
        />
        <QuantityFields draft={draft} set={set} errors={errors} />
        <TextArea label="Notes" value={draft.notes} onChange={set('notes')} rows={3} error={errors.notes} />
        <DialogFooter error={error} onCancel={onClose} submitLabel={claim ? 'Save claim' : 'Create claim'} disabled={busy} />
      </form>
    </Dialog>
  );
}
