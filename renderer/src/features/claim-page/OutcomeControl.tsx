/**
 * What actually happened, recorded apart from the verdict: a claim judged supported may turn out
 * false, and that is what calibration exists to capture (claims.setOutcome).
 */
import { useState, type FormEvent } from 'react';
import type { Claim } from '../../../../core/types';
import { api } from '../../api/client';
import { ErrorText, Select, TextField } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { fieldErrors } from '../../lib/field-errors';
import { useApp } from '../../store';

const OPTIONS = [
  { value: '', label: 'not known yet' },
  { value: 'true', label: 'turned out true' },
  { value: 'false', label: 'turned out false' },
];

export function OutcomeControl({ claim }: { claim: Claim }) {
  const [outcome, setOutcome] = useState<string>(claim.outcome ?? '');
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    try {
      await api.call('claims.setOutcome', {
        id: claim.id,
        outcome: outcome === '' ? null : (outcome as 'true' | 'false'),
        at: at.trim() || null,
        note: note.trim() || null,
      });
    } catch (err) {
      const split = fieldErrors(err, ['outcome', 'at', 'note']);
      setErrors(split.byField);
      return setError(split.rest);
    }
    setError(null);
    const s = useApp.getState();
    s.announce(outcome ? `Outcome recorded: turned out ${outcome}` : 'Outcome cleared');
    await s.refreshAfterChange('claim');
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
      <form onSubmit={submit}>
        <Select label="Outcome known" value={outcome} options={OPTIONS} onChange={setOutcome} error={errors.outcome} />
        <TextField label="Known since" value={at} onChange={setAt} hint="YYYY-MM-DD; empty: now." error={errors.at} />
        <TextField label="How it became known" value={note} onChange={setNote} error={errors.note} />
        <ErrorText error={error} />
        <button type="submit">Record outcome</button>
      </form>
    </section>
  );
}
