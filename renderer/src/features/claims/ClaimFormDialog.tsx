/**
 * Add or edit a claim: text, kind (fact, forecast, not checkable, with why), claimant, date, where it
 * was said, tags, prior, quantity and notes. A new claim may carry its first evidence, from an
 * existing source or a new one typed in place, saved in the same call (claims.create firstEvidence).
 * While a new claim is typed, similar existing claims are shown. Each of the API's issues appears
 * under the field it names; the first invalid field gets the focus.
 */
import { useState, type FormEvent } from 'react';
import type { Claim, ClaimKind } from '../../../../core/types';
import { api } from '../../api/client';
import { Dialog, DialogFooter } from '../../components/Dialog';
import { DateField, Select, TextArea, TextField } from '../../components/fields';
import { EvidenceFields } from '../../components/forms/EvidenceFields';
import { SOURCE_CHOICE_FIELDS, SourceChoice, sourceChoiceInput, useSourceChoice } from '../../components/forms/SourceChoice';
import { CLAIM_FIELDS, claimInput, draftOf, priorMessage, type ClaimDraft } from '../../lib/claim-form';
import { EVIDENCE_FIELDS, evidenceDraftOf, evidenceInput } from '../../lib/evidence-form';
import { prefixed, scopedErrors, withPrefix } from '../../lib/form-input';
import { SOURCE_FIELDS } from '../../lib/source-form';
import { useApp } from '../../store';
import { useChangeForm } from '../../store/mutate';
import { QuantityFields } from './QuantityFields';
import { SimilarClaims } from './SimilarClaims';

const KIND_OPTIONS = [
  { value: 'fact', label: 'Fact (checkable now)' },
  { value: 'forecast', label: 'Forecast (about the future; settled later)' },
  { value: 'not-checkable', label: 'Not checkable (opinion, value judgment, too vague)' },
];

/** Where the API names the first evidence's fields (claims.create's firstEvidence). */
const FIRST = 'firstEvidence';
const FORM_FIELDS = [...CLAIM_FIELDS, ...prefixed(FIRST, [...EVIDENCE_FIELDS, ...SOURCE_CHOICE_FIELDS, ...prefixed('newSource', SOURCE_FIELDS)])];

export function ClaimFormDialog({ claim, onClose }: { claim?: Claim; onClose(): void }) {
  const [original] = useState(() => draftOf(claim));
  const [draft, setDraft] = useState<ClaimDraft>(original);
  const [withEvidence, setWithEvidence] = useState(false);
  const [evidence, setEvidence] = useState(() => evidenceDraftOf());
  const choice = useSourceChoice(null);
  const { formRef, errors, setErrors, busy, run } = useChangeForm(FORM_FIELDS);
  const set = (key: keyof ClaimDraft) => (v: string) => setDraft((d) => ({ ...d, [key]: v }));
  const firstErrors = scopedErrors(errors.byField, FIRST);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = claimInput(draft, claim ? original : undefined);
    const ev = !claim && withEvidence ? evidenceInput(evidence) : null;
    const src = !claim && withEvidence ? sourceChoiceInput(choice.state) : null;
    const local = { ...built.errors, ...withPrefix(FIRST, { ...ev?.errors, ...(src && !src.ok ? src.errors : {}) }) };
    if (!built.input || (ev && !ev.input) || (src && !src.ok)) return setErrors({ byField: local, rest: null });
    const input = built.input;
    const firstEvidence = ev?.input && src?.ok ? { ...ev.input, ...src.value } : undefined;
    await run(() => (claim ? api.call('claims.update', { id: claim.id, ...input }) : api.call('claims.create', { ...input, firstEvidence })), {
      done: claim ? 'Claim saved' : firstEvidence ? 'Claim created with its first evidence' : 'Claim created',
      then: (saved) => {
        onClose();
        useApp.getState().openClaim(saved.id);
      },
    });
  };

  return (
    <Dialog title={claim ? 'Edit claim' : 'New claim'} onClose={onClose} wide>
      <form ref={formRef} onSubmit={submit} noValidate>
        <TextArea label="Claim text" value={draft.text} onChange={set('text')} required rows={3} error={errors.byField.text} />
        {!claim && <SimilarClaims draft={draft.text} />}
        <Select
          label="Kind of claim"
          value={draft.kind}
          options={KIND_OPTIONS}
          onChange={(v) => setDraft((d) => ({ ...d, kind: v as ClaimKind }))}
          hint="Not checkable: an opinion, a value judgment or too vague to test. It gets no probability and stays out of calibration."
          error={errors.byField.kind}
        />
        <TextField
          label={draft.kind === 'not-checkable' ? 'Why it cannot be checked' : 'Why this kind (optional)'}
          value={draft.kindRationale}
          onChange={set('kindRationale')}
          required={draft.kind === 'not-checkable'}
          error={errors.byField.kindRationale}
        />
        <TextField label="Claimant" value={draft.claimant} onChange={set('claimant')} hint="Who made the claim." error={errors.byField.claimant} />
        <DateField label="Date claimed" value={draft.claimedAt} onChange={set('claimedAt')} error={errors.byField.claimedAt} />
        <TextField label="Where it was said" value={draft.context} onChange={set('context')} hint="The occasion or medium, e.g. a press conference, an interview, a post." error={errors.byField.context} />
        <TextField label="Tags" value={draft.tags} onChange={set('tags')} hint="Separated by commas." error={errors.byField.tags} />
        <TextField
          label="Prior (%)"
          value={draft.prior}
          onChange={set('prior')}
          inputMode="decimal"
          hint="How likely the claim is before any evidence; 50 means no lean either way."
          error={priorMessage(errors.byField.prior, draft.prior)}
        />
        <QuantityFields draft={draft} set={set} errors={errors.byField} />
        <TextArea label="Notes" value={draft.notes} onChange={set('notes')} rows={3} error={errors.byField.notes} />
        {!claim && (
          <section className="form-section" aria-label="First evidence">
            <div className="choice">
              <label>
                <input type="checkbox" checked={withEvidence} onChange={(e) => setWithEvidence(e.target.checked)} />
                Add the first evidence now
              </label>
            </div>
            {withEvidence && (
              <>
                <p className="hint">Saved with the claim in one step: if anything is refused, nothing is kept.</p>
                <SourceChoice choice={choice} errors={firstErrors} />
                <EvidenceFields draft={evidence} onChange={setEvidence} errors={firstErrors} />
              </>
            )}
          </section>
        )}
        <DialogFooter error={errors.rest} onCancel={onClose} submitLabel={claim ? 'Save claim' : withEvidence ? 'Create claim with evidence' : 'Create claim'} disabled={busy} />
      </form>
    </Dialog>
  );
}
