import { z } from 'zod';
import type { CaseEvent, CaseInfo, ClaimLink, SearchResult, Settings, VerifyResult } from '../types';
import { LINK_KINDS, SEARCH_KINDS } from '../types';
import { mutation, query } from './define';
import { id, requiredText, text, url } from './fields';

/** The case settings as the API accepts them; JSON imports check a case's settings with the same schema. */
export const settingsInput = z.object({
  analystName: text(200).optional(),
  caveat: text(2_000).optional(),
  backupsToKeep: z.number().int().min(0).max(1000).optional(),
  /** An http(s) URL, or '' for none. */
  reviewBaseUrl: z.union([z.literal(''), url.refine((u) => /^https?:/i.test(u), 'must be an http or https URL')]).optional(),
});

/** A case title (imports set it; the same rules as every stored text). */
export const caseTitle = text(500).nullable();

export const miscMethods = {
  'case.info': query<CaseInfo>()(z.object({}).default({})),
  /** The case's display name (the file name stays; `case.info` title). */
  'case.rename': mutation<CaseInfo>()(z.object({ title: requiredText(500) })),
  'settings.update': mutation<Settings>()(settingsInput),
  'tags.list': query<{ name: string; count: number }[]>()(z.object({}).default({})),
  'links.create': mutation<ClaimLink>()(
    z.object({
      fromId: id,
      toId: id,
      kind: z.enum(LINK_KINDS, { message: `must be one of: ${LINK_KINDS.join(', ')}` }),
      note: text(2_000).default(''),
    }),
  ),
  'links.delete': mutation<{ id: string }>()(z.object({ id })),
  'search.query': query<SearchResult>()(
    z.object({
      // Any string is accepted: the parser never throws; over-long input is cut with a notice.
      q: z.string().max(100_000, 'is too long (100,000 characters at most)'),
      limit: z.number().int().min(1).max(500).default(50),
      kinds: z.array(z.enum(SEARCH_KINDS)).optional(),
    }),
  ),
  'history.claim': query<{ events: CaseEvent[]; series: { at: string; probability: number; computed: number }[] }>()(
    z.object({ id }),
  ),
  'history.recent': query<CaseEvent[]>()(
    z.object({ limit: z.number().int().min(1).max(1000).default(100) }).default({ limit: 100 }),
  ),
  'history.verify': query<VerifyResult>()(z.object({}).default({})),
};
