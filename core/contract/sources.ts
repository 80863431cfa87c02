import { z } from 'zod';
import { SOURCE_KINDS, type Page, type Source, type SourceDetail } from '../types';
import { mutation, query } from './define';
import { id, isoDate, optionalText, paging, reliability, requiredText, text, url } from './fields';
import { jsonRecord } from './json';

/** A source's fields (shared by sources.create and a new claim's first evidence with a new source). */
export const sourceFields = {
  title: requiredText(2_000),
  url: url.nullish(),
  publisher: optionalText(500),
  authors: z.array(requiredText(300)).max(200).optional(),
  publishedAt: isoDate.nullish(),
  accessedAt: isoDate.nullish(),
  kind: z.enum(SOURCE_KINDS, { message: `must be one of: ${SOURCE_KINDS.join(', ')}` }).optional(),
  reliability: reliability.optional(),
  derivedFromId: id.nullish(),
  doi: optionalText(300),
  notes: text(100_000).optional(),
  fileSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex')
    .nullish(),
  csl: jsonRecord().nullish(),
  /** Whom the source speaks for (names separated by ";"); its items attribute, not corroborate, their claims. */
  speaksFor: optionalText(500),
};

export const sourceMethods = {
  'sources.create': mutation<Source>()(z.object(sourceFields)),
  'sources.update': mutation<Source>()(
    z.object({
      id,
      ...Object.fromEntries(Object.entries(sourceFields).map(([k, v]) => [k, v.optional()])),
    } as { id: typeof id } & { [K in keyof typeof sourceFields]: z.ZodOptional<(typeof sourceFields)[K]> }),
  ),
  /** The rationale (optional) is the reason the trash shows. */
  'sources.delete': mutation<Source>()(z.object({ id, rationale: optionalText(20_000) })),
  'sources.restore': mutation<Source>()(z.object({ id })),
  'sources.get': query<SourceDetail>()(z.object({ id })),
  'sources.list': query<Page<Source & { citations: number }>>()(
    z
      .object({ ...paging, text: text(500).optional(), deleted: z.boolean().default(false) })
      .default({ offset: 0, limit: 100, deleted: false }),
  ),
};
