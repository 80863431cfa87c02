/** The hash-chained history: a claim's timeline, the latest events, the chain check. */
import { z } from 'zod';
import type { CaseEvent, VerifyResult } from '../types';
import { query } from './define';
import { id } from './fields';

export const historyMethods = {
  'history.claim': query<{ events: CaseEvent[]; series: { at: string; probability: number; computed: number }[] }>()(
    z.object({ id }),
  ),
  'history.recent': query<CaseEvent[]>()(
    z.object({ limit: z.number().int().min(1).max(1000).default(100) }).default({ limit: 100 }),
  ),
  /** The chain, the stored documents and (state, on by default) the live tables against a replay of the log. */
  'history.verify': query<VerifyResult>()(z.object({ state: z.boolean().default(true) }).default({ state: true })),
};
