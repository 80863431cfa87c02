/** captures.fetch: capture a web page by URL (issue 13). PLACEHOLDER until the fetcher lands. */
import type { ApiHandlers } from '../../core/api';
import { CaseError } from '../errors';
import type { Ctx } from './context';

export function captureUrlHandlers(_ctx: Ctx): Pick<ApiHandlers, 'captures.fetch'> {
  return {
    'captures.fetch': () => {
      throw new CaseError('internal', 'Capturing a URL is not built yet.');
    },
  };
}
