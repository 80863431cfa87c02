/** init, claim add|edit|list|show|status|override, source add|edit|list|show, evidence add|edit, search, history, verify. */
import { existsSync, statSync } from 'node:fs';
import { CaseError } from '../../db/errors';
import { writeSample } from '../../db/sample';
import { caseHoldsHead, checkStatement, findStatement } from '../../db/signing';
import { num, str, strs, UsageError, type Command, type Values } from '../command';
import type { Evidence } from '../../core/types';
import { claimDetailText, claimLine, eventText, searchText, seriesText, sourceText, verifyText } from '../format';

/** Lets `under-review` / `under_review` stand for the two-word status, as in search. */
const statusWord = (s: string) => s.trim().toLowerCase().replace(/[-_]+/g, ' ');
const optionalStatus = (s: string | undefined) => (s === undefined ? undefined : statusWord(s));

/** An option that may be set to nothing: absent = unchanged, "" = cleared. */
const clearable = (v: Values, k: string): string | null | undefined => {
  const s = str(v, k);
  return s === undefined ? undefined : s.trim() === '' ? null : s;
};

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

const init: Command = {
  name: 'init',
  usage: 'init FILE [--sample]',
  summary: 'Create a new case file (with --sample: the DeepSeek sample case).',
  options: { sample: { type: 'boolean' } },
  minArgs: 1,
  async run(ctx) {
    const file = ctx.args[0]!;
    // Not a usage error (exit 2): the command was right, the file is in the way (exit 1, nothing touched).
    if (existsSync(file) && statSync(file).size > 0) throw new CaseError('conflict', `${file} already exists; choose another name`);
    const info = await ctx.withCase(
      (api) => {
        if (ctx.values.sample) writeSample(api);
        return api.invoke('case.info', {});
      },
      { create: true, path: file },
    );
    ctx.print(info, () => `Created ${file}: ${info.counts.claims} claims, ${info.counts.sources} sources, ${info.counts.evidence} evidence items.`);
  },
};

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
  usage: 'claim list [--query Q] [--status S]... [--tag T] [--limit N] [--offset N] [--sort updated|probability|text|…] [--asc] [--trash]',
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

const searchCmd: Command = {
  name: 'search',
  usage: 'search QUERY [--limit N]',
  summary: 'Full-text search: words, "phrases", -exclusions, prefix*, OR, and filters (status:, tag:, grade:A-B, p:>0.8, …).',
  options: { limit: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const r = await ctx.withCase((api) => api.invoke('search.query', { q: ctx.args.join(' '), limit: num(ctx.values, 'limit') ?? 50 }));
    ctx.print(r, () => searchText(r));
  },
};

const history: Command = {
  name: 'history',
  usage: 'history CLAIM_ID',
  summary: "A claim's timeline: every change, dispute and confidence move, with the probability series.",
  minArgs: 1,
  async run(ctx) {
    const h = await ctx.withCase((api) => api.invoke('history.claim', { id: ctx.args[0]! }));
    ctx.print(h, () => [...h.events.map(eventText), seriesText(h.series)].filter(Boolean).join('\n'));
  },
};

const verify: Command = {
  name: 'verify',
  usage: 'verify [--expect-head HASH]',
  summary: 'Walk the hash chain of the whole history; exits 1 and names the first broken event if tampered (or if the head is not HASH).',
  options: { 'expect-head': { type: 'string' } },
  async run(ctx) {
    const expected = str(ctx.values, 'expect-head')?.trim().toLowerCase();
    if (expected !== undefined && !/^[0-9a-f]{64}$/.test(expected))
      throw new UsageError(`--expect-head must be a head hash (64 hex digits, as \`verify\` prints it), not "${expected.slice(0, 80)}"`);
    const v = await ctx.withCase((api) => api.invoke('history.verify', {}));
    const mismatch = expected !== undefined && v.ok && v.headHash !== expected;
    ctx.print({ ...v, ...(expected !== undefined ? { expectedHead: expected, headMatches: v.ok && !mismatch } : {}) }, () => verifyText(v));
    if (mismatch)
      ctx.io.err(
        `claimtrail verify: head MISMATCH: expected ${expected}, but the case's head is ${v.headHash ?? '(empty)'} after ${v.events} events: this is not the history you were given.`,
      );
    return v.ok && !mismatch ? 0 : 1;
  },
};

const verifySignature: Command = {
  name: 'verify-signature',
  usage: 'verify-signature FILE [--case CASE]',
  summary: "Check the signed head statement an export or briefing carries (or its FILE.sig.json); with --case, that the case's chain holds that head.",
  minArgs: 1,
  async run(ctx) {
    const file = ctx.args[0]!;
    const found = findStatement(file);
    if ('error' in found) throw new CaseError('invalid', found.error);
    const check = checkStatement(found.value);
    if (!check.ok) throw new CaseError('invalid', `${found.from}: signature INVALID: ${check.reason}`);
    const s = check.statement;
    const inCase = typeof ctx.values.case === 'string' ? await ctx.withCase((_api, handle) => caseHoldsHead(handle.db, s)) : null;
    const result = { ok: !inCase || inCase.ok, file: found.from, signer: check.fingerprint, ...s, case: inCase };
    ctx.print(result, () =>
      [
        `Signature valid (${found.from}).`,
        `  signer key: ${check.fingerprint}`,
        `  head: ${s.headHash} after ${s.events} events (case ${s.caseId ?? '(no events)'}), signed ${s.at}`,
        ...(inCase?.ok ? [`  ${inCase.message}`] : []),
      ].join('\n'),
    );
    if (inCase && !inCase.ok) ctx.io.err(`claimtrail verify-signature: the case check FAILED: ${inCase.message}`);
    return result.ok ? 0 : 1;
  },
};

export const coreCommands: Command[] = [
  init,
  claimAdd,
  claimList,
  claimEdit,
  claimShow,
  claimStatus,
  claimOverride,
  claimDelete,
  claimRestore,
  sourceAdd,
  sourceEdit,
  sourceShow,
  sourceList,
  evidenceAdd,
  evidenceEdit,
  searchCmd,
  history,
  verify,
  verifySignature,
];
