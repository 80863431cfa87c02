/**
 * The duplicate review queue (issue 18.3, docs/duplicates.md): candidate pairs of claims (the
 * similar-claim matcher) and of sources (the same URL or DOI), merges that can be undone, and pairs
 * the analyst kept apart.
 */
import { z } from 'zod';
import { mutation, query } from './define';
import { id, optionalText } from './fields';

export const DUPLICATE_ENTITIES = ['claim', 'source'] as const;
export type DuplicateEntity = (typeof DUPLICATE_ENTITIES)[number];

/** Why a pair is offered: same telling words, same wording (one text contains the other), same URL, same DOI. */
export const DUPLICATE_REASONS = ['same-words', 'same-wording', 'same-url', 'same-doi'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** How a reviewed pair was kept apart. */
export const DUPLICATE_VERDICTS = ['not-duplicate', 'keep-both'] as const;
export type DuplicateVerdict = (typeof DUPLICATE_VERDICTS)[number];

/** One side of a pair, as the queue shows it side by side. */
export interface DuplicateSide {
  id: string;
  /** The claim's text or the source's title. */
  title: string;
  /** What tells the two apart, in a fixed order for both sides (label, value; '' when none). */
  facts: { label: string; value: string }[];
}

export interface DuplicateCandidate {
  entity: DuplicateEntity;
  reason: DuplicateReason;
  /** The reason in words, with the number behind it. */
  explanation: string;
  /** 0–1: the weighted Dice of the two claims' words, the containment of their wording, or 1 for the same URL/DOI. */
  score: number;
  a: DuplicateSide;
  b: DuplicateSide;
}

/** What one merge moved to the survivor (counts; the exact rows are kept in the case for the un-merge). */
export interface MergeMoved {
  evidence: number;
  disputes: number;
  links: number;
  tags: number;
  /** Sources: sources derived from the merged one, now derived from the survivor. */
  derived: number;
  captures: number;
  /** Sources: captures left on the merged source because the survivor already holds the same bytes. */
  capturesKept: number;
}

export interface MergeRecord {
  id: string;
  entity: DuplicateEntity;
  survivorId: string;
  survivorTitle: string;
  mergedId: string;
  mergedTitle: string;
  reason: string;
  score: number | null;
  moved: MergeMoved;
  createdAt: string;
  undoneAt: string | null;
}

export interface ReviewedPair {
  entity: DuplicateEntity;
  aId: string;
  aTitle: string;
  bId: string;
  bTitle: string;
  verdict: DuplicateVerdict;
  rationale: string | null;
  createdAt: string;
}

export interface DuplicateQueue {
  claims: DuplicateCandidate[];
  sources: DuplicateCandidate[];
  /** Live merges first, newest first, then undone ones. */
  merges: MergeRecord[];
  reviewed: ReviewedPair[];
}

const entity = z.enum(DUPLICATE_ENTITIES, { message: `must be one of: ${DUPLICATE_ENTITIES.join(', ')}` });

export const duplicateMethods = {
  'duplicates.list': query<DuplicateQueue>()(
    z
      .object({ entity: entity.optional(), limit: z.number().int().min(1).max(1000).default(200) })
      .default({ limit: 200 }),
  ),
  /** Merges `mergedId` into `survivorId`: its evidence, disputes, links, tags (claims) or evidence, lineage, captures (sources) move over. */
  'duplicates.merge': mutation<MergeRecord>()(
    z.object({ entity, survivorId: id, mergedId: id, rationale: optionalText(20_000) }),
  ),
  /** Undoes a live merge, named by its id or by the merged claim's or source's id. */
  'duplicates.unmerge': mutation<MergeRecord>()(z.object({ id, rationale: optionalText(20_000) })),
  /** Keeps a pair apart for good: never offered again. */
  'duplicates.dismiss': mutation<ReviewedPair>()(
    z.object({
      entity,
      aId: id,
      bId: id,
      verdict: z.enum(DUPLICATE_VERDICTS, { message: `must be one of: ${DUPLICATE_VERDICTS.join(', ')}` }).default('not-duplicate'),
      rationale: optionalText(20_000),
    }),
  ),
};
