/** Full-text search over the case (docs/search.md). */
import { z } from 'zod';
import { SEARCH_KINDS, type SearchResult } from '../types';
import { query } from './define';

export const searchMethods = {
  'search.query': query<SearchResult>()(
    z.object({
      // Any string is accepted: the parser never throws; over-long input is cut with a notice.
      q: z.string().max(100_000, 'is too long (100,000 characters at most)'),
      limit: z.number().int().min(1).max(500).default(50),
      kinds: z.array(z.enum(SEARCH_KINDS)).optional(),
    }),
  ),
};
