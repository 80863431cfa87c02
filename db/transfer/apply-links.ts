/** Writes evidence, disputes, claim links and briefings, resolving keys against the file and the case. */
import { newId } from '../../core/ids';
import type { Bundle } from '../../core/transfer/types';
import { insertResponse } from '../repos/disputes';
import { all, get, run, sql } from '../sql';
import type { Ctx } from '../service/context';
import { insertBriefing, insertFullDispute, insertFullEvidence } from './insert';
import type { ImportState, Ref } from './state';

const where = (o: { line?: number; record?: string }) => ({ line: o.line, record: o.record });

function resolve(st: ImportState, kind: 'claim' | 'source' | 'evidence', key: string): Ref | undefined {
  if (kind === 'claim') return st.claims.get(key) ?? st.claimById.get(key);
  if (kind === 'source') return st.sources.get(key) ?? st.sourceById.get(key);
  return st.evidence.get(key) ?? st.existing('evidence', key);
}

/**
 * Same claim, source, stance and excerpt: already in the case, or written earlier by this import (the
 * latest such row). Looked up in the table rather than kept in memory: a map keyed by the excerpts held
 * every quote of the file again (≈ 130 MB of the 100k-claim JSON import: docs/performance.md).
 */
function sameEvidence(ctx: Ctx, st: ImportState, claim: Ref, source: Ref, e: Bundle['evidence'][number]): Ref | undefined {
  // Items of this file with ids of their own are distinct by the file's word, even when they read the
  // same (two identical quotes from one source are two items of the exported case); a claim this import
  // created has no evidence but what this import wrote.
  if (e.id && (claim.rowid > st.claimsBefore || !st.had('evidence'))) return undefined;
  return get<Ref>(
    ctx.db,
    sql`SELECT rowid, id FROM evidence WHERE claim_rowid = ${claim.rowid} AND source_rowid = ${source.rowid}
          AND stance = ${e.stance} AND excerpt = ${e.excerpt} ORDER BY rowid DESC LIMIT 1`,
  );
}

/** One batch of evidence (any batch may refer to what the batches before it wrote). */
export function writeEvidence(ctx: Ctx, st: ImportState, items: Bundle['evidence'], tick: () => void): void {
  for (const e of items) {
    tick();
    const claim = resolve(st, 'claim', e.claimKey);
    const source = resolve(st, 'source', e.sourceKey);
    if (!claim) st.problem(where(e), 'claimId', `no claim ${e.claimKey} in the file or the case`);
    if (!source) st.problem(where(e), 'sourceId', `no source ${e.sourceKey} in the file or the case`);
    if (!claim || !source) continue;
    const same = st.evidence.get(e.key) ?? st.existing('evidence', e.id) ?? sameEvidence(ctx, st, claim, source, e);
    if (same) {
      st.evidence.set(e.key, same);
      st.duplicate('evidence', where(e), same.id);
      continue;
    }
    const id = e.id ?? newId();
    const ref = { rowid: insertFullEvidence(ctx.db, e, id, claim.rowid, source.rowid, ctx.now), id };
    st.wrote('evidence', ref, e.key);
    st.touched.add(claim.rowid);
    st.counts.evidence++;
    const receipt = st.receipt(claim);
    receipt.evidenceIds.push(id);
    receipt.sourceIds.add(source.id);
  }
}

/** Pairs the file declares independent (issue 11), once every item of the file has a row. */
export function applyIndependence(ctx: Ctx, st: ImportState, items: Bundle['evidence']): void {
  for (const e of items) {
    const a = resolve(st, 'evidence', e.key);
    if (!a) continue;
    (e.independentOf ?? []).forEach((k, i) => {
      const b = resolve(st, 'evidence', k);
      const claims = b && all<{ c: number }>(ctx.db, sql`SELECT DISTINCT claim_rowid AS c FROM evidence WHERE rowid IN (${a.rowid}, ${b.rowid})`);
      if (!b || a.rowid === b.rowid || claims!.length !== 1)
        return st.problem(where(e), `independentOf.${i}`, `no other evidence ${k} of the same claim in the file or the case`);
      const [lo, hi] = a.rowid < b.rowid ? [a.rowid, b.rowid] : [b.rowid, a.rowid];
      run(ctx.db, sql`INSERT OR IGNORE INTO evidence_independent (a_rowid, b_rowid, created_at) VALUES (${lo}, ${hi}, ${ctx.now()})`);
      st.touched.add(claims![0]!.c);
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
    st.wrote('disputes', { rowid, id });
    for (const e of new Set(evidence.filter((x): x is Ref => !!x).map((x) => x.rowid)))
      run(ctx.db, sql`INSERT INTO dispute_evidence (dispute_rowid, evidence_rowid) VALUES (${rowid}, ${e})`);
    for (const r of d.responses) insertResponse(ctx.db, { id: r.id ?? newId(), disputeRowid: rowid, author: r.author, text: r.text, at: r.createdAt });
    st.touched.add(claim.rowid);
    st.counts.disputes++;
    st.receipt(claim).disputeIds.push(id);
  }
}

export function applyLinks(ctx: Ctx, st: ImportState, items: Bundle['links'], tick: () => void): void {
  const written = new Map<string, Ref>();
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
    const pair = `${from.rowid}\u0001${to.rowid}\u0001${l.kind}`;
    const old = from.rowid <= st.claimsBefore && to.rowid <= st.claimsBefore && st.had('claim_links');
    const dup =
      st.existing('claim_links', l.id) ??
      written.get(pair) ??
      (old ? get<Ref>(ctx.db, sql`SELECT rowid, id FROM claim_links WHERE from_rowid = ${from.rowid} AND to_rowid = ${to.rowid} AND kind = ${l.kind}`) : undefined);
    if (dup) {
      st.duplicate('link', where(l), dup.id);
      continue;
    }
    const id = l.id ?? newId();
    const r = run(
      ctx.db,
      sql`INSERT INTO claim_links (id, from_rowid, to_rowid, kind, note, created_at)
          VALUES (${id}, ${from.rowid}, ${to.rowid}, ${l.kind}, ${l.note}, ${l.createdAt ?? ctx.now()})`,
    );
    const ref = { rowid: Number(r.lastInsertRowid), id };
    st.wrote('claim_links', ref);
    written.set(pair, ref);
    st.counts.links++;
    st.receipt(from).linkIds.push(id);
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
    st.wrote('briefings', { rowid: 0, id: b.id });
    st.counts.briefings++;
  }
}
