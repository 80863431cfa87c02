/** The key assumptions register: what each judgment rests on, how likely it holds, the impact if wrong; failing one flags its claims. */
import { useEffect, useState, type FormEvent } from 'react';
import { LEVELS, type Assumption, type Level } from '../../../../core/contract/analysis';
import { api, errorMessage } from '../../api/client';
import { Dialog, DialogFooter } from '../../components/Dialog';
import { SafeText } from '../../components/SafeText';
import { ErrorText, Select, TextArea, TextField } from '../../components/fields';
import { useApp } from '../../store';
import { mutate } from '../../store/mutate';
import { ClaimChecklist } from './ClaimChecklist';

const LEVEL_OPTIONS = LEVELS.map((l) => ({ value: l, label: l }));

function AddAssumptionDialog({ onClose, onAdded }: { onClose(): void; onAdded(): void }) {
  const [text, setText] = useState('');
  const [owner, setOwner] = useState(useApp.getState().info?.settings.analystName ?? '');
  const [likelihood, setLikelihood] = useState<Level>('medium');
  const [impact, setImpact] = useState<Level>('high');
  const [claimIds, setClaimIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const err = await mutate(() => api.call('assumptions.add', { text, owner, likelihood, impact, claimIds }), 'Assumption added');
    if (err) setError(err);
    else onAdded();
  };
  return (
    <Dialog title="Add a key assumption" onClose={onClose} wide>
      <form onSubmit={(e) => void submit(e)}>
        <TextArea label="Assumption" value={text} onChange={setText} rows={2} required />
        <TextField label="Owner" value={owner} onChange={setOwner} />
        <Select label="How likely it holds" value={likelihood} options={LEVEL_OPTIONS} onChange={(v) => setLikelihood(v as Level)} />
        <Select label="Impact if wrong" value={impact} options={LEVEL_OPTIONS} onChange={(v) => setImpact(v as Level)} />
        <ClaimChecklist legend="Claims it underpins" selected={claimIds} onChange={setClaimIds} />
        <DialogFooter error={error} onCancel={onClose} submitLabel="Add assumption" />
      </form>
    </Dialog>
  );
}

function FailDialog({ assumption, onClose, onFailed }: { assumption: Assumption; onClose(): void; onFailed(): void }) {
  const [why, setWhy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const err = await mutate(() => api.call('assumptions.fail', { id: assumption.id, why }), 'Assumption marked failed; its claims are flagged for review');
    if (err) setError(err);
    else onFailed();
  };
  return (
    <Dialog title="Mark the assumption failed" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <p>
          <SafeText text={assumption.text} />
        </p>
        <p className="hint">
          {assumption.claims.length} claim{assumption.claims.length === 1 ? '' : 's'} will be flagged for review, and saved briefings on them marked stale.
        </p>
        <TextArea label="Why it failed" value={why} onChange={setWhy} rows={2} required />
        <DialogFooter error={error} onCancel={onClose} submitLabel="Mark failed" tone="danger" />
      </form>
    </Dialog>
  );
}

export function AssumptionsSection() {
  const [items, setItems] = useState<Assumption[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [failing, setFailing] = useState<Assumption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openClaim = useApp((s) => s.openClaim);
  const load = () => api.call('assumptions.list', {}).then(setItems, (e) => setError(errorMessage(e)));
  useEffect(() => {
    void load();
  }, []);
  return (
    <section aria-labelledby="assumptions-title">
      <div className="view-head">
        <h2 id="assumptions-title">Key assumptions</h2>
        <button type="button" onClick={() => setAdding(true)}>
          Add assumption…
        </button>
      </div>
      <ErrorText error={error} />
      {items && items.length === 0 && <p className="muted">No assumptions registered.</p>}
      {items && items.length > 0 && (
        <table className="table" aria-label="Key assumptions">
          <thead>
            <tr>
              <th scope="col">Assumption</th>
              <th scope="col">Owner</th>
              <th scope="col">Holds</th>
              <th scope="col">Impact if wrong</th>
              <th scope="col">Underpins</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-testid="assumption-row">
                <td>
                  <SafeText text={a.text} />
                </td>
                <td>
                  <SafeText text={a.owner} />
                </td>
                <td>{a.likelihood}</td>
                <td>{a.impact}</td>
                <td>
                  <ul className="plain-list">
                    {a.claims.map((c) => (
                      <li key={c.id}>
                        <button type="button" className="link-button" onClick={() => openClaim(c.id)}>
                          <SafeText text={c.text} />
                        </button>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {a.state === 'failed' ? (
                    <>
                      <span className="badge warn">failed</span> {a.failedAt?.slice(0, 10)}: <SafeText text={a.failedWhy ?? ''} />
                    </>
                  ) : (
                    <>
                      held{' '}
                      <button type="button" className="small" onClick={() => setFailing(a)} aria-label={`Mark failed: ${a.text.slice(0, 80)}`}>
                        Mark failed…
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && <AddAssumptionDialog onClose={() => setAdding(false)} onAdded={() => (setAdding(false), void load())} />}
      {failing && <FailDialog assumption={failing} onClose={() => setFailing(null)} onFailed={() => (setFailing(null), void load())} />}
    </section>
  );
}
