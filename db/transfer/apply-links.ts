/** Writes evidence, disputes, claim links and briefings, resolving keys against the file and the case. */
import { newId } from '../../core/ids';
import type { Bundle } from '../../core/transfer/types';
import { insertResponse } from '../repos/disputes';
import { get, run, sql } from '../sql';
import { record, type Ctx } from '../service/context';
import { insertBriefing, insertFullDispute, insertFullEvidence } from './insert';
import type { ImportState, Ref } from './state';

const where = (o: { line?: number; record?: string }) => ({ line: o.line, record: o.record });

function resolve(st: ImportState, kind: 'claim' | 'source' | 'evidence', key: string): Ref | undefined {
  const map = kind === 'claim' ? st.claims : kind === 'source' ? st.sources : st.evidence;
  return map.get(key) ?? st.existing(kind === 'claim' ? 'claims' : kind === 'source' ? 'sources' : 'evidence', key);
}

export function applyEvidence(ctx: Ctx, st: ImportState, items: Bundle['evidence'], tick: () => void): void {
  for (const e of items) {
    tick();
    const claim = resolve(st, 'claim', e.claimKey);
    const source = resolve(st, 'source', e.sourceKey);
    if (!claim) st.problem(where(e), 'claimId', `no claim ${e.claimKey} in the file or the case`);
    if (!source) st.problem(where(e), 'sourceId', `no source ${e.sourceKey} in the file or the case`);
    if (!claim || !source) continue;
    const same =
      st.evidence.get(e.key) ??
      st.existing('evidence', e.id) ??
      get<Ref>(
        ctx.db,
        sql`SELECT rowid, id FROM evidence WHERE claim_rowid = ${claim.rowid} AND source_rowid = ${source.rowid}
              AND stance = ${e.stance} AND excerpt = ${e.excerpt}`,
      );
    if (same) {
      st.evidence.set(e.key, same);
      st.duplicate('evidence', where(e), same.id);
      continue;
    }
    const id = e.id ?? newId();
    const rowid = insertFullEvidence(ctx.db, e, id, claim.rowid, source.rowid, ctx.now());
    st.evidence.set(e.key, { rowid, id });
    st.touched.add(claim.rowid);
    st.counts.evidence++;
    record(ctx, {
      kind: 'evidence.added',
      entityType: 'evidence',
      entityId: id,
      claimId: claim.id,
      payload: { after: { id, claimId: claim.id, sourceId: source.id, stance: e.stance, credibility: e.credibility, weight: e.weight }, imported: true },
    });
  }
}

export function applyDisputes(ctx: Ctx, st: ImportState, items: Bundle['disputes'], tick: () => void): void {
  for (const d of items) {
    tick();
    const claim = resolve(st, 'claim', d.claimKey);
    if (!claim) {
      st.problem(where(d), 'claimId', `no claim ${d.claimKey} in the file or the case`);
      continue;
    }
    const dup = st.existing('disputes', d.id);
    if (dup) {
      st.duplicate('dispute', where(d), dup.id);
      continue;
    }
    const evidence = d.evidenceKeys.map((k, i) => {
      const e = resolve(st, 'evidence', k);
      if (!e) st.problem(where(d), `evidenceIds.${i}`, `no evidence ${k} in the file or the case`);
      return e;
    });
    const id = d.id ?? newId();
    const rowid = insertFullDispute(ctx.db, { ...d, id, claimRowid: claim.rowid });
    for (const e of new Set(evidence.filter((x): x is Ref => !!x).map((x) => x.rowid)))
      run(ctx.db, sql`INSERT INTO dispute_evidence (dispute_rowid, evidence_rowid) VALUES (${rowid}, ${e})`);
    for (const r of d.responses) insertResponse(ctx.db, { id: r.id ?? newId(), disputeRowid: rowid, author: r.author, text: r.text, at: r.createdAt });
    st.touched.add(claim.rowid);
    st.counts.disputes++;
    record(ctx, {
      kind: 'dispute.opened',
      entityType: 'dispute',
      entityId: id,
      claimId: claim.id,
      payload: { after: { id, raisedBy: d.raisedBy, position: d.position, status: d.status, resolution: d.resolution }, imported: true },
    });
  }
}

export function applyLinks(ctx: Ctx, st: ImportState, items: Bundle['links'], tick: () => void): void {
  for (const l of items) {
    tick();
    const from = resolve(st, 'claim', l.fromKey);
    const to = resolve(st, 'claim', l.toKey);
    if (!from) st.problem(where(l), 'fromId', `no claim ${l.fromKey} in the file or the case`);
    if (!to) st.problem(where(l), 'toId', `no claim ${l.toKey} in the file or the case`);
    if (!from || !to) continue;
    if (from.rowid === to.rowid) {
      st.problem(where(l), 'toId', 'a claim cannot be linked to itself');
      continue;
    }
    const dup =
      st.existing('claim_links', l.id) ??
      get<Ref>(ctx.db, sql`SELECT rowid, id FROM claim_links WHERE from_rowid = ${from.rowid} AND to_rowid = ${to.rowid} AND kind = ${l.kind}`);
    if (dup) {
      st.duplicate('link', where(l), dup.id);
      continue;
    }
    const id = l.id ?? newId();
    run(
      ctx.db,
      sql`INSERT INTO claim_links (id, from_rowid, to_rowid, kind, note, created_at)
          VALUES (${id}, ${from.rowid}, ${to.rowid}, ${l.kind}, ${l.note}, ${l.createdAt ?? ctx.now()})`,
    );
    st.counts.links++;
    record(ctx, { kind: 'link.created', entityType: 'link', entityId: id, claimId: from.id, payload: { after: { fromId: from.id, toId: to.id, kind: l.kind, note: l.note }, imported: true } });
  }
}

export function applyBriefings(ctx: Ctx, st: ImportState, items: Bundle['briefings'], tick: () => void): void {
  for (const b of items) {
    tick();
    const dup = st.existing('briefings', b.id);
    if (dup) {
      st.duplicate('briefing', where(b), dup.id);
      continue;
    }
    insertBriefing(ctx.db, b);
    st.counts.briefings++;
  }
}
