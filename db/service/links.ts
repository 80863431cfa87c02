/** links.create, links.delete: links between claims. */
import type { ApiHandlers } from '../../core/api';
import { newId } from '../../core/ids';
import { claimRowById } from '../repos/claims';
import { deleteLink, insertLink, linkById, linksOfClaim } from '../repos/links';
import { record, type Ctx } from './context';

type H = Pick<ApiHandlers, 'links.create' | 'links.delete'>;

export function linkHandlers(ctx: Ctx): H {
  return {
    'links.create': (input) => {
      const from = claimRowById(ctx.db, input.fromId);
      const to = claimRowById(ctx.db, input.toId);
      const id = newId();
      insertLink(ctx.db, { id, fromRowid: from.rowid, toRowid: to.rowid, kind: input.kind, note: input.note, at: ctx.now() });
      record(ctx, {
        kind: 'link.created',
        entityType: 'link',
        entityId: id,
        claimId: from.id,
        payload: { after: { fromId: from.id, toId: to.id, kind: input.kind, note: input.note } },
      });
      return linksOfClaim(ctx.db, from.rowid, from.id).find((l) => l.id === id)!;
    },

    'links.delete': (input) => {
      const link = linkById(ctx.db, input.id);
      deleteLink(ctx.db, input.id);
      record(ctx, {
        kind: 'link.deleted',
        entityType: 'link',
        entityId: input.id,
        claimId: link.from_id,
        payload: { before: { fromId: link.from_id, toId: link.to_id, kind: link.kind } },
      });
      return { id: input.id };
    },
  };
}
