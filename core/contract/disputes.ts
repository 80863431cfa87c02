import { z } from 'zod';
import { DISPUTE_OUTCOMES, type Dispute } from '../types';
import { disputeRecord, disputeResponseRecord } from '../records/records';
import { mutation } from './define';
import { inputFields } from './from-record';
import { id, isoDate, requiredText } from './fields';

export const disputeMethods = {
  'disputes.open': mutation<Dispute>()(
    z.object({
      claimId: id,
      ...inputFields(disputeRecord, ['raised_by', 'position']),
      evidenceIds: z.array(id).max(500).default([]),
      /** When the challenge was raised, if not now (imports, back-filled records). */
      openedAt: isoDate.optional(),
    }),
  ),
  'disputes.respond': mutation<Dispute>()(z.object({ id, ...inputFields(disputeResponseRecord, ['author', 'text']) })),
  'disputes.resolve': mutation<Dispute>()(
    z.object({
      id,
      resolution: requiredText(20_000),
      /** Upheld (the challenge was right), rejected, or partly upheld. The app always asks; older callers may leave it out (stored as not recorded). */
      outcome: z.enum(DISPUTE_OUTCOMES).optional(),
    }),
  ),
};
