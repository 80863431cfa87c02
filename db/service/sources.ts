import type { ApiHandlers } from '../../core/api';
import { DEFAULT_RELIABILITY } from '../../core/grades';
import { newId } from '../../core/ids';
import type { PossibleCopy, Source } from '../../core/types';
import { claimRowByRowid } from '../repos/claims';
import { conflict, invalid } from '../errors';
import { citationsOfSource, claimsCitingSources, countCitations } from '../repos/evidence';
import {
  countDerivedSources,
  derivedSources,
  descendants,
  insertSource,
  lineage,
  listSources,
  patchSource,
  setDeleted,
  setDerivedFrom,
  sourceRowById,
  toSource,
  type SourceFields,
} from '../repos/sources';
import { diff, record, type Ctx } from './context';
import { claimDetail } from './claims';
import { refuseRestoreOfMerged } from './duplicates';
import { recomputeClaim } from './recompute';

type H = Pick<
  ApiHandlers,
  'sources.create' | 'sources.update' | 'sources.delete' | 'sources.restore' | 'sources.get' | 'sources.list'
>;

export function sourceById(ctx: Ctx, id: string): Source {
  return toSource(sourceRowById(ctx.db, id));
}

/** Recomputes every claim that cites the source or anything derived from it. */
function recomputeCiting(ctx: Ctx, sourceRowid: number, cause: string): void {
  for (const claimRowid of claimsCitingSources(ctx.db, descendants(ctx.db, sourceRowid)))
    recomputeClaim(ctx, claimRowid, cause);
}

/** Possible copies, in every claim citing the source, where the source's item is the copy or the copied. */
function copiesInvolvingSource(ctx: Ctx, rowid: number, id: string): PossibleCopy[] {
  const out: PossibleCopy[] = [];
  for (const claimRowid of claimsCitingSources(ctx.db, [rowid])) {
    const detail = claimDetail(ctx, claimRowByRowid(ctx.db, claimRowid).id);
    out.push(...detail.possibleCopies.filter((c) => c.sourceId === id || c.copyOfSourceId === id));
  }
  return out;
}

export function sourceHandlers(ctx: Ctx): H {
  return {
    'sources.create': (input) => {
      const id = newId();
      const fields: SourceFields = {
        title: input.title,
        url: input.url ?? null,
        publisher: input.publisher ?? null,
        authors: input.authors ?? [],
        publishedAt: input.publishedAt ?? null,
        accessedAt: input.accessedAt ?? null,
        kind: input.kind ?? 'other',
        reliability: input.reliability ?? DEFAULT_RELIABILITY,
        doi: input.doi ?? null,
        notes: input.notes ?? '',
        fileSha256: input.fileSha256 ?? null,
        csl: input.csl ?? null,
        speaksFor: input.speaksFor ?? null,
      };
      const rowid = insertSource(ctx.db, id, fields, ctx.now());
      if (input.derivedFromId) setDerivedFrom(ctx.db, rowid, sourceRowById(ctx.db, input.derivedFromId).rowid);
      const source = sourceById(ctx, id);
      record(ctx, { kind: 'source.created', entityType: 'source', entityId: id, payload: { after: source } });
      return source;
    },

    'sources.update': (input) => {
      const row = sourceRowById(ctx.db, input.id);
      const before = toSource(row);
      const { id: _id, derivedFromId, ...fields } = input;
      patchSource(ctx.db, row, fields as Partial<SourceFields>, ctx.now());
      if (derivedFromId !== undefined && derivedFromId !== before.derivedFromId)
        setDerivedFrom(ctx.db, row.rowid, derivedFromId ? sourceRowById(ctx.db, derivedFromId).rowid : null);
      const after = sourceById(ctx, input.id);
      const { updatedAt: _a, ...b } = before;
      const { updatedAt: _b, ...a } = after;
      const changes = diff(b, a);
      if (Object.keys(changes.after).length)
        record(ctx, { kind: 'source.updated', entityType: 'source', entityId: row.id, payload: changes });
      if (before.reliability !== after.reliability)
        recomputeCiting(ctx, row.rowid, `source "${after.title}" regraded ${before.reliability} → ${after.reliability}`);
      else if (before.originId !== after.originId)
        recomputeCiting(ctx, row.rowid, `lineage of source "${after.title}" changed`);
      else if (before.speaksFor !== after.speaksFor)
        recomputeCiting(ctx, row.rowid, `source "${after.title}" now speaks for ${after.speaksFor ?? 'nobody'}`);
      return after;
    },

    'sources.delete': (input) => {
      const row = sourceRowById(ctx.db, input.id);
      if (row.deleted_at) throw invalid(`source ${input.id} is already in the trash`);
      const cited = countCitations(ctx.db, row.rowid);
      if (cited) throw conflict(`source "${row.title}" is cited by ${cited} evidence item${cited === 1 ? '' : 's'}; remove them first`);
      const children = countDerivedSources(ctx.db, row.rowid);
      if (children) throw conflict(`source "${row.title}" has ${children} derived source${children === 1 ? '' : 's'}; change their lineage first`);
      setDeleted(ctx.db, row.rowid, ctx.now());
      record(ctx, { kind: 'source.deleted', entityType: 'source', entityId: row.id, payload: {}, rationale: input.rationale ?? null });
      return sourceById(ctx, input.id);
    },

    'sources.restore': (input) => {
      const row = sourceRowById(ctx.db, input.id);
      if (!row.deleted_at) throw invalid(`source ${input.id} is not in the trash`);
      refuseRestoreOfMerged(ctx, 'source', row.rowid, row.id);
      setDeleted(ctx.db, row.rowid, null);
      record(ctx, { kind: 'source.restored', entityType: 'source', entityId: row.id, payload: {} });
      return sourceById(ctx, input.id);
    },

    'sources.get': (input) => {
      const row = sourceRowById(ctx.db, input.id);
      return {
        ...toSource(row),
        lineage: lineage(ctx.db, row.rowid),
        derived: derivedSources(ctx.db, row.rowid),
        citedBy: citationsOfSource(ctx.db, row.rowid),
        possibleCopies: copiesInvolvingSource(ctx, row.rowid, row.id),
      };
    },

    'sources.list': (input) => ({ ...listSources(ctx.db, input), offset: input.offset, limit: input.limit }),
  };
}
