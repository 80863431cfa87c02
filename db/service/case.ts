/** case.info, settings.update, tags.list: the case as a whole. */
import type { ApiHandlers } from '../../core/api';
import { recordCounts } from '../repos/counts';
import { countEvents } from '../repos/events';
import { getMeta, getSettings, setSetting } from '../repos/meta';
import { listTags } from '../repos/tags';
import { diff, record, transactional, type Ctx } from './context';

type H = Pick<ApiHandlers, 'case.info' | 'settings.update' | 'tags.list'>;

export function caseHandlers(ctx: Ctx, path: string): H {
  const tx = transactional(ctx);
  return {
    'case.info': () => ({
      path,
      title: getMeta(ctx.db, 'title') ?? path.split(/[\\/]/).pop() ?? path,
      schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
      counts: recordCounts(ctx.db, countEvents(ctx.db)),
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
  };
}
