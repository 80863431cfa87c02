/** Links between claims (depends on, contradicts, duplicate of, part of). */
import { z } from 'zod';
import { LINK_KINDS, type ClaimLink } from '../types';
import { mutation } from './define';
import { id, text } from './fields';

export const linkMethods = {
  'links.create': mutation<ClaimLink>()(
    z.object({
      fromId: id,
      toId: id,
      kind: z.enum(LINK_KINDS, { message: `must be one of: ${LINK_KINDS.join(', ')}` }),
      note: text(2_000).default(''),
    }),
  ),
  'links.delete': mutation<{ id: string }>()(z.object({ id })),
};
