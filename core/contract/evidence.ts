import { z } from 'zod';
import { STANCES, type Evidence } from '../types';
import { DEFAULT_CREDIBILITY } from '../grades';
import { evidenceRecord } from '../records/records';
import { mutation } from './define';
import { inputFields } from './from-record';
import { textProblem } from '../text';
import { credibility, id, optionalText, rationale, weight } from './fields';

const stance = z.enum(STANCES, { message: 'must be supports, refutes or context' });

/** Context kept as given (not trimmed): it is compared with the document's text around the quote. */
const context = (max: number) => z.string().max(max, `must be at most ${max} characters`).refine((s) => !textProblem(s), 'is not valid text');

/** Where the quote was selected in a capture (from captures.locate); it chooses among several hits. */
const quoteSelectors = z.object({
  exact: context(50_000),
  prefix: context(200),
  suffix: context(200),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  page: z.number().int().min(1),
});

/** What an evidence item says (shared by evidence.create and a new claim's first evidence). */
const derived = inputFields(evidenceRecord, ['excerpt', 'locator', 'note']);

export const evidenceFields = {
  stance,
  // Quote, locator and note derived from the declaration (core/contract/from-record.ts); a create fills the declared default.
  excerpt: derived.excerpt.unwrap().default(evidenceRecord.fields.excerpt.default),
  locator: derived.locator,
  credibility: credibility.default(DEFAULT_CREDIBILITY),
  weight: weight.default(1),
  note: derived.note.unwrap().default(evidenceRecord.fields.note.default),
  attribution: z.boolean().default(false),
};

export const evidenceMethods = {
  'evidence.create': mutation<Evidence>()(
    z.object({
      claimId: id,
      sourceId: id,
      ...evidenceFields,
      /** Set by the document viewer: the selection the excerpt was taken from (issue 13). */
      selectors: quoteSelectors.optional(),
    }),
  ),
  'evidence.update': mutation<Evidence>()(
    z.object({
      id,
      stance: stance.optional(),
      excerpt: derived.excerpt,
      locator: derived.locator,
      credibility: credibility.optional(),
      weight: weight.optional(),
      note: derived.note,
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
