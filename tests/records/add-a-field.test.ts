/**
 * Adding a plain field to a claim is one declaration plus its migration (README, "Adding a field").
 * Here the claim declaration gains `confidence_note` and the "migration" adds its column; without
 * any other change, the derived shapes pick the field up: the row type, the change capture (the
 * event carries the field), the replay, and verify's comparison (a raw edit of the field is named).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { f, type RowOf, declare } from '../../core/records/define';
import { claimRecord, RECORDS } from '../../core/records/records';
import { installChangeCapture } from '../../db/records/capture';
import { compareState } from '../../db/records/compare';
import { replayLog, scratchCase } from '../../db/records/replay';
import { openCase } from '../../db/open';
import { createApi } from '../../db/api';
import { tempDir } from '../helpers';
import { join } from 'node:path';

// The one declaration change:
const claimWithNote = declare({ ...claimRecord, fields: { ...claimRecord.fields, confidence_note: f.optionalText({ label: 'confidence note', max: 2000 }) } });
// …and its migration:
const MIGRATION = 'ALTER TABLE claims ADD COLUMN confidence_note TEXT';

const records = RECORDS.map((r) => (r.table === 'claims' ? claimWithNote : r));

describe('adding a field to a claim', () => {
  it('the row type has it', () => {
    expectTypeOf<RowOf<typeof claimWithNote>['confidence_note']>().toEqualTypeOf<string | null>();
    expectTypeOf<RowOf<typeof claimWithNote>['text']>().toEqualTypeOf<string>();
  });

  it('events carry it, replay rebuilds it, verify names it', () => {
    const path = join(tempDir(), 'field.claimtrail');
    const h = openCase(path, { create: true, captureChanges: false });
    h.db.exec(MIGRATION);
    installChangeCapture(h.db, records);
    const api = createApi(h.db, { actor: 'tester' });
    const c = api.invoke('claims.create', { text: 'DeepSeek-V3 cost about USD6mn to train.' });
    // A mutation that writes the new column (as its repository would, once the contract has it).
    api.handlers['claims.update']({ id: c.id, notes: 'see note' } as never);
    h.db.transaction(() => {
      h.db.prepare('UPDATE claims SET confidence_note = ? WHERE id = ?').run('Low: one origin.', c.id);
      api.handlers['claims.setStatus']({ id: c.id, status: 'under review', rationale: 'Checking the note.' } as never);
    })();
    const logged = (h.db.prepare("SELECT changes FROM events WHERE changes LIKE '%confidence_note%'").pluck().all() as string[]).join('\n');
    expect(logged).toContain('"confidence_note":[null,"Low: one origin."]');
    const scratch = scratchCase();
    scratch.exec(MIGRATION);
    replayLog(h.db, scratch, undefined, records);
    expect(scratch.prepare('SELECT confidence_note FROM claims').pluck().get()).toBe('Low: one origin.');
    expect(compareState(h.db, scratch, records).firstDifference).toBeNull();
    h.db.prepare("UPDATE claims SET confidence_note = 'edited' WHERE id = ?").run(c.id);
    expect(compareState(h.db, scratch, records).firstDifference).toMatchObject({ entity: 'claim', field: 'confidence_note', label: 'confidence note' });
    scratch.close();
    h.db.close();
  });
});
