/** Indicators: observable signs that would support or undercut a claim; an observed one prompts adding it as evidence. */
import { useEffect, useState, type FormEvent } from 'react';
import { INDICATOR_DIRECTIONS, type Indicator, type IndicatorState } from '../../../../core/contract/analysis';
import { api, errorMessage } from '../../api/client';
import { Dialog, DialogFooter } from '../../components/Dialog';
import { SafeText } from '../../components/SafeText';
import { ErrorText, Select, TextArea } from '../../components/fields';
import { useClaimIndex } from '../../store/useClaimIndex';
import { mutate } from '../../store/mutate';
import { EvidenceFormDialog } from '../claim-page/EvidenceFormDialog';

const STATE_LABEL: Record<IndicatorState, string> = { 'not-observed': 'not observed', observed: 'observed', contradicted: 'contradicted' };

function AddIndicatorDialog({ onClose, onAdded }: { onClose(): void; onAdded(): void }) {
  const index = useClaimIndex();
  const [text, setText] = useState('');
  const [claimId, setClaimId] = useState('');
  const [direction, setDirection] = useState<(typeof INDICATOR_DIRECTIONS)[number]>('supports');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const err = await mutate(() => api.call('indicators.add', { text, claimId, direction }), 'Indicator added');
    if (err) setError(err);
    else onAdded();
  };
  return (
    <Dialog title="Add an indicator" onClose={onClose} wide>
      <form onSubmit={(e) => void submit(e)}>
        <TextArea label="Indicator" value={text} onChange={setText} rows={2} required hint="Something observable, e.g. a customs seizure of restricted chips." />
        <Select
          label="Claim"
          value={claimId}
          onChange={setClaimId}
          options={[{ value: '', label: 'Choose a claim…' }, ...index.slice(0, 500).map((c) => ({ value: c.id, label: c.text.slice(0, 120) }))]}
        />
        <Select label="If observed, it" value={direction} onChange={(v) => setDirection(v as 'supports')} options={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: d }))} />
        <DialogFooter error={error} onCancel={onClose} submitLabel="Add indicator" />
      </form>
    </Dialog>
  );
}

export function IndicatorsSection() {
  const [items, setItems] = useState<Indicator[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [asEvidence, setAsEvidence] = useState<Indicator | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.call('indicators.list', {}).then(setItems, (e) => setError(errorMessage(e)));
  useEffect(() => {
    void load();
  }, []);
  const observe = async (i: Indicator, state: IndicatorState) => {
    const err = await mutate(() => api.call('indicators.observe', { id: i.id, state }), `Indicator ${STATE_LABEL[state]}`);
    setError(err);
    await load();
  };
  return (
    <section aria-labelledby="indicators-title">
      <div className="view-head">
        <h2 id="indicators-title">Indicators</h2>
        <button type="button" onClick={() => setAdding(true)}>
          Add indicator…
        </button>
      </div>
      <ErrorText error={error} />
      {items && items.length === 0 && <p className="muted">No indicators yet.</p>}
      {items && items.length > 0 && (
        <table className="table" aria-label="Indicators">
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col">Claim</th>
              <th scope="col">If observed</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-testid="indicator-row">
                <td>
                  <SafeText text={i.text} />
                </td>
                <td>
                  <SafeText text={i.claimText} />
                </td>
                <td>{i.direction}</td>
                <td>
                  {STATE_LABEL[i.state]}
                  {i.observedOn ? ` (${i.observedOn})` : ''}
                </td>
                <td>
                  {i.state !== 'observed' && (
                    <button type="button" className="small" onClick={() => void observe(i, 'observed')}>
                      Observed
                    </button>
                  )}
                  {i.state !== 'contradicted' && (
                    <button type="button" className="small" onClick={() => void observe(i, 'contradicted')}>
                      Contradicted
                    </button>
                  )}
                  {i.state === 'observed' && (
                    <button type="button" className="small primary" onClick={() => setAsEvidence(i)}>
                      Add as evidence…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && <AddIndicatorDialog onClose={() => setAdding(false)} onAdded={() => (setAdding(false), void load())} />}
      {asEvidence && (
        <EvidenceFormDialog
          claimId={asEvidence.claimId}
          initial={{
            excerpt: '',
            locator: '',
            stance: asEvidence.direction === 'supports' ? 'supports' : 'refutes',
            note: `Indicator observed${asEvidence.observedOn ? ` on ${asEvidence.observedOn}` : ''}: ${asEvidence.text}`,
          }}
          onClose={() => setAsEvidence(null)}
        />
      )}
    </section>
  );
}
