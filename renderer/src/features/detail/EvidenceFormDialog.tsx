/** Adds evidence: pick (or create) a source, stance, credibility 1–6, the exact quote and where it is. */
import { useState, type FormEvent } from 'react';
import type { Credibility } from '../../../../core/grades';
import { STANCES, type Source, type Stance } from '../../../../core/types';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorText, Select, TextArea, TextField } from '../../components/fields';
import { CREDIBILITY_OPTIONS } from '../../lib/grades-options';
import { mutate } from '../../store/mutate';
import { SourceFormDialog } from '../sources/SourceFormDialog';
import { SourcePicker } from './SourcePicker';

export function EvidenceFormDialog({ claimId, onClose }: { claimId: string; onClose(): void }) {
  const [source, setSource] = useState<Pick<Source, 'id' | 'title' | 'reliability'> | null>(null);
  const [stance, setStance] = useState<Stance>('supports');
  const [credibility, setCredibility] = useState('6');
  const [excerpt, setExcerpt] = useState('');
  const [locator, setLocator] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [newSource, setNewSource] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!source) return setError('Pick the source this evidence comes from.');
    const input = { claimId, sourceId: source.id, stance, credibility: Number(credibility) as Credibility, excerpt, locator: locator || null, note };
    const err = await mutate(() => api.call('evidence.create', input), 'Evidence added');
    if (err) setError(err);
    else onClose();
  };

  if (newSource) return <SourceFormDialog onClose={() => setNewSource(false)} onSaved={(s) => (setSource(s), setNewSource(false))} />;
  return (
    <Dialog title="Add evidence" onClose={onClose} wide>
      <form onSubmit={submit}>
        <SourcePicker selected={source} onSelect={setSource} />
        <button type="button" className="small" onClick={() => setNewSource(true)}>
          New source…
        </button>
        <Select label="Stance" value={stance} options={STANCES.map((s) => ({ value: s, label: s }))} onChange={(v) => setStance(v as Stance)} />
        <Select label="Credibility" value={credibility} options={CREDIBILITY_OPTIONS} onChange={setCredibility} hint="Admiralty 1–6: how far this information can be believed." />
        <TextArea label="Excerpt" value={excerpt} onChange={setExcerpt} rows={4} hint="The exact quote." />
        <TextField label="Locator" value={locator} onChange={setLocator} hint="Page, paragraph, timestamp or URL fragment." />
        <TextArea label="Evidence note" value={note} onChange={setNote} rows={2} />
        <ErrorText error={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Add evidence
          </button>
        </div>
      </form>
    </Dialog>
  );
}
