import { z } from 'zod';
import type { Dispute } from '../types';
import { mutation } from './define';
import { id, isoDate, requiredText } from './fields';

export const disputeMethods = {
  'disputes.open': mutation<Dispute>()(
    z.object({
      claimId: id,
      raisedBy: requiredText(500),
      position: requiredText(20_000),
      evidenceIds: z.array(id).max(500).default([]),
      /** When the challenge was raised, if not now (imports, back-filled records). */
      openedAt: isoDate.optional(),
    }),
  ),
  'disputes.respond': mutation<Dispute>()(z.object({ id, author: requiredText(500), text: requiredText(20_000) })),
  'disputes.resolve': mutation<Dispute>()(z.object({ id, resolution: requiredText(20_000) })),
};
