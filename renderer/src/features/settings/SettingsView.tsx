/** Case settings: analyst name (the actor in the history) and the handling caveat for briefings. */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorText, TextField } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';
import { mutate } from '../../store/mutate';

export function SettingsView() {
  const info = useApp((s) => s.info);
  const [analystName, setAnalystName] = useState('');
  const [caveat, setCaveat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!info) return;
    setAnalystName(info.settings.analystName);
    setCaveat(info.settings.caveat);
  }, [info]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const err = await mutate(() => api.call('settings.update', { analystName, caveat }), 'Settings saved', 'claim');
    setError(err);
    setSaved(!err);
  };
  return (
    <section className="view" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {info && (
        <dl className="facts">
          <dt>Case</dt>
          <dd>
            <SafeText text={info.title} />
          </dd>
          <dt>File</dt>
          <dd>
            <SafeText text={info.path} className="mono" />
          </dd>
          <dt>Contents</dt>
          <dd>
            {info.counts.claims} claims, {info.counts.sources} sources, {info.counts.evidence} evidence, {info.counts.disputes} disputes, {info.counts.events} history events
          </dd>
        </dl>
      )}
      <form onSubmit={submit}>
        <TextField label="Analyst name" value={analystName} onChange={(v) => (setAnalystName(v), setSaved(false))} />
        <TextField label="Handling caveat" value={caveat} onChange={(v) => (setCaveat(v), setSaved(false))} hint="Printed at the head of every briefing." />
        <ErrorText error={error} />
        <button type="submit" className="primary">
          Save settings
        </button>
        {saved && <span role="status"> Saved.</span>}
      </form>
    </section>
  );
}
