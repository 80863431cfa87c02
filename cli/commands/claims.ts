/** claim add|list|edit|show|status|override|delete|restore. */
import { CLAIM_SORTS } from '../../core/claim-sorts';
import { num, str, strs, UsageError, type Command, type Values } from '../command';
import { claimDetailText, claimLine } from '../format';
import { clearable, optionalStatus, statusWord } from './values';

/**
 * --kind with its reason. On `claim add`, --why is the status rationale when --status is given,
 * else the kind's reason; --kind-why always names the kind's reason.
 */
function kindInput(v: Values, whyIsKind: boolean) {
  const kind = str(v, 'kind')?.trim().toLowerCase() as never;
  const why = str(v, 'kind-why') ?? (whyIsKind ? str(v, 'why') : undefined);
  return { kind, kindRationale: why };
}

/** What claim add and claim edit both take. */
const CLAIM_OPTIONS = {
  kind: { type: 'string' },
  'kind-why': { type: 'string' },
  text: { type: 'string' },
  claimant: { type: 'string' },
  date: { type: 'string' },
  tag: { type: 'string', multiple: true },
  why: { type: 'string' },
  prior: { type: 'string' },
  notes: { type: 'string' },
} as const;

const claimAdd: Command = {
  name: 'claim add',
  usage:
    'claim add --text T [--claimant C] [--date YYYY-MM-DD] [--tag T]... [--kind fact|forecast|not-checkable] [--status S] [--why TEXT] [--kind-why TEXT] [--prior P]',
  summary: 'Log a claim (a not-checkable claim needs --why: why it cannot be checked).',
  options: { ...CLAIM_OPTIONS, status: { type: 'string' } },
  async run(ctx) {
    const text = str(ctx.values, 'text');
    if (!text) throw new UsageError('--text is required');
    const claim = await ctx.withCase((api) =>
      api.invoke('claims.create', {
        text,
        claimant: str(ctx.values, 'claimant') ?? null,
        claimedAt: str(ctx.values, 'date') ?? null,
        tags: strs(ctx.values, 'tag'),
        status: optionalStatus(str(ctx.values, 'status')) as never,
        statusRationale: str(ctx.values, 'status') ? (str(ctx.values, 'why') ?? null) : null,
        prior: num(ctx.values, 'prior'),
        notes: str(ctx.values, 'notes'),
        ...kindInput(ctx.values, !str(ctx.values, 'status')),
      }),
    );
    ctx.print(claim, () => claimLine(claim));
  },
};

const claimEdit: Command = {
  name: 'claim edit',
  usage:
    'claim edit ID [--text T] [--claimant C] [--date YYYY-MM-DD] [--tag T]... [--kind fact|forecast|not-checkable] [--why TEXT] [--prior P] [--notes N]',
  summary: 'Change what a claim says or what kind it is (--why: the reason for its kind; "" clears).',
  options: CLAIM_OPTIONS,
  minArgs: 1,
  async run(ctx) {
    const tags = strs(ctx.values, 'tag');
    const kind = kindInput(ctx.values, true);
    const claim = await ctx.withCase((api) =>
      api.invoke('claims.update', {
        id: ctx.args[0]!,
        text: str(ctx.values, 'text'),
        claimant: clearable(ctx.values, 'claimant'),
        claimedAt: clearable(ctx.values, 'date'),
        tags: tags.length ? tags : undefined,
        prior: num(ctx.values, 'prior'),
        notes: str(ctx.values, 'notes'),
        kind: kind.kind,
        kindRationale: kind.kindRationale === undefined ? undefined : kind.kindRationale.trim() || null,
      }),
    );
    ctx.print(claim, () => claimLine(claim));
  },
};

const claimList: Command = {
  name: 'claim list',
  usage: `claim list [--query Q] [--status S]... [--tag T] [--limit N] [--offset N] [--sort ${CLAIM_SORTS.join('|')}] [--asc] [--trash]`,
  summary: 'List claims (with --query: full-text search over claims).',
  options: {
    query: { type: 'string' },
    status: { type: 'string', multiple: true },
    tag: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    sort: { type: 'string' },
    asc: { type: 'boolean' },
    trash: { type: 'boolean' },
  },
  async run(ctx) {
    const q = str(ctx.values, 'query');
    const limit = num(ctx.values, 'limit') ?? 100;
    const page = await ctx.withCase((api) => {
      if (q) {
        const r = api.invoke('search.query', { q, limit, kinds: ['claims'] });
        const ids = r.groups.claims.map((h) => h.id);
        const items = ids.map((id) => api.invoke('claims.get', { id }).claim);
        return { items, total: items.length, offset: 0, limit, notices: r.notices };
      }
      return api.invoke('claims.list', {
        limit,
        offset: num(ctx.values, 'offset') ?? 0,
        status: strs(ctx.values, 'status').map(statusWord) as never,
        tag: str(ctx.values, 'tag'),
        sort: (str(ctx.values, 'sort') ?? 'updated') as never,
        direction: ctx.values.asc ? 'asc' : 'desc',
        deleted: ctx.values.trash === true,
      });
    });
    ctx.print(page, () => [...page.items.map(claimLine), `${page.items.length} of ${page.total} claims`].join('\n'));
  },
};

const claimShow: Command = {
  name: 'claim show',
  usage: 'claim show ID',
  summary: 'A claim with its probability, confidence, evidence breakdown and disputes.',
  minArgs: 1,
  async run(ctx) {
    const d = await ctx.withCase((api) => api.invoke('claims.get', { id: ctx.args[0]! }));
    ctx.print(d, () => claimDetailText(d));
  },
};

const claimStatus: Command = {
  name: 'claim status',
  usage: 'claim status ID STATUS --why TEXT [--outcome true|false]',
  summary: "Set the analyst's verdict (supported, disputed, refuted, mixed, unresolvable need --why).",
  options: { why: { type: 'string' }, outcome: { type: 'string' } },
  minArgs: 2,
  async run(ctx) {
    const [id, ...status] = ctx.args;
    const claim = await ctx.withCase((api) =>
      api.invoke('claims.setStatus', {
        id: id!,
        status: statusWord(status.join(' ')) as never,
        rationale: str(ctx.values, 'why') ?? null,
        outcome: (str(ctx.values, 'outcome') ?? null) as never,
      }),
    );
    ctx.print(claim, () => claimLine(claim));
  },
};

const claimOverride: Command = {
  name: 'claim override',
  usage: 'claim override ID --probability P --why TEXT | claim override ID --clear --why TEXT',
  summary: 'Override the computed probability (the computed value stays visible).',
  options: { probability: { type: 'string' }, why: { type: 'string' }, clear: { type: 'boolean' } },
  minArgs: 1,
  async run(ctx) {
    const id = ctx.args[0]!;
    const why = str(ctx.values, 'why');
    if (!why) throw new UsageError('--why is required: an override needs a rationale');
    const claim = await ctx.withCase((api) =>
      ctx.values.clear
        ? api.invoke('claims.clearOverride', { id, rationale: why })
        : api.invoke('claims.override', { id, probability: num(ctx.values, 'probability') as number, rationale: why }),
    );
    ctx.print(claim, () => claimLine(claim));
  },
};

const claimDelete: Command = {
  name: 'claim delete',
  usage: 'claim delete ID [--why TEXT]',
  summary: 'Move a claim to the trash (restorable; its history stays).',
  options: { why: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const claim = await ctx.withCase((api) => api.invoke('claims.delete', { id: ctx.args[0]!, rationale: str(ctx.values, 'why') ?? null }));
    ctx.print(claim, () => `Moved to trash: ${claimLine(claim)}`);
  },
};

const claimRestore: Command = {
  name: 'claim restore',
  usage: 'claim restore ID',
  summary: 'Bring a claim back from the trash.',
  minArgs: 1,
  async run(ctx) {
    const claim = await ctx.withCase((api) => api.invoke('claims.restore', { id: ctx.args[0]! }));
    ctx.print(claim, () => `Restored: ${claimLine(claim)}`);
  },
};

export const claimCommands: Command[] = [claimAdd, claimList, claimEdit, claimShow, claimStatus, claimOverride, claimDelete, claimRestore];
