/** The case as a whole: its info and counts, its settings, the tags in use. */
import { z } from 'zod';
import type { CaseInfo, Settings } from '../types';
import { mutation, query } from './define';
import { requiredText, text, url } from './fields';

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

export const caseMethods = {
  'case.info': query<CaseInfo>()(z.object({}).default({})),
  /** The case's display name (the file name stays; `case.info` title). */
  'case.rename': mutation<CaseInfo>()(z.object({ title: requiredText(500) })),
  'settings.update': mutation<Settings>()(settingsInput),
  'tags.list': query<{ name: string; count: number }[]>()(z.object({}).default({})),
};
