/** Migration 008 (disputes.outcome) from the previous version (v7) with data. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeCase } from '../../../db/open';
import { caseAtVersion, openMigrated } from './legacy';

/** A v7 case with one resolved and one open dispute. */
const v7Case = () =>
  caseAtVersion(7, (api) => {
    const c = api.invoke('claims.create', { text: 'Training cost about USD6mn.' });
    const resolved = api.invoke('disputes.open', { claimId: c.id, raisedBy: 'Critics', position: 'Excludes salaries.' });
    api.invoke('disputes.resolve', { id: resolved.id, resolution: 'Scope noted.' });
    api.invoke('disputes.open', { claimId: c.id, raisedBy: 'Analyst B', position: 'Compute price too low.' });
  });

describe('migration 008 (disputes.outcome) from v7 with data', () => {
  it('v7 has no outcome column on disputes', () => {
    const db = new Database(v7Case(), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect((db.prepare('PRAGMA table_info(disputes)').all() as { name: string }[]).map((c) => c.name)).not.toContain('outcome');
    db.close();
  });

  it('keeps both disputes and the chain; the old resolution has no outcome; the open one resolves with one; a bad value is refused by the column', () => {
    const { h, api } = openMigrated(v7Case());
    expect(api.invoke('history.verify', {}).ok).toBe(true);
    const claim = api.invoke('claims.list', {}).items[0]!;
    const [old, open] = api.invoke('claims.get', { id: claim.id }).disputes;
    expect(old).toMatchObject({ status: 'resolved', resolution: 'Scope noted.', outcome: null });
    expect(api.invoke('disputes.resolve', { id: open!.id, resolution: 'Price checked.', outcome: 'rejected' }).outcome).toBe('rejected');
    expect(() => h.db.prepare("UPDATE disputes SET outcome = 'won' WHERE id = ?").run(open!.id)).toThrow(/CHECK constraint/);
    expect(api.invoke('history.verify', {}).ok).toBe(true);
    closeCase(h);
  });
});
