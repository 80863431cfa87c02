/** Structured analytic techniques (issue 18): ACH boards, key assumptions, indicators. */
import { z } from 'zod';
import { RATINGS, type AchScores, type Rating } from '../analysis/ach';
import type { Credibility, Reliability } from '../grades';
import { mutation, query } from './define';
import { id, isoDate, optionalText, rationale, requiredText, text } from './fields';

export const LEVELS = ['high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];
export const INDICATOR_DIRECTIONS = ['supports', 'undercuts'] as const;
export const INDICATOR_STATES = ['not-observed', 'observed', 'contradicted'] as const;
export type IndicatorState = (typeof INDICATOR_STATES)[number];

const level = (what: string) => z.enum(LEVELS, { message: `must be the ${what}: high, medium or low` });
const rating = z.enum(RATINGS, { message: `must be a rating: ${RATINGS.join(', ')}` });

/** A hypothesis of a board is one of the case's claims. */
export interface AchHypothesis {
  claimId: string;
  /** "H1", "H2"… in the order they were added. */
  label: string;
  text: string;
}

/** An evidence row of a board: one evidence item of the case, with the grades its weight comes from. */
export interface AchRow {
  evidenceId: string;
  /** "E1", "E2"… in the order they were added. */
  label: string;
  claimId: string;
  sourceId: string;
  sourceTitle: string;
  excerpt: string;
  stance: 'supports' | 'refutes' | 'context';
  grade: string;
  reliability: Reliability;
  credibility: Credibility;
  relevance: number;
  /** Pulled in from a hypothesis's evidence, or added by hand. */
  added: 'hypothesis' | 'hand';
  /** Why the row is rated as it is (the analyst's note on the row). */
  note: string;
}

export interface AchRatingView {
  evidenceId: string;
  claimId: string;
  analyst: string;
  rating: Rating;
  ratedAt: string;
}

export interface AchBoard {
  id: string;
  title: string;
  question: string;
  createdAt: string;
  updatedAt: string;
  hypotheses: AchHypothesis[];
  rows: AchRow[];
  ratings: AchRatingView[];
  /** Computed by core/analysis/ach.ts; row and hypothesis ids are evidence and claim ids. */
  scores: AchScores;
  /** One sentence on what the matrix shows. */
  reading: string;
}

export interface AchBoardSummary {
  id: string;
  title: string;
  question: string;
  hypotheses: number;
  rows: number;
  /** The leading hypothesis's claim id, or null. */
  leader: string | null;
  updatedAt: string;
}

export interface Assumption {
  id: string;
  text: string;
  owner: string;
  /** How likely it holds. */
  likelihood: Level;
  /** How much the judgments suffer if it is wrong. */
  impact: Level;
  state: 'held' | 'failed';
  failedAt: string | null;
  failedWhy: string | null;
  createdAt: string;
  claims: { id: string; text: string }[];
}

export interface Indicator {
  id: string;
  text: string;
  claimId: string;
  claimText: string;
  direction: (typeof INDICATOR_DIRECTIONS)[number];
  state: IndicatorState;
  observedOn: string | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export const analysisMethods = {
  'ach.create': mutation<AchBoard>()(
    z.object({
      title: requiredText(300),
      question: text(2_000).default(''),
      claimIds: z.array(id).min(2, 'must name at least two competing claims').max(12, 'must name at most 12 claims'),
      /** Pull every evidence item of the hypotheses into the board (default true). */
      pullEvidence: z.boolean().default(true),
    }),
  ),
  'ach.list': query<AchBoardSummary[]>()(z.object({}).default({})),
  'ach.get': query<AchBoard>()(z.object({ id })),
  /** Adds a hypothesis (a claim, with its evidence unless pullEvidence is false) or an evidence row by hand. */
  'ach.add': mutation<AchBoard>()(
    z
      .object({ id, claimId: id.optional(), evidenceId: id.optional(), pullEvidence: z.boolean().default(true), note: text(5_000).default('') })
      .refine((x) => !!x.claimId !== !!x.evidenceId, 'give either claimId (a hypothesis) or evidenceId (an evidence row)'),
  ),
  /** Sets (or, with rating null, clears) one analyst's rating of one cell. */
  'ach.rate': mutation<AchBoard>()(
    z.object({ id, evidenceId: id, claimId: id, rating: rating.nullable(), analyst: requiredText(500).optional() }),
  ),

  'assumptions.add': mutation<Assumption>()(
    z.object({
      text: requiredText(5_000),
      owner: text(500).default(''),
      likelihood: level('likelihood it holds'),
      impact: level('impact if wrong'),
      claimIds: z.array(id).min(1, 'must name at least one claim the assumption underpins').max(500),
    }),
  ),
  'assumptions.list': query<Assumption[]>()(z.object({ claimId: id.optional() }).default({})),
  /** Marks the assumption failed: every dependent claim is flagged for review, its briefings as stale. */
  'assumptions.fail': mutation<Assumption>()(z.object({ id, why: rationale })),

  'indicators.add': mutation<Indicator>()(
    z.object({
      text: requiredText(5_000),
      claimId: id,
      direction: z.enum(INDICATOR_DIRECTIONS, { message: 'must be supports or undercuts' }),
    }),
  ),
  'indicators.list': query<Indicator[]>()(z.object({ claimId: id.optional() }).default({})),
  'indicators.observe': mutation<Indicator>()(
    z.object({
      id,
      state: z.enum(INDICATOR_STATES, { message: `must be one of: ${INDICATOR_STATES.join(', ')}` }).default('observed'),
      /** When it was (or was seen not to be) observed; default today. */
      on: isoDate.optional(),
      note: optionalText(5_000),
    }),
  ),
};
