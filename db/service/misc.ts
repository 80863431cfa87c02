import type { ApiHandlers } from '../../core/api';
import { newId } from '../../core/ids';
import type { CaseEvent } from '../../core/types';
import { verifyCaptures } from '../repos/captures';
import { claimRowById } from '../repos/claims';
import { countEvents, eventsForClaim, recentEvents, verifyChain } from '../repos/events';
import { claimAndMergedIds, eventsOfClaims } from '../repos/duplicates';
import { deleteLink, insertLink, linkById, linksOfClaim } from '../repos/links';
import { getMeta, getSettings, setSetting } from '../repos/meta';
import { listTags } from '../repos/tags';
import { search } from '../search';
import { get, sql } from '../sql';
import { diff, record, transactional, type Ctx } from './context';

type H = Pick<
  ApiHandlers,
  | 'case.info'
  | 'settings.update'
  | 'tags.list'
  | 'links.create'
  | 'links.delete'
  | 'search.query'
  | 'history.claim'
  | 'history.recent'
  | 'history.verify'
>;

const count = (ctx: Ctx, q: ReturnType<typeof sql>) => get<{ n: number }>(ctx.db, q)!.n;

/** The (time, probability) series of a claim, from its creation and every confidence move. */
export function probabilitySeries(events: CaseEvent[]): { at: string; probability: number; computed: number }[] {
  const out: { at: string; probability: number; computed: number }[] = [];
  for (const e of events) {
    const p = e.payload as { after?: { probability?: number; computed?: number; computedProbability?: number } };
    if ((e.kind === 'claim.created' || e.kind === 'claim.imported') && typeof p.after?.probability === 'number')
      out.push({ at: e.at, probability: p.after.probability, computed: p.after.computedProbability ?? p.after.probability });
    if (e.kind === 'confidence.changed' && p.after?.probability !== undefined)
      out.push({ at: e.at, probability: p.after.probability, computed: p.after.computed ?? p.after.probability });
  }
  return out;
}

export function miscHandlers(ctx: Ctx, path: string): H {
  const tx = transactional(ctx);
  return {
    'case.info': () => ({
      path,
      title: getMeta(ctx.db, 'title') ?? path.split(/[\\/]/).pop() ?? path,
      schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
      counts: {
        claims: count(ctx, sql`SELECT count(*) AS n FROM claims WHERE deleted_at IS NULL`),
        sources: count(ctx, sql`SELECT count(*) AS n FROM sources WHERE deleted_at IS NULL`),
        evidence: count(ctx, sql`SELECT count(*) AS n FROM evidence`),
        disputes: count(ctx, sql`SELECT count(*) AS n FROM disputes`),
        events: countEvents(ctx.db),
        trash: count(ctx, sql`SELECT count(*) AS n FROM claims WHERE deleted_at IS NOT NULL`),
      },
      settings: getSettings(ctx.db),
    }),

    'settings.update': tx((input) => {
      const before = getSettings(ctx.db);
      if (input.analystName !== undefined) setSetting(ctx.db, 'analystName', input.analystName || 'analyst');
      if (input.caveat !== undefined) setSetting(ctx.db, 'caveat', input.caveat);
      if (input.reviewBaseUrl !== undefined) setSetting(ctx.db, 'reviewBaseUrl', input.reviewBaseUrl);
      if (input.backupsToKeep !== undefined) setSetting(ctx.db, 'backupsToKeep', input.backupsToKeep);
      const after = getSettings(ctx.db);
      const changes = diff(before, after);
      if (Object.keys(changes.after).length)
        record(ctx, { kind: 'settings.updated', entityType: 'case', entityId: 'settings', payload: changes });
      return after;
    }),

    'tags.list': () => listTags(ctx.db),

    'links.create': tx((input) => {
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
    }),

    'links.delete': tx((input) => {
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
    }),

    'search.query': (input) => search(ctx.db, input.q, input.limit, input.kinds),

    'history.claim': (input) => {
      claimRowById(ctx.db, input.id);
      const own = eventsForClaim(ctx.db, input.id);
      // A claim's history includes that of the claims merged into it (db/service/duplicates.ts).
      const ids = claimAndMergedIds(ctx.db, input.id);
      return { events: ids.length > 1 ? eventsOfClaims(ctx.db, ids) : own, series: probabilitySeries(own) };
    },
    'history.recent': (input) => recentEvents(ctx.db, input.limit),
    'history.verify': () => {
      const chain = verifyChain(ctx.db);
      const captures = verifyCaptures(ctx.db, (done, total, label) => ctx.progress(done, total, label));
      return { ...chain, ok: chain.ok && captures.problems.length === 0, captures };
    },
  };
}
