import { z } from 'zod';
import type { Block } from '../briefing/blocks';
import type { EstimativeWarning } from '../briefing/estimative-check';
import { BRIEFING_FORMATS, type RenderedBriefing } from '../briefing/render';
import type { Briefing, BriefingSelection } from '../briefing/types';
import { mutation, query } from './define';
import { id, tagName, text } from './fields';

export const briefingSelection = z
  .object({
    query: text(2_000).optional(),
    tag: tagName.optional(),
    claimIds: z.array(id).max(5_000).optional(),
    boardIds: z.array(id).max(50).optional(),
  })
  .refine((s) => !!(s.query || s.tag || s.claimIds?.length || s.boardIds?.length), 'choose claims: a query, a tag or claim ids (or an ACH board)');

export const composeInput = z.object({
  selection: briefingSelection,
  title: text(300).optional(),
  /** The analyst's BLUF; empty or absent: drafted from the strongest judgments. */
  bluf: text(20_000).optional(),
  /** Carry a signed statement of the history head (exports; saved versions always do). */
  signed: z.boolean().optional(),
});

/** A composed (unsaved) briefing. */
export interface ComposedBriefing {
  briefing: Briefing;
  /** The same content as blocks, for previews. */
  blocks: Block[];
  markdown: string;
  /** Estimative-language problems in the BLUF and the key judgments. */
  warnings: EstimativeWarning[];
}

export interface BriefingVersion {
  id: string;
  title: string;
  selection: BriefingSelection;
  selectionKey: string;
  createdAt: string;
  /** 1 for the first saved briefing on this selection, 2 for the next… */
  version: number;
  claimCount: number;
  /** Why the version is out of date (an assumption under its claims failed after it was saved); empty when current. */
  stale?: string[];
}

export interface SavedBriefing extends BriefingVersion, ComposedBriefing {}

export const briefingMethods = {
  'briefings.compose': query<ComposedBriefing>()(composeInput),
  /** Composes and stores a version (its Markdown and a snapshot), so the next one can say what changed. */
  'briefings.save': mutation<SavedBriefing>()(composeInput),
  'briefings.list': query<BriefingVersion[]>()(
    z.object({ selection: briefingSelection.optional(), limit: z.number().int().min(1).max(1000).default(100) }).default({ limit: 100 }),
  ),
  'briefings.get': query<SavedBriefing>()(z.object({ id })),
  /** A saved version (by id) or a fresh composition, as a file: md, html or docx (base64). */
  'briefings.render': query<RenderedBriefing>()(
    z
      .object({
        id: id.optional(),
        selection: briefingSelection.optional(),
        title: composeInput.shape.title,
        bluf: composeInput.shape.bluf,
        format: z.enum(BRIEFING_FORMATS, { message: `must be one of: ${BRIEFING_FORMATS.join(', ')}` }),
      })
      .refine((r) => !!r.id !== !!r.selection, 'give either the id of a saved briefing or a selection to compose'),
  ),
};
