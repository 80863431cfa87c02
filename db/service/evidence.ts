import type { ApiHandlers } from '../../core/api';
import { newId } from '../../core/ids';
import { invalid } from '../errors';
import { claimRowById, claimRowByRowid } from '../repos/claims';
import {
  deleteEvidenceRow,
  evidenceById,
  evidenceRowById,
  insertEvidence,
  isIndependentPair,
  setIndependentPair,
  updateEvidenceRow,
} from '../repos/evidence';
import { sourceRowById, sourceTitle as sourceTitleOf } from '../repos/sources';
import { reanchorEvidence } from './anchors';
import { diff, record, type Ctx } from './context';
import { recomputeClaim } from './recompute';

type H = Pick<ApiHandlers, 'evidence.create' | 'evidence.update' | 'evidence.delete' | 'evidence.setIndependent'>;

function sourceTitle(ctx: Ctx, rowid: number): string {
  return sourceTitleOf(ctx.db, { rowid })!;
}

export function evidenceHandlers(ctx: Ctx): H {
  return {
    'evidence.create': (input) => {
      const claim = claimRowById(ctx.db, input.claimId);
      if (claim.deleted_at) throw invalid('claimId', `claim ${input.claimId} is in the trash; restore it first`);
      const source = sourceRowById(ctx.db, input.sourceId);
      if (source.deleted_at) throw invalid('sourceId', `source ${input.sourceId} is in the trash; restore it first`);
      const id = newId();
      const rowid = insertEvidence(ctx.db, {
        id,
        claimRowid: claim.rowid,
        sourceRowid: source.rowid,
        stance: input.stance,
        excerpt: input.excerpt,
        locator: input.locator ?? null,
        credibility: input.credibility,
        weight: input.weight,
        note: input.note,
        attribution: input.attribution,
        at: ctx.now(),
      });
      reanchorEvidence(ctx, rowid, input.selectors);
      const ev = evidenceById(ctx.db, id);
      record(ctx, { kind: 'evidence.added', entityType: 'evidence', entityId: id, claimId: claim.id, payload: { after: ev } });
      recomputeClaim(ctx, claim.rowid, `evidence added: ${input.stance} from "${source.title}" (${source.reliability}${input.credibility})`);
      return ev;
    },

    'evidence.update': (input) => {
      const row = evidenceRowById(ctx.db, input.id);
      const before = evidenceById(ctx.db, input.id);
      const next = {
        ...row,
        stance: input.stance ?? row.stance,
        excerpt: input.excerpt ?? row.excerpt,
        locator: input.locator === undefined ? row.locator : input.locator,
        credibility: input.credibility ?? row.credibility,
        weight: input.weight ?? row.weight,
        note: input.note ?? row.note,
        attribution: input.attribution === undefined ? row.attribution : input.attribution ? 1 : 0,
      };
      updateEvidenceRow(ctx.db, next, ctx.now());
      if (next.excerpt !== row.excerpt) reanchorEvidence(ctx, row.rowid);
      const after = evidenceById(ctx.db, input.id);
      const { updatedAt: _a, ...b } = before;
      const { updatedAt: _b, ...a } = after;
      const changes = diff(b, a);
      if (Object.keys(changes.after).length) {
        record(ctx, { kind: 'evidence.updated', entityType: 'evidence', entityId: row.id, claimId: after.claimId, payload: changes });
        recomputeClaim(ctx, row.claim_rowid, `evidence from "${sourceTitle(ctx, row.source_rowid)}" edited`);
      }
      return after;
    },

    'evidence.setIndependent': (input) => {
      const [a, b] = [evidenceRowById(ctx.db, input.a), evidenceRowById(ctx.db, input.b)];
      if (a.rowid === b.rowid) throw invalid('b', 'an evidence item cannot be independent of itself');
      if (a.claim_rowid !== b.claim_rowid) throw invalid('b', 'both items must be evidence for the same claim');
      const [lo, hi] = a.rowid < b.rowid ? [a.rowid, b.rowid] : [b.rowid, a.rowid];
      const was = isIndependentPair(ctx.db, lo, hi);
      if (was !== input.independent) {
        setIndependentPair(ctx.db, lo, hi, input.independent, ctx.now());
        const claim = claimRowByRowid(ctx.db, a.claim_rowid);
        record(ctx, {
          kind: 'evidence.independence',
          entityType: 'evidence',
          entityId: a.id,
          claimId: claim.id,
          payload: { a: a.id, b: b.id, before: { independent: was }, after: { independent: input.independent } },
          rationale: input.rationale ?? null,
        });
        recomputeClaim(
          ctx,
          a.claim_rowid,
          input.independent ? 'two similar items declared independent' : 'two similar items no longer declared independent',
        );
      }
      return { a: a.id, b: b.id, independent: input.independent };
    },

    'evidence.delete': (input) => {
      const row = evidenceRowById(ctx.db, input.id);
      const before = evidenceById(ctx.db, input.id);
      const claim = claimRowByRowid(ctx.db, row.claim_rowid);
      deleteEvidenceRow(ctx.db, row.rowid);
      record(ctx, {
        kind: 'evidence.removed',
        entityType: 'evidence',
        entityId: row.id,
        claimId: claim.id,
        payload: { before },
        rationale: input.rationale ?? null,
      });
      recomputeClaim(ctx, row.claim_rowid, `evidence from "${sourceTitle(ctx, row.source_rowid)}" removed`);
      return { id: row.id };
    },
  };
}
