/** case.info, case.rename, settings.update, tags.list: the case as a whole. */
import type { ApiHandlers } from '../../core/api';
import type { CaseInfo } from '../../core/types';
import { recordCounts } from '../repos/counts';
import { countEvents } from '../repos/events';
import { getMeta, setMeta, setSetting } from '../repos/meta';
import { listTags } from '../repos/tags';
import { diff, record, type Ctx } from './context';

type H = Pick<ApiHandlers, 'case.info' | 'case.rename' | 'settings.update' | 'tags.list'>;

export function caseHandlers(ctx: Ctx, path: string): H {
  const info = (): CaseInfo => ({
    path,
    title: getMeta(ctx.db, 'title') ?? path.split(/[\\/]/).pop() ?? path,
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    counts: recordCounts(ctx.db, countEvents(ctx.db)),
    settings: ctx.settings(),
  });
  return {
    'case.info': info,

    'case.rename': (input) => {
      const before = info().title;
      setMeta(ctx.db, 'title', input.title);
      if (before !== input.title)
        record(ctx, { kind: 'case.renamed', entityType: 'case', entityId: 'title', payload: { before: { title: before }, after: { title: input.title } } });
      return info();
    },

    'settings.update': (input) => {
      const before = ctx.settings();
      if (input.analystName !== undefined) ctx.setAnalystName(input.analystName || 'analyst');
      if (input.caveat !== undefined) setSetting(ctx.db, 'caveat', input.caveat);
      if (input.reviewBaseUrl !== undefined) setSetting(ctx.db, 'reviewBaseUrl', input.reviewBaseUrl);
      if (input.backupsToKeep !== undefined) setSetting(ctx.db, 'backupsToKeep', input.backupsToKeep);
      const after = ctx.settings();
      const changes = diff(before, after);
      if (Object.keys(changes.after).length)
        record(ctx, { kind: 'settings.updated', entityType: 'case', entityId: 'settings', payload: changes });
      return after;
    },

    'tags.list': () => listTags(ctx.db),
  };
}
