import { z } from 'zod';
import type { Page, Source, SourceDetail } from '../types';
import { mutation, query } from './define';
import { sourceRecord } from '../records/records';
import { id, isoDate, optionalText, paging, reliability, requiredText, text, url } from './fields';
import { inputFields } from './from-record';
import { jsonRecord } from './json';

const derived = inputFields(sourceRecord, ['title', 'publisher', 'kind', 'doi', 'notes', 'speaks_for']);

/**
 * A source's fields (shared by sources.create and a new claim's first evidence with a new source).
 * Title, publisher, kind, DOI, notes and speaksFor are derived from the declaration (limits,
 * nullability, defaults, values: core/contract/from-record.ts); the rest have shapes of their own.
 * Kept in this order: a refused input's issues come in it.
 */
export const sourceFields = {
  title: derived.title,
  url: url.nullish(),
  publisher: derived.publisher,
  authors: z.array(requiredText(300)).max(200).optional(),
  publishedAt: isoDate.nullish(),
  accessedAt: isoDate.nullish(),
  kind: derived.kind,
  reliability: reliability.optional(),
  derivedFromId: id.nullish(),
  doi: derived.doi,
  notes: derived.notes,
  fileSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex')
    .nullish(),
  csl: jsonRecord().nullish(),
  /** Whom the source speaks for (names separated by ";"); its items attribute, not corroborate, their claims. */
  speaksFor: derived.speaksFor,
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
