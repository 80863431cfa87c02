/** Writes sources and claims of a bundle, skipping duplicates and mapping their keys to rows. */
import { newId } from '../../core/ids';
import type { BundleClaim, BundleSource } from '../../core/transfer/types';
import { run, sql } from '../sql';
import type { Ctx } from '../service/context';
import { insertFullClaim, insertFullSource, type TagWriter } from './insert';
import { claimDedupeKey, doiKey, urlKey, type ImportState, type Ref } from './state';

const where = (o: { line?: number; record?: string }) => ({ line: o.line, record: o.record });

/** The message setDerivedFrom gives for a cycle (db/repos/sources.ts), for the same situation here. */
const CYCLE = 'a source cannot derive from itself or from a source derived from it (lineage cycle)';

/** Returns the ids of the sources it created. */
export function applySources(ctx: Ctx, st: ImportState, sources: BundleSource[], tick: () => void): string[] {
  const inserted: { s: BundleSource; rowid: number; id: string }[] = [];
  for (const s of sources) {
    tick();
    const seen = st.sources.get(s.key);
    const byId = seen || !s.id ? undefined : st.sourceById.get(s.id);
    const byDoi = seen || byId || !s.doi ? undefined : st.sourceByDoi.get(doiKey(s.doi));
    const byUrl = seen || byId || byDoi || !s.url ? undefined : st.sourceByUrl.get(urlKey(s.url));
    const target = seen ?? byId ?? byDoi ?? byUrl;
    if (target) {
      if (!seen) st.sources.set(s.key, target);
      const why = seen ? 'earlier in the file' : byDoi ? 'same DOI' : byUrl ? 'same URL' : '';
      st.duplicate('source', where(s), why ? `${target.id} (${why})` : target.id);
      continue;
    }
    const id = s.id ?? newId();
    const rowid = insertFullSource(ctx.db, s, id, ctx.now);
    const ref = { rowid, id };
    st.sources.set(s.key, ref);
    st.sourceById.set(id, ref);
    if (s.url) st.sourceByUrl.set(urlKey(s.url), ref);
    if (s.doi) st.sourceByDoi.set(doiKey(s.doi), ref);
    st.counts.sources++;
    inserted.push({ s, rowid, id });
  }
  linkLineage(ctx, st, inserted);
  return inserted.map((x) => x.id);
}

/**
 * Lineage of the new sources, in memory: each derivedFrom edge is added in file order (an edge that
 * would close a cycle is refused at the record that closes it), then every new source gets the root
 * of its chain as origin. Sources the case already had keep their origin (a new source cannot be
 * their parent).
 */
function linkLineage(ctx: Ctx, st: ImportState, inserted: { s: BundleSource; rowid: number }[]): void {
  const parentOf = new Map<number, number>();
  for (const { s, rowid } of inserted) {
    if (!s.derivedFromKey) continue;
    const parent: Ref | undefined = st.sources.get(s.derivedFromKey) ?? st.sourceById.get(s.derivedFromKey);
    if (!parent) {
      st.problem(where(s), 'derivedFromId', `no source ${s.derivedFromKey} in the file or the case`);
      continue;
    }
    let up: number | undefined = parent.rowid;
    while (up !== undefined && up !== rowid) up = parentOf.get(up);
    if (up === rowid) {
      st.problem(where(s), 'derivedFromId', CYCLE);
      continue;
    }
    parentOf.set(rowid, parent.rowid);
  }
  const rootOf = (rowid: number): number => {
    let r = rowid;
    for (let p = parentOf.get(r); p !== undefined; p = parentOf.get(r)) r = p;
    return st.originOf.get(r) ?? r;
  };
  for (const { rowid } of inserted) {
    const parent = parentOf.get(rowid) ?? null;
    run(ctx.db, sql`UPDATE sources SET derived_from = ${parent}, origin = ${rootOf(rowid)} WHERE rowid = ${rowid}`);
  }
}

/** A claim this import created, with its row: its history event is written after the recompute. */
export interface CreatedClaim {
  claim: BundleClaim;
  ref: Ref;
}

export function applyClaims(ctx: Ctx, st: ImportState, claims: BundleClaim[], tick: () => void, tags: TagWriter): CreatedClaim[] {
  const created: CreatedClaim[] = [];
  for (const c of claims) {
    tick();
    const seen = st.claims.get(c.key);
    const byId = seen || !c.id ? undefined : st.claimById.get(c.id);
    const textKey = claimDedupeKey(c.text, c.claimant);
    const byText = seen || byId ? undefined : st.claimByText.get(textKey);
    const target = seen ?? byId ?? byText;
    if (target) {
      if (!seen) st.claims.set(c.key, target);
      const earlier = st.origins.get(target.id);
      const place = earlier?.line !== undefined ? `line ${earlier.line}` : earlier?.record;
      const why = byText ? `same text and claimant${place ? ` as ${place}` : ''}` : seen ? `same id as ${place ?? 'an earlier record'}` : '';
      st.duplicate('claim', where(c), why ? `${target.id} (${why})` : target.id);
      continue;
    }
    const id = c.id ?? newId();
    const rowid = insertFullClaim(ctx.db, c, id, ctx.now);
    if (c.tags.length) tags.add(rowid, c.tags);
    const ref = { rowid, id };
    st.claims.set(c.key, ref);
    st.claimById.set(id, ref);
    st.claimByText.set(textKey, ref);
    st.origins.set(id, where(c));
    st.counts.claims++;
    if (c.override) st.touched.add(rowid);
    created.push({ claim: c, ref });
  }
  return created;
}
