/**
 * The unit of work that ties row changes to events. A mutation runs in one transaction (opened by
 * the contract layer, db/api.ts, or by `inUnit` for other callers); the events it records are held
 * until the transaction's end, each with the row changes noted since the previous one, and the
 * changes noted after the last event (a recompute, a counter) go with that last event. Then the events
 * are appended to the chain, so the committed history carries every row change in order.
 * Changes a unit made without recording any event go into one `case.changed` event, never lost.
 */
import { appendEvent, type NewEvent } from '../repos/events';
import type { DB } from '../sql';
import { takeNotedChanges } from './capture';
import { changesText, encodeNotes } from './changes';

interface Held {
  event: NewEvent;
  entries: string[];
}

const held = new WeakMap<DB, Held[]>();
const depth = new WeakMap<DB, number>();

function heldOf(db: DB): Held[] {
  let h = held.get(db);
  if (!h) held.set(db, (h = []));
  return h;
}

/** Records an event of the running unit (or appends it now when no unit is open). */
export function logEvent(db: DB, event: NewEvent): void {
  const entries = encodeNotes(takeNotedChanges(db));
  if (!depth.get(db)) {
    appendEvent(db, { ...event, changes: changesText(entries) });
    return;
  }
  heldOf(db).push({ event, entries });
}

/**
 * Appends the unit's held events now, each with the changes noted up to its recording, and leaves
 * later notes for the caller: an import's event batch writes its own rows in order after them.
 */
export function flushHeldEvents(db: DB): void {
  const h = heldOf(db);
  held.delete(db);
  for (const { event, entries } of h) appendEvent(db, { ...event, changes: changesText(entries) });
}

/**
 * Appends the unit's held events now, the changes noted so far included. Called at the unit's end,
 * and by writers that append to the chain themselves (an import's event batch) so that order holds.
 * `fallback` names the event for changes made without one.
 */
export function flushHeld(db: DB, fallback: () => NewEvent): void {
  const h = heldOf(db);
  const rest = encodeNotes(takeNotedChanges(db));
  if (rest.length) {
    const last = h[h.length - 1];
    if (last) last.entries.push(...rest);
    else h.push({ event: { ...fallback(), payload: { tables: [...new Set(rest.map((e) => JSON.parse(e)[1] as string))] } }, entries: rest });
  }
  flushHeldEvents(db);
}

/**
 * Runs fn as one unit: one transaction (a savepoint when already inside one), its events appended
 * with their changes when the outermost unit ends. A failure rolls back the rows and drops the events.
 */
export function inUnit<R>(db: DB, fallback: () => NewEvent, fn: () => R): R {
  const d = depth.get(db) ?? 0;
  const mark = heldOf(db).length;
  depth.set(db, d + 1);
  try {
    return db.transaction(() => {
      const r = fn();
      if (d === 0) flushHeld(db, fallback);
      return r;
    })();
  } catch (e) {
    heldOf(db).length = mark;
    throw e;
  } finally {
    depth.set(db, d);
    if (d === 0) held.delete(db);
  }
}
