/** team.status, team.conflicts, team.resolveConflict: a team copy as the app shows it (db/team/app.ts). */
import type { ApiHandlers } from '../../core/api';
import { conflictsForApp, resolveConflictAs, teamStatus } from '../team/app';
import type { Ctx } from './context';

type H = Pick<ApiHandlers, 'team.status' | 'team.conflicts' | 'team.resolveConflict'>;

export function teamHandlers(ctx: Ctx): H {
  return {
    'team.status': () => teamStatus(ctx.db),
    'team.conflicts': (input) => conflictsForApp(ctx.db, input.all),
    // A mutation: the contract layer (db/api.ts) runs it in one unit; resolveConflict's own unit nests in it as a savepoint.
    'team.resolveConflict': (input) => resolveConflictAs(ctx.db, input.id, input.rationale ?? null, ctx.actor(), ctx.now()),
  };
}
