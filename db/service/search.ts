/** search.query: full-text search (db/search.ts). */
import type { ApiHandlers } from '../../core/api';
import { search } from '../search';
import type { Ctx } from './context';

export function searchHandlers(ctx: Ctx): Pick<ApiHandlers, 'search.query'> {
  return {
    'search.query': (input) => search(ctx.db, input.q, input.limit, input.kinds),
  };
}
