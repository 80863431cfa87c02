import type { ApiHandlers } from '../../core/api';
import { trashedClaims, trashedSources } from '../repos/trash';
import type { Ctx } from './context';

export function trashHandlers(ctx: Ctx): Pick<ApiHandlers, 'trash.list'> {
  return {
    'trash.list': (input) => ({ claims: trashedClaims(ctx.db, input.limit), sources: trashedSources(ctx.db, input.limit) }),
  };
}
