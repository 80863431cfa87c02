/** ach create|add|rate|show|list, assumption add|fail|list, indicator add|observe|list: structured analytic techniques (issue 18). */
import { boardTable } from '../../core/analysis/board-table';
import type { AchBoard, Assumption, Indicator } from '../../core/contract/analysis';
import { str, strs, UsageError, type Command } from '../command';
import { safe } from '../format';

function boardText(b: AchBoard): string {
  const t = boardTable(b, 60);
  const lines = [t.header, ...t.rows, t.totals].map((cols) => cols.map(safe));
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  const fmt = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [
    `${b.id}  ${safe(b.title)}${b.question ? ` — ${safe(b.question)}` : ''}`,
    ...b.hypotheses.map((h) => `  ${h.label} ${safe(h.text)}  (${h.claimId})${b.scores.leader === h.claimId ? '  ← least contradicted' : ''}`),
    '',
    ...lines.map(fmt),
    '',
    safe(b.reading),
  ].join('\n');
}

const assumptionText = (a: Assumption) =>
  [
    `${a.id}  [${a.state}] ${safe(a.text)}`,
    `  owner: ${safe(a.owner) || '—'}   holds: ${a.likelihood}   impact if wrong: ${a.impact}`,
    ...a.claims.map((c) => `  underpins ${c.id}  ${safe(c.text)}`),
    ...(a.state === 'failed' ? [`  failed ${a.failedAt}: ${safe(a.failedWhy ?? '')}`] : []),
  ].join('\n');

const indicatorText = (i: Indicator) =>
  `${i.id}  [${i.state}${i.observedOn ? ` ${i.observedOn}` : ''}] ${i.direction} ${i.claimId}: ${safe(i.text)}${i.note ? ` — ${safe(i.note)}` : ''}`;

const achCreate: Command = {
  name: 'ach create',
  usage: 'ach create --title T --claim ID --claim ID [--claim ID]... [--question TEXT] [--no-evidence]',
  summary: 'Start an ACH board: two or more competing claims as hypotheses, with their evidence as rows.',
  options: { title: { type: 'string' }, question: { type: 'string' }, claim: { type: 'string', multiple: true }, 'no-evidence': { type: 'boolean' } },
  async run(ctx) {
    const b = await ctx.withCase((api) =>
      api.invoke('ach.create', {
        title: str(ctx.values, 'title') ?? '',
        question: str(ctx.values, 'question'),
        claimIds: strs(ctx.values, 'claim'),
        pullEvidence: ctx.values['no-evidence'] !== true,
      }),
    );
    ctx.print(b, () => boardText(b));
  },
};

const achAdd: Command = {
  name: 'ach add',
  usage: 'ach add BOARD_ID (--claim ID [--no-evidence] | --evidence ID)',
  summary: 'Add a hypothesis (a claim, with its evidence) or an evidence row by hand.',
  options: { claim: { type: 'string' }, evidence: { type: 'string' }, 'no-evidence': { type: 'boolean' } },
  minArgs: 1,
  async run(ctx) {
    const claimId = str(ctx.values, 'claim');
    const evidenceId = str(ctx.values, 'evidence');
    if (!claimId === !evidenceId) throw new UsageError('give either --claim ID (a hypothesis) or --evidence ID (an evidence row)');
    const b = await ctx.withCase((api) => api.invoke('ach.add', { id: ctx.args[0]!, claimId, evidenceId, pullEvidence: ctx.values['no-evidence'] !== true }));
    ctx.print(b, () => boardText(b));
  },
};

const achRate: Command = {
  name: 'ach rate',
  usage: 'ach rate BOARD_ID --evidence ID --claim ID --rating CC|C|N|I|II|clear [--analyst NAME]',
  summary: 'Rate one cell: how consistent the evidence item is with the hypothesis (your rating; clear removes it).',
  options: { evidence: { type: 'string' }, claim: { type: 'string' }, rating: { type: 'string' }, analyst: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const rating = str(ctx.values, 'rating');
    if (!rating) throw new UsageError('--rating is required: CC, C, N, I, II or clear');
    const b = await ctx.withCase((api) =>
      api.invoke('ach.rate', {
        id: ctx.args[0]!,
        evidenceId: str(ctx.values, 'evidence') ?? '',
        claimId: str(ctx.values, 'claim') ?? '',
        rating: rating.toLowerCase() === 'clear' ? null : (rating.toUpperCase() as 'C'),
        analyst: str(ctx.values, 'analyst'),
      }),
    );
    ctx.print(b, () => boardText(b));
  },
};

const achShow: Command = {
  name: 'ach show',
  usage: 'ach show BOARD_ID',
  summary: 'The matrix with weighted inconsistency, diagnosticity, critical items and split cells.',
  minArgs: 1,
  async run(ctx) {
    const b = await ctx.withCase((api) => api.invoke('ach.get', { id: ctx.args[0]! }));
    ctx.print(b, () => boardText(b));
  },
};

const achList: Command = {
  name: 'ach list',
  usage: 'ach list',
  summary: 'The ACH boards of the case.',
  async run(ctx) {
    const bs = await ctx.withCase((api) => api.invoke('ach.list', {}));
    ctx.print(bs, () => (bs.length ? bs.map((b) => `${b.id}  ${safe(b.title)}  (${b.hypotheses} hypotheses, ${b.rows} rows)`).join('\n') : 'No ACH boards yet.'));
  },
};

const assumptionAdd: Command = {
  name: 'assumption add',
  usage: 'assumption add --text T --likelihood high|medium|low --impact high|medium|low --claim ID... [--owner WHO]',
  summary: 'Register a key assumption: how likely it holds, the impact if wrong, and the claims it underpins.',
  options: { text: { type: 'string' }, owner: { type: 'string' }, likelihood: { type: 'string' }, impact: { type: 'string' }, claim: { type: 'string', multiple: true } },
  async run(ctx) {
    const a = await ctx.withCase((api) =>
      api.invoke('assumptions.add', {
        text: str(ctx.values, 'text') ?? '',
        owner: str(ctx.values, 'owner'),
        likelihood: str(ctx.values, 'likelihood') as 'high',
        impact: str(ctx.values, 'impact') as 'high',
        claimIds: strs(ctx.values, 'claim'),
      }),
    );
    ctx.print(a, () => assumptionText(a));
  },
};

const assumptionFail: Command = {
  name: 'assumption fail',
  usage: 'assumption fail ID --why TEXT',
  summary: 'Mark an assumption failed: its claims are flagged for review, their saved briefings as stale.',
  options: { why: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const a = await ctx.withCase((api) => api.invoke('assumptions.fail', { id: ctx.args[0]!, why: str(ctx.values, 'why') ?? '' }));
    ctx.print(a, () => assumptionText(a));
  },
};

const assumptionList: Command = {
  name: 'assumption list',
  usage: 'assumption list [--claim ID]',
  summary: 'The key assumptions register (of one claim with --claim).',
  options: { claim: { type: 'string' } },
  async run(ctx) {
    const as = await ctx.withCase((api) => api.invoke('assumptions.list', { claimId: str(ctx.values, 'claim') }));
    ctx.print(as, () => (as.length ? as.map(assumptionText).join('\n') : 'No assumptions registered.'));
  },
};

const indicatorAdd: Command = {
  name: 'indicator add',
  usage: 'indicator add --text T --claim ID --direction supports|undercuts',
  summary: 'An observable sign that would support or undercut a claim.',
  options: { text: { type: 'string' }, claim: { type: 'string' }, direction: { type: 'string' } },
  async run(ctx) {
    const i = await ctx.withCase((api) =>
      api.invoke('indicators.add', { text: str(ctx.values, 'text') ?? '', claimId: str(ctx.values, 'claim') ?? '', direction: str(ctx.values, 'direction') as 'supports' }),
    );
    ctx.print(i, () => indicatorText(i));
  },
};

const indicatorObserve: Command = {
  name: 'indicator observe',
  usage: 'indicator observe ID [--state observed|contradicted|not-observed] [--date YYYY-MM-DD] [--note TEXT]',
  summary: 'Record that an indicator was observed (or contradicted) and when; then add what you saw as evidence.',
  options: { state: { type: 'string' }, date: { type: 'string' }, note: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const i = await ctx.withCase((api) =>
      api.invoke('indicators.observe', { id: ctx.args[0]!, state: str(ctx.values, 'state') as 'observed' | undefined, on: str(ctx.values, 'date'), note: str(ctx.values, 'note') }),
    );
    ctx.print(i, () =>
      `${indicatorText(i)}${i.state === 'observed' ? `\nAdd it as evidence: claimtrail evidence add ${i.claimId} --source ID --stance ${i.direction === 'supports' ? 'supports' : 'refutes'} --excerpt "…"` : ''}`,
    );
  },
};

const indicatorList: Command = {
  name: 'indicator list',
  usage: 'indicator list [--claim ID]',
  summary: 'Indicators and their state (of one claim with --claim).',
  options: { claim: { type: 'string' } },
  async run(ctx) {
    const is = await ctx.withCase((api) => api.invoke('indicators.list', { claimId: str(ctx.values, 'claim') }));
    ctx.print(is, () => (is.length ? is.map(indicatorText).join('\n') : 'No indicators.'));
  },
};

export const analysisCommands: Command[] = [achCreate, achAdd, achRate, achShow, achList, assumptionAdd, assumptionFail, assumptionList, indicatorAdd, indicatorObserve, indicatorList];
