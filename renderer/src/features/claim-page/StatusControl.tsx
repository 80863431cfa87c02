/**
 * The analyst's verdict: change the status with a written rationale, and settle the claim (outcome
 * true with supported, false with refuted) once the truth is known — settled claims make the
 * Calibration track record.
 */
import { useState, type FormEvent } from 'react';
import { CLAIM_STATUSES, type Claim, type ClaimStatus, type Outcome } from '../../../../core/types';
import { api } from '../../api/client';
import { ErrorText, Select, TextArea } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { useChangeForm } from '../../store/mutate';

const FIELDS = ['status', 'outcome', 'rationale'];

const OUTCOME_OPTIONS = [
  { value: '', label: 'not settled' },
  { value: 'true', label: 'settled: true' },
  { value: 'false', label: 'settled: false' },
];

export function StatusControl({ claim }: { claim: Claim }) {
  const [status, setStatus] = useState<ClaimStatus>(claim.status);
  const [outcome, setOutcome] = useState<string>(claim.outcome ?? '');
  const [rationale, setRationale] = useState('');
  const { formRef, errors, setErrors, busy, run } = useChangeForm(FIELDS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rationale.trim()) return setErrors({ byField: { rationale: 'write a rationale for the status change' }, rest: null });
    const done = outcome ? `Status changed to ${status}, settled ${outcome}` : `Status changed to ${status}`;
    if (await run(() => api.call('claims.setStatus', { id: claim.id, status, rationale, outcome: (outcome || null) as Outcome | null }), { done, scope: 'claim' })) setRationale('');
  };
  return (
    <section className="card" aria-labelledby="status-title">
      <h2 id="status-title">Status</h2>
      <p>
        Current: <span className={`status status-${claim.status.replace(/ /g, '-')}`}>{claim.status}</span>
      </p>
      {claim.outcome && <p>Settled: the claim turned out {claim.outcome}.</p>}
      {claim.statusRationale && (
        <p className="muted">
          <SafeText text={claim.statusRationale} />
        </p>
      )}
      <form ref={formRef} onSubmit={submit} noValidate>
        <Select label="New status" value={status} options={CLAIM_STATUSES.map((s) => ({ value: s, label: s }))} onChange={(v) => setStatus(v as ClaimStatus)} error={errors.byField.status} />
        <Select
          label="Outcome"
          value={outcome}
          options={OUTCOME_OPTIONS}
          onChange={setOutcome}
          hint="Once the truth is known: true goes with supported, false with refuted. Settled claims are scored under Calibration."
          error={errors.byField.outcome}
        />
        <TextArea label="Rationale for the status" value={rationale} onChange={setRationale} rows={2} error={errors.byField.rationale} />
        <ErrorText error={errors.rest} />
        <button type="submit" disabled={busy}>
          Change status
        </button>
      </form>
    </section>
  );
}
