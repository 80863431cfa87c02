/** evidence add|edit. */
import type { Evidence } from '../../core/types';
import { num, str, UsageError, type Command, type Values } from '../command';
import { clearable } from './values';

/** What evidence add and evidence edit both take. */
const EVIDENCE_OPTIONS = {
  stance: { type: 'string' },
  credibility: { type: 'string' },
  excerpt: { type: 'string' },
  locator: { type: 'string' },
  weight: { type: 'string' },
  note: { type: 'string' },
  attribution: { type: 'boolean' },
} as const;

function evidenceFields(v: Values) {
  return {
    stance: str(v, 'stance') as never,
    credibility: num(v, 'credibility') as never,
    excerpt: str(v, 'excerpt'),
    weight: num(v, 'weight'),
    note: str(v, 'note'),
  };
}

const evidenceLine = (e: Evidence) =>
  `${e.id}  ${e.stance} (credibility ${e.credibility}, weight ${e.weight})${e.attribution ? ' — attribution: counts 0' : ''}`;

const evidenceAdd: Command = {
  name: 'evidence add',
  usage:
    'evidence add CLAIM_ID --source SOURCE_ID --stance supports|refutes|context [--credibility 1-6] [--excerpt TEXT] [--locator L] [--weight W] [--note N] [--attribution]',
  summary: 'Link a source to a claim with a quote, stance and credibility (--attribution: it only shows the claim was made).',
  options: { ...EVIDENCE_OPTIONS, source: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const source = str(ctx.values, 'source');
    if (!source || !str(ctx.values, 'stance')) throw new UsageError('--source and --stance are required');
    const e = await ctx.withCase((api) =>
      api.invoke('evidence.create', {
        ...evidenceFields(ctx.values),
        claimId: ctx.args[0]!,
        sourceId: source,
        locator: str(ctx.values, 'locator') ?? null,
        attribution: ctx.values.attribution === true,
      }),
    );
    ctx.print(e, () => evidenceLine(e));
  },
};

const evidenceEdit: Command = {
  name: 'evidence edit',
  usage:
    'evidence edit EVIDENCE_ID [--stance S] [--credibility 1-6] [--excerpt TEXT] [--locator L] [--weight W] [--note N] [--attribution | --not-attribution]',
  summary: 'Change an evidence item; --attribution marks it as only showing that the claim was made, --not-attribution unmarks it.',
  options: { ...EVIDENCE_OPTIONS, 'not-attribution': { type: 'boolean' } },
  minArgs: 1,
  async run(ctx) {
    if (ctx.values.attribution && ctx.values['not-attribution']) throw new UsageError('--attribution and --not-attribution exclude each other');
    const attribution = ctx.values.attribution ? true : ctx.values['not-attribution'] ? false : undefined;
    const e = await ctx.withCase((api) =>
      api.invoke('evidence.update', { ...evidenceFields(ctx.values), id: ctx.args[0]!, locator: clearable(ctx.values, 'locator'), attribution }),
    );
    ctx.print(e, () => evidenceLine(e));
  },
};

export const evidenceCommands: Command[] = [evidenceAdd, evidenceEdit];
