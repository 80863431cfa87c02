/**
 * What actually happened, recorded apart from the verdict: a claim judged supported may turn out
 * false, and that is what calibration exists to capture (claims.setOutcome).
 */
import { useState, type FormEvent } from 'react';
import type { Claim } from '../../../../core/types';
import { api } from '../../api/client';
import { DATE_HINT, DateField, ErrorText, Select, TextField } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { readDate } from '../../lib/form-input';
import { useChangeForm } from '../../store/mutate';

const FIELDS = ['outcome', 'at', 'note'];

const OPTIONS = [
  { value: '', label: 'not known yet' },
  { value: 'true', label: 'turned out true' },
  { value: 'false', label: 'turned out false' },
];

export function OutcomeControl({ claim }: { claim: Claim }) {
  const [outcome, setOutcome] = useState<string>(claim.outcome ?? '');
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const { formRef, errors, setErrors, busy, run } = useChangeForm(FIELDS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const known = readDate(at);
    if (!known.ok) return setErrors({ byField: { at: known.message }, rest: null });
    await run(
      () => api.call('claims.setOutcome', { id: claim.id, outcome: outcome === '' ? null : (outcome as 'true' | 'false'), at: known.value, note: note.trim() || null }),
      { done: outcome ? `Outcome recorded: turned out ${outcome}` : 'Outcome cleared', scope: 'claim' },
    );
  };
  return (
    <section className="card" aria-labelledby="outcome-title">
      <h2 id="outcome-title">What happened</h2>
      {claim.outcome ? (
        <p data-testid="outcome">
          Judged {claim.status}; turned out <strong>{claim.outcome}</strong>
          {claim.outcomeAt ? ` (${claim.outcomeAt.slice(0, 10)})` : ''}
          {claim.outcomeNote && (
            <>
              {' '}
              — <SafeText text={claim.outcomeNote} />
            </>
          )}
        </p>
      ) : (
        <p className="muted">Not known yet. Record it when it is: the verdict above stays as it was.</p>
      )}
      <form ref={formRef} onSubmit={submit} noValidate>
        <Select label="Outcome known" value={outcome} options={OPTIONS} onChange={setOutcome} error={errors.byField.outcome} />
        <DateField label="Known since" value={at} onChange={setAt} hint={`Empty: now. ${DATE_HINT}`} error={errors.byField.at} />
        <TextField label="How it became known" value={note} onChange={setNote} error={errors.byField.note} />
        <ErrorText error={errors.rest} />
        <button type="submit" disabled={busy}>
          Record outcome
        </button>
      </form>
    </section>
  );
}
