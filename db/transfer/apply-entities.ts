/** Writes sources and claims of a bundle, skipping duplicates and mapping their keys to rows. */
import { newId } from '../../core/ids';
import type { BundleClaim, BundleSource } from '../../core/transfer/types';
import { CaseError } from '../errors';
import { setDerivedFrom } from '../repos/sources';
import { setTags } from '../repos/tags';
import { record, type Ctx } from '../service/context';
import { insertFullClaim, insertFullSource } from './insert';
import { claimDedupeKey, doiKey, urlKey, type ImportState } from './state';

const where = (o: { line?: number; record?: string }) => ({ line: o.line, record: o.record });

export function applySources(ctx: Ctx, st: ImportState, sources: BundleSource[], tick: () => void): void {
  const inserted: { s: BundleSource; rowid: number }[] = [];
  for (const s of sources) {
    tick();
    const seen = st.sources.get(s.key);
    const byId = seen ? undefined : st.existing('sources', s.id);
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
    const rowid = insertFullSource(ctx.db, s, id, ctx.now());
    const ref = { rowid, id };
    st.sources.set(s.key, ref);
    if (s.url) st.sourceByUrl.set(urlKey(s.url), ref);
    if (s.doi) st.sourceByDoi.set(doiKey(s.doi), ref);
    st.counts.sources++;
    inserted.push({ s, rowid });
    record(ctx, {
      kind: 'source.created',
      entityType: 'source',
      entityId: id,
      payload: { after: { id, title: s.title, url: s.url, kind: s.kind, reliability: s.reliability }, imported: true },
    });
  }
  for (const { s, rowid } of inserted) {
    if (!s.derivedFromKey) continue;
    const parent = st.sources.get(s.derivedFromKey) ?? st.existing('sources', s.derivedFromKey);
    if (!parent) {
      st.problem(where(s), 'derivedFromId', `no source ${s.derivedFromKey} in the file or the case`);
      continue;
    }
    try {
      setDerivedFrom(ctx.db, rowid, parent.rowid);
    } catch (e) {
      if (!(e instanceof CaseError)) throw e;
      st.problem(where(s), 'derivedFromId', e.message);
    }
  }
}

export function applyClaims(ctx: Ctx, st: ImportState, claims: BundleClaim[], tick: () => void): void {
  for (const c of claims) {
    tick();
    const seen = st.claims.get(c.key);
    const byId = seen ? undefined : st.existing('claims', c.id);
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
    const rowid = insertFullClaim(ctx.db, c, id, ctx.now());
    if (c.tags.length) setTags(ctx.db, rowid, c.tags);
    const ref = { rowid, id };
    st.claims.set(c.key, ref);
    st.claimByText.set(textKey, ref);
    st.origins.set(id, where(c));
    st.counts.claims++;
    if (c.override) st.touched.add(rowid);
    const { key: _k, line: _l, record: _r, ...after } = c;
    record(ctx, {
      kind: 'claim.created',
      entityType: 'claim',
      entityId: id,
      claimId: id,
      payload: { after: { ...after, id, probability: c.override?.probability ?? c.prior }, imported: true },
      rationale: c.statusRationale,
    });
  }
}
