import { z } from 'zod';
import { STANCES, type Evidence } from '../types';
import { mutation } from './define';
import { credibility, id, optionalText, rationale, text, weight } from './fields';

const stance = z.enum(STANCES, { message: 'must be supports, refutes or context' });

export const evidenceMethods = {
  'evidence.create': mutation<Evidence>()(
    z.object({
      claimId: id,
      sourceId: id,
      stance,
      excerpt: text(50_000).default(''),
      locator: optionalText(500),
      credibility: credibility.default(6),
      weight: weight.default(1),
      note: text(20_000).default(''),
      attribution: z.boolean().default(false),
    }),
  ),
  'evidence.update': mutation<Evidence>()(
    z.object({
      id,
      stance: stance.optional(),
      excerpt: text(50_000).optional(),
      locator: optionalText(500),
      credibility: credibility.optional(),
      weight: weight.optional(),
      note: text(20_000).optional(),
      attribution: z.boolean().optional(),
    }),
  ),
  /**
   * The analyst's word on two items with near-identical quotes: independent (both count as their own
   * origins) or not (the default: the weaker counts as a possible copy). Declaring lineage instead is
   * done on the source (derivedFromId).
   */
  'evidence.setIndependent': mutation<{ a: string; b: string; independent: boolean }>()(
    z.object({ a: id, b: id, independent: z.boolean().default(true), rationale: optionalText(20_000) }),
  ),
  'evidence.delete': mutation<{ id: string }>()(z.object({ id, rationale: rationale.optional() })),
};
