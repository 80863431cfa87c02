/**
 * The sidebar's line for a team copy (team.status): "Team: NAME · N pending · last sync TIME", and
 * Sync now (team.sync: pull what teammates wrote, push the outbox, with the server the copy keeps and
 * the credentials of the app's environment: PGPASSWORD, PGPASSFILE). Being offline shows as pending
 * changes and a sync that fails with the server's reason. The time is the server's, of the newest
 * team event this copy holds.
 */
import { useState } from 'react';
import type { TeamStatus } from '../../../../core/contract/team';
import { api } from '../../api/client';
import { ErrorText } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { mutate } from '../../store/mutate';
import { utcMinute } from './time';
import './team.css';

export function TeamIndicator({ team }: { team: TeamStatus }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tip =
    `Team case “${team.name}” on ${team.server || 'the server of the PG* environment'}. ` +
    `${team.pending === 1 ? '1 local change waits' : `${team.pending} local changes wait`} to be pushed. ` +
    `Last sync: ${team.lastPulledAt ? `the server time of team event ${team.head}, the newest this copy holds` : 'this copy holds no team event yet'}. ` +
    'Credentials come from the app’s environment (PGPASSWORD or PGPASSFILE); `claimtrail sync --watch` keeps a copy in step.';
  const syncNow = async () => {
    setBusy(true);
    setError(await mutate(() => api.call('team.sync', {}), 'Team case synced'));
    setBusy(false);
  };
  return (
    <div className="team-status" title={tip} data-testid="team-status">
      <p className="team-line">
        Team: <SafeText text={team.name} /> · {team.pending} pending · last sync{' '}
        {team.lastPulledAt ? <time dateTime={team.lastPulledAt}>{utcMinute(team.lastPulledAt)}</time> : 'never'}
      </p>
      <button type="button" disabled={busy} onClick={() => void syncNow()}>
        {busy ? 'Syncing…' : 'Sync now'}
      </button>
      <ErrorText error={error} />
    </div>
  );
}
