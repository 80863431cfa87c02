/** source add|edit|show|list. */
import { num, str, strs, UsageError, type Command } from '../command';
import { sourceText } from '../format';
import { clearable } from './values';

const sourceShow: Command = {
  name: 'source show',
  usage: 'source show ID',
  summary: 'A source with its lineage (what it repeats), whom it speaks for, possible copies and the claims citing it.',
  minArgs: 1,
  async run(ctx) {
    const s = await ctx.withCase((api) => api.invoke('sources.get', { id: ctx.args[0]! }));
    ctx.print(s, () =>
      [
        sourceText(s),
        `  lineage: ${s.lineage.map((x) => `[${x.reliability}] ${x.title}`).join(' ← ')}`,
        `  derived sources: ${s.derived.length}`,
        ...(s.speaksFor ? [`  speaks for: ${s.speaksFor} (its items attribute claims by them, they do not corroborate them)`] : []),
        ...s.possibleCopies.map((c) =>
          c.sourceId === s.id
            ? `  possible copy of “${c.copyOfSourceTitle}” (evidence ${c.evidenceId} repeats ${c.copyOfEvidenceId}, claim ${c.claimId})`
            : `  possibly copied by “${c.sourceTitle}” (evidence ${c.evidenceId} repeats ${c.copyOfEvidenceId}, claim ${c.claimId})`,
        ),
        ...s.citedBy.map((c) => `  cited (${c.stance}) by ${c.claimId}  ${c.claimText}`),
      ].join('\n'),
    );
  },
};

const sourceAdd: Command = {
  name: 'source add',
  usage:
    'source add --title T [--url U] [--publisher P] [--author A]... [--date YYYY-MM-DD] [--kind K] [--reliability A-F] [--derived-from ID] [--speaks-for NAME]',
  summary: 'Register a source with its Admiralty reliability grade (--speaks-for: the party it speaks for).',
  options: {
    'speaks-for': { type: 'string' },
    title: { type: 'string' },
    url: { type: 'string' },
    publisher: { type: 'string' },
    author: { type: 'string', multiple: true },
    date: { type: 'string' },
    kind: { type: 'string' },
    reliability: { type: 'string' },
    'derived-from': { type: 'string' },
    notes: { type: 'string' },
  },
  async run(ctx) {
    const title = str(ctx.values, 'title');
    if (!title) throw new UsageError('--title is required');
    const s = await ctx.withCase((api) =>
      api.invoke('sources.create', {
        title,
        url: str(ctx.values, 'url') ?? null,
        publisher: str(ctx.values, 'publisher') ?? null,
        authors: strs(ctx.values, 'author'),
        publishedAt: str(ctx.values, 'date') ?? null,
        kind: str(ctx.values, 'kind') as never,
        reliability: str(ctx.values, 'reliability')?.toUpperCase() as never,
        derivedFromId: str(ctx.values, 'derived-from') ?? null,
        notes: str(ctx.values, 'notes'),
        speaksFor: clearable(ctx.values, 'speaks-for') ?? null,
      }),
    );
    ctx.print(s, () => sourceText(s));
  },
};

const sourceEdit: Command = {
  name: 'source edit',
  usage: 'source edit ID [--title T] [--publisher P] [--reliability A-F] [--derived-from ID] [--speaks-for NAME] [--notes N]  ("" clears)',
  summary: 'Change a source: its grade, lineage or whom it speaks for.',
  options: {
    title: { type: 'string' },
    publisher: { type: 'string' },
    reliability: { type: 'string' },
    'derived-from': { type: 'string' },
    'speaks-for': { type: 'string' },
    notes: { type: 'string' },
  },
  minArgs: 1,
  async run(ctx) {
    const s = await ctx.withCase((api) =>
      api.invoke('sources.update', {
        id: ctx.args[0]!,
        title: str(ctx.values, 'title'),
        publisher: clearable(ctx.values, 'publisher'),
        reliability: str(ctx.values, 'reliability')?.toUpperCase() as never,
        derivedFromId: clearable(ctx.values, 'derived-from'),
        speaksFor: clearable(ctx.values, 'speaks-for'),
        notes: str(ctx.values, 'notes'),
      }),
    );
    ctx.print(s, () => sourceText(s));
  },
};

const sourceList: Command = {
  name: 'source list',
  usage: 'source list [--limit N] [--offset N]',
  summary: 'List sources with their grades.',
  options: { limit: { type: 'string' }, offset: { type: 'string' } },
  async run(ctx) {
    const page = await ctx.withCase((api) =>
      api.invoke('sources.list', { limit: num(ctx.values, 'limit') ?? 100, offset: num(ctx.values, 'offset') ?? 0 }),
    );
    ctx.print(page, () => [...page.items.map(sourceText), `${page.items.length} of ${page.total} sources`].join('\n'));
  },
};

export const sourceCommands: Command[] = [sourceAdd, sourceEdit, sourceShow, sourceList];
