/**
 * The sidebar's line for a team copy (team.status): "Team: NAME · N pending · last sync TIME".
 * The app does not sync yet: changes wait as pending until `claimtrail sync` pushes them, so being
 * offline or unsynced shows as pending changes. The time is the server's, of the newest team event
 * this copy holds.
 */
import type { TeamStatus } from '../../../../core/contract/team';
import { SafeText } from '../../components/SafeText';
import { utcMinute } from './time';
import './team.css';

export function TeamIndicator({ team }: { team: TeamStatus }) {
  const tip =
    `Team case “${team.name}” on ${team.server || 'the server of the PG* environment'}. ` +
    `${team.pending === 1 ? '1 local change waits' : `${team.pending} local changes wait`} to be pushed. ` +
    `Last sync: ${team.lastPulledAt ? `the server time of team event ${team.head}, the newest this copy holds` : 'this copy holds no team event yet'}. ` +
    'The app does not sync yet: sync with `claimtrail sync`.';
  return (
    <p className="team-status" title={tip} data-testid="team-status">
      Team: <SafeText text={team.name} /> · {team.pending} pending · last sync{' '}
      {team.lastPulledAt ? <time dateTime={team.lastPulledAt}>{utcMinute(team.lastPulledAt)}</time> : 'never'}
    </p>
  );
}
