import type { ApiHandlers } from '../../core/api';
import { newId } from '../../core/ids';
import { invalid } from '../errors';
import { claimRowById, claimRowByRowid, refreshCounters } from '../repos/claims';
import { disputeById, disputeRowById, insertDispute, insertResponse, resolveDisputeRow } from '../repos/disputes';
import { evidenceRowById } from '../repos/evidence';
import { record, type Ctx } from './context';

type H = Pick<ApiHandlers, 'disputes.open' | 'disputes.respond' | 'disputes.resolve'>;

export function disputeHandlers(ctx: Ctx): H {
  return {
    'disputes.open': (input) => {
      const claim = claimRowById(ctx.db, input.claimId);
      if (claim.deleted_at) throw invalid('claimId', `claim ${input.claimId} is in the trash; restore it first`);
      const evidenceRowids = input.evidenceIds.map((eid, i) => {
        const e = evidenceRowById(ctx.db, eid);
        if (e.claim_rowid !== claim.rowid) throw invalid(['evidenceIds', i], `evidence ${eid} belongs to another claim`);
        return e.rowid;
      });
      const id = newId();
      insertDispute(ctx.db, { id, claimRowid: claim.rowid, raisedBy: input.raisedBy, position: input.position, at: input.openedAt ?? ctx.now(), evidenceRowids });
      refreshCounters(ctx.db, claim.rowid);
      const d = disputeById(ctx.db, id);
      record(ctx, { kind: 'dispute.opened', entityType: 'dispute', entityId: id, claimId: claim.id, payload: { after: d } });
      return d;
    },

    'disputes.respond': (input) => {
      const row = disputeRowById(ctx.db, input.id);
      if (row.status === 'resolved') throw invalid(`dispute ${input.id} is resolved; open a new one to challenge again`);
      const rid = newId();
      insertResponse(ctx.db, { id: rid, disputeRowid: row.rowid, author: input.author, text: input.text, at: ctx.now() });
      const claim = claimRowByRowid(ctx.db, row.claim_rowid);
      record(ctx, {
        kind: 'dispute.response',
        entityType: 'dispute',
        entityId: row.id,
        claimId: claim.id,
        payload: { after: { id: rid, author: input.author, text: input.text } },
      });
      return disputeById(ctx.db, input.id);
    },

    'disputes.resolve': (input) => {
      const row = disputeRowById(ctx.db, input.id);
      if (row.status === 'resolved') throw invalid(`dispute ${input.id} is already resolved`);
      resolveDisputeRow(ctx.db, row.rowid, input.resolution, ctx.now(), input.outcome ?? null);
      refreshCounters(ctx.db, row.claim_rowid);
      const claim = claimRowByRowid(ctx.db, row.claim_rowid);
      record(ctx, {
        kind: 'dispute.resolved',
        entityType: 'dispute',
        entityId: row.id,
        claimId: claim.id,
        payload: { before: { status: 'open' }, after: { status: 'resolved', resolution: input.resolution, outcome: input.outcome ?? null } },
        rationale: input.resolution,
      });
      return disputeById(ctx.db, input.id);
    },
  };
}
