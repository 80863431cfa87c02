/** Migration 010 (events carry their row changes; the state so far as snapshot events) from v9 with data. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RECORDS } from '../../../core/records/records';
import { closeCase } from '../../../db/open';
import { SNAPSHOT_ROWS } from '../../../db/records/snapshot';
import { caseAtVersion, openMigrated, rowCount, sampleCaseAtVersion } from './legacy';

const v9Case = () => sampleCaseAtVersion(9, "A claim written by schema v9.");

describe('migration 007 (replayable history) from v9 with data', () => {
  it('v9 events have no changes column', () => {
    const db = new Database(v9Case(), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect((db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).map((c) => c.name)).not.toContain('changes');
    db.close();
  });

  it('keeps the old events and their chain, writes the state as snapshot events, and verify replays from there', () => {
    const path = v9Case();
    const before = new Database(path, { readonly: true });
    const events = rowCount(before, 'events');
    const head = before.prepare('SELECT hash FROM events ORDER BY seq DESC LIMIT 1').pluck().get() as string;
    const rows = RECORDS.reduce((n, d) => n + rowCount(before, d.table), 0);
    before.close();
    const { h, api } = openMigrated(path);
    const db = h.db;
    // The old events are untouched: same count below the snapshot, the same hash at the old head.
    expect(db.prepare('SELECT hash FROM events WHERE seq = ?').pluck().get(events)).toBe(head);
    const snapshot = db.prepare("SELECT seq, payload, changes FROM events WHERE kind = 'case.snapshot' ORDER BY seq").all() as { seq: number; payload: string; changes: string }[];
    expect(snapshot.length).toBeGreaterThan(0);
    expect(snapshot[0]!.seq).toBe(events + 1);
    const entries = snapshot.flatMap((s) => JSON.parse(s.changes) as unknown[][]);
    expect(entries.every((e) => e[0] === 'i')).toBe(true);
    expect(entries.length).toBe(rows);
    expect(db.prepare('SELECT count(*) FROM events WHERE seq <= ? AND changes IS NOT NULL').pluck().get(events)).toBe(0);
    const v = api.invoke('history.verify', {});
    expect(v.ok).toBe(true);
    expect(v.state).toMatchObject({ ok: true, records: rows, events: snapshot.length });
    // Later changes replay on top of the snapshot; a raw edit is found.
    const c = api.invoke('claims.list', { limit: 1, sort: 'created', direction: 'asc' }).items[0]!;
    api.invoke('claims.setStatus', { id: c.id, status: 'refuted', rationale: 'Checked after the migration.' });
    expect(api.invoke('history.verify', {}).state?.ok).toBe(true);
    const raw = new Database(path);
    raw.prepare("UPDATE sources SET title = title || ' (edited)' WHERE rowid = 1").run();
    raw.close();
    const after = api.invoke('history.verify', {});
    expect(after.ok).toBe(false);
    expect(after.state?.firstDifference).toMatchObject({ entity: 'source', field: 'title' });
    closeCase(h);
  });

  it('a case with more rows of one table than a snapshot event holds migrates too (keyset pages, no write during a read)', () => {
    const rows = ['text,claimant', ...Array.from({ length: SNAPSHOT_ROWS + 150 }, (_, i) => `Claim number ${i} about chips,Speaker ${i % 7}`)].join('\n');
    const path = caseAtVersion(9, (api) => void api.invoke('transfer.import', { format: 'csv', content: rows, fileName: 'many.csv' }));
    const { h, api } = openMigrated(path);
    const parts = h.db.prepare("SELECT count(*) FROM events WHERE kind = 'case.snapshot'").pluck().get() as number;
    expect(parts).toBeGreaterThan(1);
    expect(api.invoke('history.verify', {}).state).toMatchObject({ ok: true, events: parts });
    closeCase(h);
  });
});
