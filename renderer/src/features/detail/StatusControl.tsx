/** The analyst's verdict: change the status with a written rationale. */
import { useState, type FormEvent } from 'react';
import { CLAIM_STATUSES, type Claim, type ClaimStatus } from '../../../../core/types';
import { api } from '../../api/client';
import { ErrorText, Select, TextArea } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { mutate } from '../../store/mutate';

export function StatusControl({ claim }: { claim: Claim }) {
  const [status, setStatus] = useState<ClaimStatus>(claim.status);
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rationale.trim()) return setError('Write a rationale for the status change.');
    const err = await mutate(() => api.call('claims.setStatus', { id: claim.id, status, rationale }), `Status changed to ${status}`, 'claim');
    setError(err);
    if (!err) setRationale('');
  };
  return (
    <section className="card" aria-labelledby="status-title">
      <h2 id="status-title">Status</h2>
      <p>
        Current: <span className={`status status-${claim.status.replace(/ /g, '-')}`}>{claim.status}</span>
      </p>
      {claim.statusRationale && (
        <p className="muted">
          <SafeText text={claim.statusRationale} />
        </p>
      )}
      <form onSubmit={submit}>
        <Select label="New status" value={status} options={CLAIM_STATUSES.map((s) => ({ value: s, label: s }))} onChange={(v) => setStatus(v as ClaimStatus)} />
        <TextArea label="Rationale for the status" value={rationale} onChange={setRationale} rows={2} />
        <ErrorText error={error} />
        <button type="submit">Change status</button>
      </form>
    </section>
  );
}
