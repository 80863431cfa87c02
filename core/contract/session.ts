/**
 * The session level, above any one case: which case a shell has open, the recent cases, opening
 * and making a case. Not part of `contract` (the database worker of one case cannot answer them):
 * web mode's server answers them itself (cli/serve/session-route.ts), the renderer reaches them
 * through the Bridge's optional `session` member; the desktop app has its File menu instead.
 */
import { z } from 'zod';
import { mutation, query, type MethodDef } from './define';
import { requiredText, text } from './fields';

export interface RecentCase {
  path: string;
  /** The file name without `.claimtrail`. */
  name: string;
  folder: string;
  /** False when the file is gone (moved, deleted): shown, not openable. */
  exists: boolean;
}

export interface SessionCases {
  /** The case this server has open now. */
  current: string;
  /** Counts the cases opened by this server; a tab that saw another one must reload. */
  generation: number;
  /** Most recent first, the current case included (the list the CLI and desktop app share). */
  recent: RecentCase[];
  /** Where a new case goes unless a folder is typed: the current case's folder. */
  defaultFolder: string;
}

/** An absolute path, or one starting with `~/`: the server's working directory means nothing to the analyst. */
const casePath = requiredText(4_096).refine((p) => /^(\/|~\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be an absolute path (or start with ~/)');

export const sessionMethods = {
  'session.cases': query<SessionCases>()(z.object({}).default({})),
  'session.open': mutation<SessionCases>()(z.object({ path: casePath })),
  'session.create': mutation<SessionCases>()(z.object({ path: casePath, title: text(500).optional() })),
} satisfies Record<string, MethodDef>;

export type SessionMethod = keyof typeof sessionMethods;
export type SessionInput<M extends SessionMethod> = z.input<(typeof sessionMethods)[M]['input']>;
export type SessionOutput<M extends SessionMethod> = (typeof sessionMethods)[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export function isSessionMethod(name: string): name is SessionMethod {
  return Object.prototype.hasOwnProperty.call(sessionMethods, name);
}

/** A case file's name as New case makes it: `.claimtrail` added unless it is there. */
export const withCaseExtension = (p: string): string => (p.toLowerCase().endsWith('.claimtrail') ? p : `${p}.claimtrail`);
