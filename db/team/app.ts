/**
 * What the app shows of a team copy (the team.* contract methods, db/service/team.ts): its status,
 * its conflicts with the claim each names, and closing one as the analyst the contract acts for.
 * Reads and writes only the local file; syncing is the CLI's (`claimtrail sync`).
 */
import type { TeamConflict, TeamResolution, TeamStatus } from '../../core/contract/team';
import type { DB } from '../sql';
import { resolveConflict, teamConflicts } from './conflicts';
import { lastPulled, outboxCount, requireLink, teamLink } from './sync';

export function teamStatus(db: DB): TeamStatus | null {
  const link = teamLink(db);
  if (!link) return null;
  const head = lastPulled(db).seq;
  const at = db.prepare('SELECT at FROM team_log WHERE seq = ?').pluck().get(head) as string | undefined;
  return {
    name: link.name,
    server: link.server,
    pending: outboxCount(db),
    head,
    lastPulledAt: at ?? null,
    openConflicts: teamConflicts(db).filter((c) => !c.resolved).length,
  };
}

/** The conflicts (open ones, or all), each with its claim when the record is a claim this copy holds. */
export function conflictsForApp(db: DB, all: boolean): TeamConflict[] {
  requireLink(db);
  const claim = db.prepare('SELECT id, text FROM claims WHERE id = ?');
  return teamConflicts(db)
    .filter((c) => all || !c.resolved)
    .map((c) => ({ ...c, claim: c.entity === 'claim' ? ((claim.get(c.record) as { id: string; text: string } | undefined) ?? null) : null }));
}

/**
 * Resolves a conflict as `actor`, inside the caller's unit (the contract's mutation): the event is
 * held until that unit ends, so what it recorded is answered from here, not re-read.
 */
export function resolveConflictAs(db: DB, id: string, rationale: string | null, actor: string, at: string): TeamResolution {
  requireLink(db);
  resolveConflict(db, id, rationale, at, actor);
  return { id, by: actor, at, rationale };
}
