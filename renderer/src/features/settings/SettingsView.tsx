/** Case settings: analyst name (the actor in the history), the handling caveat for briefings, rolling backups kept. */
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
  const [backupsToKeep, setBackupsToKeep] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!info) return;
    setAnalystName(info.settings.analystName);
    setCaveat(info.settings.caveat);
    setBackupsToKeep(String(info.settings.backupsToKeep));
  }, [info]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const keep = Number(backupsToKeep);
    // A whole number goes to the contract, which states the range; anything else is refused here, at the field.
    if (backupsToKeep.trim() === '' || !Number.isInteger(keep)) {
      setError('Backups to keep: must be a whole number (0 turns rolling backups off).');
      return;
    }
    const err = await mutate(() => api.call('settings.update', { analystName, caveat, backupsToKeep: keep }), 'Settings saved', 'claim');
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
        <TextField
          label="Analyst name"
          value={analystName}
          onChange={(v) => (setAnalystName(v), setSaved(false))}
          hint="Yours, for every case on this computer: each change in the history and each briefing carries it."
        />
        <TextField label="Handling caveat" value={caveat} onChange={(v) => (setCaveat(v), setSaved(false))} hint="Printed at the head of every briefing." />
        <TextField
          label="Backups to keep"
          value={backupsToKeep}
          inputMode="decimal"
          onChange={(v) => (setBackupsToKeep(v), setSaved(false))}
          hint="One automatic backup a day is taken when the case opens; this many are kept (0 turns them off)."
        />
        <ErrorText error={error} />
        <button type="submit" className="primary">
          Save settings
        </button>
        {saved && <span role="status"> Saved.</span>}
      </form>
    </section>
  );
}
