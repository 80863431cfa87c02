/**
 * claims.create with `firstEvidence`: the claim, a new source if asked, and the evidence item, in
 * one transaction (nested savepoints of the outer one), each written by its own handler with its own
 * event. A refusal of any part names its field from the top of the input ("firstEvidence.newSource.title")
 * and leaves nothing behind.
 */
import type { ApiHandlers } from '../../core/api';
import { within } from '../errors';
import { claimById } from './claims';
import { type Ctx } from './context';

type Parts = Pick<ApiHandlers, 'claims.create' | 'sources.create' | 'evidence.create'>;

export function firstEvidenceHandlers(ctx: Ctx, parts: Parts): Pick<ApiHandlers, 'claims.create'> {
  return {
    'claims.create': (input) => {
      const { firstEvidence, ...claimInput } = input;
      const claim = parts['claims.create'](claimInput);
      if (!firstEvidence) return claim;
      const { sourceId, newSource, ...fields } = firstEvidence;
      const source = newSource ? within(['firstEvidence', 'newSource'], () => parts['sources.create'](newSource)).id : sourceId!;
      within(['firstEvidence'], () => parts['evidence.create']({ claimId: claim.id, sourceId: source, ...fields }));
      return claimById(ctx, claim.id);
    },
  };
}
