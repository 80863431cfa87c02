/**
 * SQL-injection probes: hostile strings in every text field and in search are stored verbatim,
 * found again, and leave every table in place.
 */
import { describe, expect, it } from 'vitest';
import { tempCase } from '../helpers';
import { caseProblems, userTables } from './integrity';

const PROBES = [
  "'; DROP TABLE claims; --",
  '" OR 1=1 --',
  "') UNION SELECT id, text, 1, 1 FROM claims --",
  ') UNION SELECT name FROM sqlite_schema --',
  "1'); DELETE FROM events; --",
  "x' AND (SELECT count(*) FROM sqlite_schema) > 0 AND 'a'='a",
  '%_\\%',
  "claims_fts MATCH '*'",
  'NEAR("a" "b", 1) OR text:*',
];

describe('SQL-injection probes', () => {
  it.each(PROBES)('%s: stored verbatim in every text field and searched without error', (probe) => {
    const c = tempCase({ sample: true });
    const tables = userTables(c.handle.db);
    const claim = c.api.invoke('claims.create', { text: probe, claimant: probe, notes: probe, context: probe, tags: [probe.replace(/[,\n]/g, ' ')] });
    const source = c.api.invoke('sources.create', { title: probe, publisher: probe, authors: [probe], notes: probe, doi: probe });
    const ev = c.api.invoke('evidence.create', { claimId: claim.id, sourceId: source.id, stance: 'supports', excerpt: probe, note: probe, locator: probe });
    const d = c.api.invoke('disputes.open', { claimId: claim.id, raisedBy: probe, position: probe });
    c.api.invoke('disputes.respond', { id: d.id, author: probe, text: probe });
    c.api.invoke('claims.setStatus', { id: claim.id, status: 'disputed', rationale: probe });
    c.api.invoke('settings.update', { analystName: probe, caveat: probe });

    const got = c.api.invoke('claims.get', { id: claim.id });
    expect([got.claim.text, got.claim.claimant, got.claim.notes, got.claim.context, got.claim.statusRationale]).toEqual(Array(5).fill(probe));
    expect(got.evidence[0]).toMatchObject({ id: ev.id, excerpt: probe, note: probe, locator: probe });
    expect(got.disputes[0]).toMatchObject({ raisedBy: probe, position: probe });
    expect(c.api.invoke('sources.get', { id: source.id })).toMatchObject({ title: probe, publisher: probe, authors: [probe], notes: probe, doi: probe });

    for (const q of [probe, `"${probe}"`, `claimant:${probe}`, `tag:${probe}`, `-${probe}`, `${probe}*`]) {
      const r = c.api.call('search.query', { q });
      expect(r.ok, `search ${q}: ${r.ok ? '' : r.error.message}`).toBe(true);
    }
    for (const m of ['claims.list', 'sources.list'] as const) expect(c.api.call(m, { text: probe }).ok).toBe(true);
    expect(c.api.call('claims.list', { tag: probe.replace(/[,\n]/g, ' ') }).ok).toBe(true);

    expect(userTables(c.handle.db)).toEqual(tables);
    expect(c.api.invoke('case.info', {}).counts.claims).toBeGreaterThan(1);
    expect(caseProblems(c.handle.db)).toEqual([]);
    c.close();
  });

  it('a probe with searchable words is found by them', () => {
    const c = tempCase();
    const claim = c.api.invoke('claims.create', { text: "Robert'); DROP TABLE claims; -- said tables" });
    expect(c.api.invoke('search.query', { q: 'Robert DROP tables' }).groups.claims.map((h) => h.id)).toEqual([claim.id]);
    c.close();
  });
});
