/**
 * The history an import writes: one claim.imported event per claim (its fields, final probability,
 * the evidence and sources it came with, the import id), claim.import-added (+ confidence.changed)
 * for claims the case already had, one import.applied summary — and a chain that verifies.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../core/types';
import { appendEvent, eventBatch } from '../../../db/repos/events';
import { eventChanges, eventTitle } from '../../../renderer/src/lib/events';
import { tempCase } from '../../helpers';
import { caseProblems } from '../../reliability/integrity';
import { bundleFile } from './bundle-file';

const json = (content: string, fileName = 'gen.json') => ({ format: 'json' as const, content, fileName });

describe('import history', () => {
  it('one claim.imported per claim naming its evidence and sources, one import.applied with counts and the file hash', () => {
    const t = tempCase();
    const file = bundleFile({ claims: 30, sources: 9, perClaim: 3 });
    const r = t.api.invoke('transfer.import', json(file.content));
    expect(r.ok).toBe(true);
    const events = t.api.invoke('history.recent', { limit: 1000 }).reverse();
    // The import's row changes come first, in parts of IMPORT_ROWS_PER_EVENT (one part here), then the narrative events.
    expect(events.map((e) => e.kind)).toEqual(['import.rows', ...Array(30).fill('claim.imported'), 'import.applied']);
    events.shift();
    const summary = events.at(-1)! as CaseEvent & { payload: Record<string, unknown> };
    expect(summary.payload).toMatchObject({
      format: 'json',
      file: 'gen.json',
      sha256: createHash('sha256').update(file.content).digest('hex'),
      counts: { claims: 30, sources: 9, evidence: 90 },
      uncitedSourceIds: [],
    });
    const first = events[0]!;
    const p = first.payload as { after: { id: string; text: string; probability: number }; importId: string; evidenceIds: string[]; sourceIds: string[] };
    expect(first.claimId).toBe(file.claimIds[0]);
    expect(p.importId).toBe(summary.entityId);
    expect(p.evidenceIds).toEqual(file.evidenceIds.slice(0, 3));
    expect(p.sourceIds).toHaveLength(3);
    // the timeline's text for it (renderer/src/lib/events.ts)
    expect(`${eventTitle(first.kind)} ${eventChanges(first)}`).toBe('Claim imported with 3 evidence items from 3 sources');
    const claim = t.api.invoke('claims.get', { id: file.claimIds[0]! }).claim;
    expect(p.after.probability).toBe(claim.probability);
    expect(claim.probability).not.toBe(0.5);
    const history = t.api.invoke('history.claim', { id: claim.id });
    expect(history.events.map((e) => e.kind)).toEqual(['claim.imported']);
    expect(history.series).toEqual([{ at: first.at, probability: claim.probability, computed: claim.computedProbability }]);
    expect(t.api.invoke('history.verify', {})).toMatchObject({ ok: true, events: 32, state: { ok: true } });
    expect(caseProblems(t.handle.db)).toEqual([]);
  });

  it('claims the case had get claim.import-added and, when their judgment moves, confidence.changed', () => {
    const t = tempCase();
    const existing = t.api.invoke('claims.create', { text: 'The harbour was dredged in 2019', claimant: 'port authority' });
    const src = bundleFile({ claims: 0, sources: 2, perClaim: 0 });
    const doc = JSON.parse(src.content) as { evidence: unknown[] };
    doc.evidence = [{ id: 'ev-1', claimId: existing.id, sourceId: src.sourceIds[0], stance: 'supports', credibility: 1 }];
    const r = t.api.invoke('transfer.import', json(JSON.stringify(doc)));
    expect(r.counts).toMatchObject({ claims: 0, sources: 2, evidence: 1 });
    const kinds = t.api.invoke('history.claim', { id: existing.id }).events.map((e) => e.kind);
    expect(kinds).toEqual(['claim.created', 'claim.import-added', 'confidence.changed']);
    const summary = t.api.invoke('history.recent', { limit: 1 })[0]!;
    expect(summary.kind).toBe('import.applied');
    expect((summary.payload as { uncitedSourceIds: string[] }).uncitedSourceIds).toEqual([src.sourceIds[1]]);
    expect(t.api.invoke('claims.get', { id: existing.id }).claim.evidenceCount).toBe(1);
    expect(t.api.invoke('history.verify', {}).ok).toBe(true);
    expect(caseProblems(t.handle.db)).toEqual([]);
  });

  it('a dry run writes no event; a refused file writes none either', () => {
    const t = tempCase();
    const file = bundleFile({ claims: 5, sources: 2, perClaim: 1 });
    expect(t.api.invoke('transfer.dryRun', json(file.content)).counts.claims).toBe(5);
    const bad = bundleFile({ claims: 5, sources: 2, perClaim: 1, badLast: true });
    expect(t.api.invoke('transfer.import', json(bad.content)).ok).toBe(false);
    expect(t.api.invoke('case.info', {}).counts.events).toBe(0);
  });

  it('a lineage cycle between imported sources is refused at the record that closes it; chains get their root as origin', () => {
    const t = tempCase();
    const file = bundleFile({ claims: 3, sources: 3, perClaim: 3 });
    const doc = JSON.parse(file.content) as { sources: { id: string; derivedFromId: string | null }[] };
    const r = t.api.invoke('transfer.import', json(file.content));
    expect(r.ok).toBe(true);
    // source 2 derives from source 1: its lineage ends at source 1
    const s2 = t.api.invoke('sources.get', { id: doc.sources[2]!.id });
    expect(s2.lineage.map((s) => s.id)).toEqual([doc.sources[2]!.id, doc.sources[1]!.id]);
    const c = t.api.invoke('claims.get', { id: file.claimIds[0]! });
    const origins = Object.fromEntries(c.model.items.map((i) => [i.sourceId, i.originId]));
    expect(origins[doc.sources[2]!.id]).toBe(doc.sources[1]!.id);

    const other = tempCase();
    const cyc = bundleFile({ claims: 1, sources: 3, perClaim: 1 });
    const d2 = JSON.parse(cyc.content) as { sources: { id: string; derivedFromId: string | null }[] };
    d2.sources[0]!.derivedFromId = d2.sources[2]!.id;
    d2.sources[1]!.derivedFromId = d2.sources[0]!.id;
    d2.sources[2]!.derivedFromId = d2.sources[1]!.id;
    const refused = other.api.invoke('transfer.import', json(JSON.stringify(d2)));
    expect(refused.ok).toBe(false);
    expect(refused.errors).toEqual([
      expect.objectContaining({ record: 'sources[2]', field: 'derivedFromId', message: expect.stringMatching(/lineage cycle/) }),
    ]);
  });

  it('an event batch refuses to finish when something else appended to the chain meanwhile', () => {
    const t = tempCase();
    const db = t.handle.db;
    const e = { actor: 'a', at: '2025-01-01T00:00:00.000Z', kind: 'test', entityType: 'case', entityId: 'x', payload: {} };
    expect(() =>
      db.transaction(() => {
        const batch = eventBatch(db);
        batch.append(e);
        appendEvent(db, e);
        batch.finish();
      })(),
    ).toThrow(/another writer appended/);
    // appending on top of a stale head collides with the event that took its place
    expect(() =>
      db.transaction(() => {
        const batch = eventBatch(db);
        appendEvent(db, e);
        batch.append(e);
      })(),
    ).toThrow(/UNIQUE constraint failed: events.seq/);
    db.transaction(() => {
      const batch = eventBatch(db);
      for (let i = 0; i < 5; i++) batch.append(e);
      expect(batch.finish().count).toBe(5);
    })();
    appendEvent(db, e);
    expect(t.api.invoke('history.verify', {})).toMatchObject({ ok: true, events: 6 });
  });
});
