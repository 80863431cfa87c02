/** What every service function gets: the database, who is acting, and the clock. */
import { CaseError } from '../errors';
import type { NewEvent } from '../repos/events';
import { inUnit, logEvent } from '../records/log';
import type { Settings } from '../../core/types';
import { getSettings, setSetting } from '../repos/meta';
import { readUserSettings, writeUserSettings } from '../user-data';
import type { DB } from '../sql';

export interface Ctx {
  db: DB;
  actor(): string;
  now(): string;
  /** Long jobs report progress here (a no-op unless the transport listens). */
  progress(done: number, total: number, label: string): void;
  /** Long jobs call this between batches; it throws CaseError('cancelled') when the user cancelled. */
  checkCancelled(): void;
  /** The signed statement of the history head for an export to carry, or undefined when no signer is set. */
  signedHead(at: string): string | undefined;
  /** The case's settings, with the analyst's name from the user settings when the shell passed its user data folder. */
  settings(): Settings;
  /** Sets the analyst's name: in the user settings (shared by all cases) when there is a user data folder, and in the case. */
  setAnalystName(name: string): void;
}

export interface CtxOptions {
  /** Overrides the analyst name from the case settings. */
  actor?: string;
  /** Injectable clock (tests); ISO-8601 UTC. */
  now?: () => string;
  onProgress?: (done: number, total: number, label: string) => void;
  isCancelled?: () => boolean;
  /** Signs the head for exports (db/signing.ts); the CLI passes the analyst's key. */
  signHead?: (db: DB, at: string) => string;
  /**
   * The user data folder (db/user-data.ts): its settings.json holds the analyst's name for every
   * case. The CLI, web mode and the desktop app pass it; without it the name is the case's own.
   */
  userDir?: string;
}

export function createCtx(db: DB, opts: CtxOptions = {}): Ctx {
  const { userDir } = opts;
  // Read once per opened case (every event asks for the actor); a change made here updates it.
  let userName = userDir ? readUserSettings(userDir).analystName : undefined;
  const settings = (): Settings => {
    const s = getSettings(db);
    return userName ? { ...s, analystName: userName } : s;
  };
  return {
    db,
    settings,
    setAnalystName(name) {
      setSetting(db, 'analystName', name);
      if (userDir) userName = writeUserSettings({ analystName: name }, userDir).analystName;
    },
    actor: () => opts.actor ?? settings().analystName,
    now: opts.now ?? (() => new Date().toISOString()),
    progress: (done, total, label) => opts.onProgress?.(done, total, label),
    checkCancelled: () => {
      if (opts.isCancelled?.()) throw new CaseError('cancelled', 'Cancelled: nothing was changed.');
    },
    signedHead: (at) => opts.signHead?.(db, at),
  };
}

export type EventInput = Omit<NewEvent, 'actor' | 'at'>;

/** Records the event of a change (with the row changes it made: db/records/log.ts). */
export function record(ctx: Ctx, e: EventInput): void {
  logEvent(ctx.db, { ...e, actor: ctx.actor(), at: ctx.now() });
}

/** The event for row changes a unit made without recording one of its own. */
export const changedEvent = (ctx: Ctx, what: string) => (): NewEvent => ({
  actor: ctx.actor(),
  at: ctx.now(),
  kind: 'case.changed',
  entityType: 'case',
  entityId: what,
  payload: null,
});

/** Returns only the fields that differ, as {before, after}, for compact event payloads. */
export function diff<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

/** Runs fn as one unit of work: all it writes, events and their row changes included, commits or rolls back as one. */
export function unit<R>(ctx: Ctx, what: string, fn: () => R): R {
  return inUnit(ctx.db, changedEvent(ctx, what), fn);
}

/** Wraps a handler so that all it writes, events included, commits or rolls back as one. */
export function transactional(ctx: Ctx) {
  return <A, R>(fn: (a: A) => R) =>
    (a: A): R =>
      unit(ctx, 'change', () => fn(a));
}

/** True when the user cancelled (for callers that poll instead of throwing, e.g. runInWorkerSync). */
export function cancelRequested(ctx: Ctx): boolean {
  try {
    ctx.checkCancelled();
    return false;
  } catch {
    return true;
  }
}
