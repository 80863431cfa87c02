/**
 * The Conflicts view of a team copy (team.conflicts): same-field changes two analysts made without
 * seeing each other's, each with the record (a link to the claim when it is one), the field, both
 * sides (who, what, when), which stands, and Resolve with an optional rationale
 * (team.resolveConflict). Resolved conflicts are behind the "Resolved" toggle.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TeamConflict, TeamConflictSide, TeamValue } from '../../../../core/contract/team';
import { api, errorMessage } from '../../api/client';
import { ErrorText, TextField } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';
import { mutate } from '../../store/mutate';
import { utcMinute } from './time';
import './team.css';

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);
const capital = (s: string) => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}`;

/** What the conflict is about, in words: "claim “…”" or "evidence 01J…". */
const recordName = (c: TeamConflict) => (c.claim ? `claim “${short(c.claim.text)}”` : `${c.entity} ${c.record}`);

function Value({ value }: { value: TeamValue }) {
  if (value === null || value === '') return <span className="muted">(empty)</span>;
  return <SafeText text={String(value)} />;
}

function SideRow({ title, side, stands }: { title: string; side: TeamConflictSide; stands: boolean }) {
  return (
    <tr className={stands ? 'stands' : undefined}>
      <th scope="row">{title}</th>
      <td>
        <SafeText text={side.author} />
      </td>
      <td>
        <Value value={side.value} />
      </td>
      <td>
        <time dateTime={side.at}>{utcMinute(side.at)}</time>
      </td>
      <td>{stands ? 'Stands' : 'Overwritten'}</td>
    </tr>
  );
}

function ResolveForm({ conflict, onResolved }: { conflict: TeamConflict; onResolved(): void }) {
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const err = await mutate(() => api.call('team.resolveConflict', { id: conflict.id, rationale: rationale.trim() || null }), 'Conflict resolved');
    setBusy(false);
    setError(err);
    if (!err) onResolved();
  };
  return (
    <form className="conflict-resolve" aria-label={`Resolve the conflict on ${recordName(conflict)}`} onSubmit={submit}>
      <TextField label="Rationale (optional)" value={rationale} onChange={setRationale} />
      <button type="submit" className="primary" disabled={busy} aria-label={`Resolve: ${recordName(conflict)}, ${conflict.label}`}>
        Resolve
      </button>
      <ErrorText error={error} />
    </form>
  );
}

function ConflictCard({ conflict: c, onResolved }: { conflict: TeamConflict; onResolved(): void }) {
  const openClaim = useApp((s) => s.openClaim);
  const headingId = `conflict-${c.id}`;
  return (
    <article className="conflict" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {capital(c.entity)}: {c.claim ? <SafeText text={c.claim.text} /> : <code>{c.record}</code>}
      </h3>
      <p>
        Field: <strong>{c.label}</strong>
        {c.label !== c.field && <span className="muted"> ({c.field})</span>}{' '}
        {c.claim && (
          <button type="button" className="small" aria-label={`Open claim: ${short(c.claim.text)}`} onClick={() => openClaim(c.claim!.id)}>
            Open claim
          </button>
        )}
      </p>
      <table className="table">
        <caption className="visually-hidden">Both changes of {c.label}</caption>
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">By</th>
            <th scope="col">Value</th>
            <th scope="col">When</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          <SideRow title="Earlier" side={c.theirs} stands={false} />
          <SideRow title="Later" side={c.ours} stands />
        </tbody>
      </table>
      {c.resolved ? (
        <p>
          Resolved by <SafeText text={c.resolved.by} /> <time dateTime={c.resolved.at}>{utcMinute(c.resolved.at)}</time>
          {c.resolved.rationale ? (
            <>
              : <SafeText text={c.resolved.rationale} />
            </>
          ) : (
            <span className="muted"> (no rationale given)</span>
          )}
        </p>
      ) : (
        <ResolveForm conflict={c} onResolved={onResolved} />
      )}
    </article>
  );
}

export function ConflictsView() {
  const [all, setAll] = useState<TeamConflict[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const reload = useCallback(() => {
    api.call('team.conflicts', { all: true }).then(
      (list) => {
        setAll(list);
        setError(null);
      },
      (e) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(reload, [reload]);
  const open = all?.filter((c) => !c.resolved) ?? [];
  const resolved = all?.filter((c) => c.resolved) ?? [];
  return (
    <section className="view" aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">Conflicts</h1>
      <p className="muted">
        Two analysts changed the same field of the same record without seeing each other’s change. The team log keeps both values; the later one stands on
        every copy. Resolving records that both were seen, with why; the standing value stays (to keep the other one, edit the record first, then resolve).
        Resolutions reach the team with the next <code>claimtrail sync</code>.
      </p>
      <ErrorText error={error} />
      <section aria-labelledby="conflicts-open">
        <h2 id="conflicts-open">Open conflicts{all ? ` (${open.length})` : ''}</h2>
        {all && open.length === 0 && <p className="muted">No open conflicts.</p>}
        {open.map((c) => (
          <ConflictCard key={c.id} conflict={c} onResolved={reload} />
        ))}
      </section>
      <button type="button" aria-expanded={showResolved} onClick={() => setShowResolved(!showResolved)}>
        Resolved ({resolved.length})
      </button>
      {showResolved && (
        <section id="conflicts-resolved" aria-labelledby="conflicts-resolved-title">
          <h2 id="conflicts-resolved-title">Resolved conflicts</h2>
          {resolved.length === 0 && <p className="muted">None resolved yet.</p>}
          {resolved.map((c) => (
            <ConflictCard key={c.id} conflict={c} onResolved={reload} />
          ))}
        </section>
      )}
    </section>
  );
}
