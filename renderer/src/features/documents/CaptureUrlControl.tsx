/** Capture: a web address → `captures.fetch` into this source (the fetcher enforces its limits). */
import { useState, type FormEvent } from 'react';
import type { CaptureOutcome } from '../../../../core/contract/captures';
import { api } from '../../api/client';
import { ErrorText, TextField } from '../../components/fields';
import { mutate } from '../../store/mutate';
import { OutcomeNote } from './OutcomeNote';

export function CaptureUrlControl({ sourceId, onDone }: { sourceId: string; onDone(): void }) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<CaptureOutcome | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setOutcome(null);
    setBusy(true);
    let result: CaptureOutcome | null = null;
    const err = await mutate(async () => (result = await api.call('captures.fetch', { url: url.trim(), sourceId })), 'Page captured');
    setBusy(false);
    if (err) return setError(err);
    setOutcome(result);
    setUrl('');
    onDone();
  };
  return (
    <form className="inline-form capture-url" onSubmit={submit}>
      <TextField label="Capture a web address" type="url" value={url} onChange={setUrl} hint="http or https; fetched without cookies or credentials." />
      <button type="submit" disabled={busy || !url.trim()}>
        {busy ? 'Capturing…' : 'Capture'}
      </button>
      {busy && <progress aria-label="Capturing the page" />}
      <ErrorText error={error} />
      {outcome && <OutcomeNote outcome={outcome} />}
    </form>
  );
}
