import type { ApiHandlers } from '../../core/api';
import { checkBriefing } from '../../core/briefing/check-briefing';
import { composeBriefing } from '../../core/briefing/compose';
import { layoutBriefing } from '../../core/briefing/layout';
import { toMarkdown } from '../../core/briefing/markdown';
import { renderBriefing } from '../../core/briefing/render';
import { selectionKey } from '../../core/briefing/selection';
import type { Briefing, BriefingSelection } from '../../core/briefing/types';
import type { BriefingVersion, ComposedBriefing, SavedBriefing } from '../../core/contract/briefings';
import { newId } from '../../core/ids';
import { staleBriefingReasons } from '../repos/analysis';
import { briefingRowById, insertBriefing, listBriefings, storedBriefing, toVersion, type BriefingRow } from '../repos/briefings';
import { readBriefingDataCtx } from './briefing-data';
import { record, type Ctx } from './context';

type H = Pick<ApiHandlers, 'briefings.compose' | 'briefings.save' | 'briefings.list' | 'briefings.get' | 'briefings.render'>;

interface ComposeArgs {
  selection: BriefingSelection;
  title?: string;
  bluf?: string;
  /** The provenance carries a signed statement of the head (saved versions and exports). */
  signed?: boolean;
}

export function presentBriefing(briefing: Briefing): ComposedBriefing {
  const blocks = layoutBriefing(briefing);
  return { briefing, blocks, markdown: toMarkdown(briefing, blocks), warnings: checkBriefing(briefing) };
}

function compose(ctx: Ctx, input: ComposeArgs): ComposedBriefing {
  const data = readBriefingDataCtx(ctx, input.selection, { signed: input.signed === true });
  return presentBriefing(composeBriefing(data, { title: input.title, bluf: input.bluf }));
}

/** A list entry, with why it is stale when an assumption under its claims failed since (issue 18.2). */
function versionOf(ctx: Ctx, row: BriefingRow): BriefingVersion {
  const stale = staleBriefingReasons(ctx.db, row.id);
  return { ...toVersion(row), ...(stale.length ? { stale } : {}) };
}

function savedById(ctx: Ctx, id: string): SavedBriefing {
  const row = briefingRowById(ctx.db, id);
  // Everything shown is rendered again from the validated model (the stored Markdown is not trusted either).
  return { ...versionOf(ctx, row), ...presentBriefing(storedBriefing(row)) };
}

export function briefingHandlers(ctx: Ctx): H {
  return {
    'briefings.compose': (input) => compose(ctx, input),

    'briefings.save': (input) => {
      const composed = compose(ctx, { ...input, signed: true });
      const b = composed.briefing;
      const id = newId();
      insertBriefing(ctx.db, {
        id,
        title: b.title,
        selection: b.selection,
        selectionKey: b.selectionKey,
        markdown: composed.markdown,
        briefing: b,
        at: b.generatedAt,
      });
      const saved = savedById(ctx, id);
      record(ctx, {
        kind: 'briefing.saved',
        entityType: 'briefing',
        entityId: id,
        payload: {
          after: { title: b.title, selection: b.selection, version: saved.version, claims: b.judgments.length, changes: b.changes?.lines.length ?? null },
        },
      });
      return saved;
    },

    'briefings.list': (input) =>
      listBriefings(ctx.db, input.selection ? selectionKey(input.selection) : null, input.limit).map((row) => versionOf(ctx, row)),

    'briefings.get': (input) => savedById(ctx, input.id),

    'briefings.render': (input) => {
      const briefing = input.id
        ? storedBriefing(briefingRowById(ctx.db, input.id))
        : compose(ctx, { selection: input.selection!, title: input.title, bluf: input.bluf, signed: true }).briefing;
      return renderBriefing(briefing, input.format);
    },
  };
}
