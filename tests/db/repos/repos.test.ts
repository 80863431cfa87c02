import { describe, expect, it } from 'vitest';
import { claimIndex, claimRowById, insertClaim, listClaims, patchClaim, refreshCounters } from '../../../db/repos/claims';
import { disputeById, disputesForClaim, insertDispute, insertResponse, resolveDisputeRow } from '../../../db/repos/disputes';
import { appendEvent, eventsForClaim, GENESIS_HASH, recentEvents, verifyChain } from '../../../db/repos/events';
import { claimsCitingSources, deleteEvidenceRow, evidenceForClaim, insertEvidence } from '../../../db/repos/evidence';
import { insertLink, linksOfClaim } from '../../../db/repos/links';
import { DEFAULT_SETTINGS, getMeta, getSettings, setMeta, setSetting } from '../../../db/repos/meta';
import { descendants, insertSource, lineage, setDerivedFrom, sourceRowById } from '../../../db/repos/sources';
import { listTags, setTags, tagsOf, tagsOfMany } from '../../../db/repos/tags';
import { tempCase } from '../../helpers';

const AT = '2025-01-27T12:00:00.000Z';

function claim(db: ReturnType<typeof tempCase>['handle']['db'], id: string, text = `claim ${id}`) {
  return insertClaim(db, {
    id, text, claimant: null, claimedAt: null, context: null, status: 'unverified', statusRationale: null,
    kind: 'fact', kindRationale: null, prior: 0.5, notes: '', quantity: null, at: AT,
  });
}

function source(db: ReturnType<typeof tempCase>['handle']['db'], id: string) {
  return insertSource(db, id, {
    title: `source ${id}`, url: null, publisher: null, authors: [], publishedAt: null, accessedAt: null,
    kind: 'news', reliability: 'B', doi: null, notes: '', fileSha256: null, csl: null,
  }, AT);
}

describe('repositories (SQL as plain functions)', () => {
  it('claims: insert, patch through the column allowlist, list, counters', () => {
    const { handle, close } = tempCase();
    const db = handle.db;
    const r = claim(db, 'c1', 'First');
    claim(db, 'c2', 'Second');
    patchClaim(db, r, { claimant: 'X', status: 'mixed' }, AT);
    const row = claimRowById(db, 'c1');
    expect(row).toMatchObject({ claimant: 'X', status: 'mixed', band: 'roughly even chance', computed_p: 0.5 });
    expect(() => patchClaim(db, r, { ['text = 1; --' as 'text']: 'x' }, AT)).toThrow(/not an allowed identifier/);
    expect(listClaims(db, { offset: 0, limit: 10, sort: 'text', direction: 'asc', deleted: false }).items.map((c) => c.text)).toEqual(['First', 'Second']);
    expect(claimIndex(db)).toEqual([{ id: 'c1', text: 'First', claimant: 'X' }, { id: 'c2', text: 'Second', claimant: null }]);
    expect(() => claimRowById(db, 'missing')).toThrow(/claim missing was not found/);
    refreshCounters(db, r);
    expect(claimRowById(db, 'c1').evidence_count).toBe(0);
    close();
  });

  it('tags: case-insensitive de-duplication, batch lookup, counts', () => {
    const { handle, close } = tempCase();
    const db = handle.db;
    const a = claim(db, 'a');
    const b = claim(db, 'b');
    setTags(db, a, ['Chips', 'chips', 'cost']);
    setTags(db, b, ['CHIPS']);
    expect(tagsOf(db, a)).toEqual(['Chips', 'cost']);
    expect(tagsOfMany(db, [a, b])).toEqual(new Map([[a, ['Chips', 'cost']], [b, ['Chips']]]));
    expect(listTags(db)).toEqual([{ name: 'Chips', count: 2 }, { name: 'cost', count: 1 }]);
    close();
  });

  it('sources: lineage, descendants and cycle refusal', () => {
    const { handle, close } = tempCase();
    const db = handle.db;
    const root = source(db, 'root');
    const mid = source(db, 'mid');
    const leaf = source(db, 'leaf');
    setDerivedFrom(db, mid, root);
    setDerivedFrom(db, leaf, mid);
    expect(sourceRowById(db, 'leaf').origin_id).toBe('root');
    expect(descendants(db, root).sort()).toEqual([root, mid, leaf].sort());
    expect(lineage(db, leaf).map((s) => s.id)).toEqual(['leaf', 'mid', 'root']);
    expect(() => setDerivedFrom(db, root, leaf)).toThrow(/lineage cycle/);
    close();
  });

  it('evidence, disputes and links', () => {
    const { handle, close } = tempCase();
    const db = handle.db;
    const c = claim(db, 'c');
    const c2 = claim(db, 'c2');
    const s = source(db, 's');
    const e = insertEvidence(db, { id: 'e', claimRowid: c, sourceRowid: s, stance: 'supports', excerpt: 'q', locator: 'p1', credibility: 2, weight: 1, note: '', attribution: false, at: AT });
    expect(evidenceForClaim(db, c)[0]).toMatchObject({ id: 'e', grade: 'B2', originId: 's' });
    expect(claimsCitingSources(db, [s])).toEqual([c]);
    const d = insertDispute(db, { id: 'd', claimRowid: c, raisedBy: 'r', position: 'p', at: AT, evidenceRowids: [e, e] });
    insertResponse(db, { id: 'resp', disputeRowid: d, author: 'a', text: 't', at: AT });
    resolveDisputeRow(db, d, 'done', AT);
    expect(disputeById(db, 'd')).toMatchObject({ status: 'resolved', evidenceIds: ['e'], responses: [{ id: 'resp' }] });
    deleteEvidenceRow(db, e);
    expect(disputesForClaim(db, c)[0]!.evidenceIds).toEqual([]);
    insertLink(db, { id: 'l', fromRowid: c, toRowid: c2, kind: 'contradicts', note: '', at: AT });
    expect(() => insertLink(db, { id: 'l2', fromRowid: c, toRowid: c2, kind: 'contradicts', note: '', at: AT })).toThrow(/already linked/);
    expect(linksOfClaim(db, c2, 'c2')[0]).toMatchObject({ direction: 'incoming', kind: 'contradicts' });
    close();
  });

  it('meta and settings', () => {
    const { handle, close } = tempCase();
    const db = handle.db;
    expect(getSettings(db)).toEqual(DEFAULT_SETTINGS);
    setSetting(db, 'backupsToKeep', 3);
    setMeta(db, 'title', 'T');
    setMeta(db, 'title', 'T2');
    expect(getSettings(db).backupsToKeep).toBe(3);
    expect(getMeta(db, 'title')).toBe('T2');
    close();
  });

  it('events: each links to the previous hash; the log refuses UPDATE and DELETE', () => {
    const { handle, close } = tempCase();
    const db = handle.db;
    expect(verifyChain(db)).toEqual({ ok: true, events: 0, headHash: null, firstBroken: null });
    const a = appendEvent(db, { actor: 'x', at: AT, kind: 'k', entityType: 'claim', entityId: 'c', claimId: 'c', payload: { n: 1 } });
    const b = appendEvent(db, { actor: 'x', at: AT, kind: 'k', entityType: 'claim', entityId: 'c', claimId: 'c', payload: { n: 2 } });
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    expect(b.seq).toBe(2);
    expect(eventsForClaim(db, 'c').map((e) => e.payload)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(recentEvents(db, 1)[0]!.id).toBe(b.id);
    expect(() => db.prepare("UPDATE events SET actor = 'mallory'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(verifyChain(db)).toMatchObject({ ok: true, events: 2, headHash: b.hash });
    close();
  });
});
