/** Handlers of the captured-documents methods (issue 13). Placeholders until the store lands. */
import type { ApiHandlers } from '../../core/api';
import { CaseError } from '../errors';
import type { Ctx } from './context';

type H = Pick<ApiHandlers, 'captures.attach' | 'captures.list' | 'captures.get' | 'captures.bytes' | 'captures.locate'>;

const notYet = (): never => {
  throw new CaseError('internal', 'Captured documents are not built yet.');
};

export function captureHandlers(_ctx: Ctx): H {
  return {
    'captures.attach': notYet,
    'captures.list': notYet,
    'captures.get': notYet,
    'captures.bytes': notYet,
    'captures.locate': notYet,
  };
}
