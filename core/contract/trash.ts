import { z } from 'zod';
import { query } from './define';

/** A claim or source in the trash, with why it was put there (the rationale of its latest delete event). */
export interface TrashedItem {
  id: string;
  /** The claim's text or the source's title. */
  text: string;
  deletedAt: string;
  /** Who moved it (the event's actor). */
  deletedBy: string | null;
  /** The reason given at delete; null when none was given. */
  reason: string | null;
}

export const trashMethods = {
  /** What the trash holds, newest first: claims and sources, each with who trashed it and why. */
  'trash.list': query<{ claims: TrashedItem[]; sources: TrashedItem[] }>()(
    z.object({ limit: z.number().int().min(1).max(10_000).default(500) }).default({ limit: 500 }),
  ),
};
