import { z } from 'zod';
import { DISPUTE_OUTCOMES, type Dispute } from '../types';
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
  'disputes.resolve': mutation<Dispute>()(
    z.object({
      id,
      resolution: requiredText(20_000),
      /** Upheld (the challenge was right), rejected, or partly upheld. The app always asks; older callers may leave it out (stored as not recorded). */
      outcome: z.enum(DISPUTE_OUTCOMES).optional(),
    }),
  ),
};
