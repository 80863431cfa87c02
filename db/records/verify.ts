/**
 * verify's state check: replay the case's log into an empty scratch case and compare it with the
 * live tables. A row written, changed or deleted without its event (a raw-SQL edit of the file) is
 * found and named by record and field.
 */
import type { StateCheck } from '../../core/types';
import type { DB } from '../sql';
import { compareState } from './compare';
import { replayLog, ReplayError, scratchCase } from './replay';

export function verifyState(db: DB): StateCheck {
  const scratch = scratchCase();
  try {
    let replayed: { events: number; changes: number };
    try {
      replayed = replayLog(db, scratch);
    } catch (e) {
      if (!(e instanceof ReplayError)) throw e;
      return { ok: false, records: 0, events: 0, changes: 0, firstDifference: null, replayError: { seq: e.seq, reason: e.message } };
    }
    const { records, firstDifference } = compareState(db, scratch);
    return { ok: firstDifference === null, records, ...replayed, firstDifference, replayError: null };
  } finally {
    scratch.close();
  }
}
