/** dedupe list|merge|unmerge|dismiss: the duplicate review queue (docs/duplicates.md). */
import type { DuplicateCandidate, DuplicateEntity, DuplicateQueue, MergeRecord, ReviewedPair } from '../../core/contract/duplicates';
import type { CaseApi } from '../../db/api';
import { num, str, UsageError, type Command, type Values } from '../command';
import { safe } from '../format';

const pct = (x: number) => `${Math.round(x * 100)}%`;

function candidateText(c: DuplicateCandidate): string {
  const side = (tag: string, s: DuplicateCandidate['a']) =>
    [`  ${tag} ${s.id}  ${safe(s.title)}`, `      ${s.facts.filter((f) => f.value).map((f) => `${f.label}: ${safe(f.value)}`).join(' · ')}`];
  return [`${c.entity} pair, score ${pct(c.score)}: ${c.explanation}`, ...side('A', c.a), ...side('B', c.b)].join('\n');
}

function mergeText(m: MergeRecord): string {
  const moved = Object.entries(m.moved)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const state = m.undoneAt ? `undone ${m.undoneAt}` : 'live';
  return [
    `${m.id}  [${state}] ${m.entity} merge of ${m.createdAt}: ${safe(m.reason)}`,
    `  survivor ${m.survivorId}  ${safe(m.survivorTitle)}`,
    `  merged   ${m.mergedId}  ${safe(m.mergedTitle)}  (duplicate-of the survivor${moved ? `; moved ${moved}` : ''})`,
  ].join('\n');
}

function reviewedText(r: ReviewedPair): string {
  return `${r.verdict} (${r.entity}s, ${r.createdAt}): ${r.aId} ${safe(r.aTitle)} / ${r.bId} ${safe(r.bTitle)}${r.rationale ? ` — ${safe(r.rationale)}` : ''}`;
}

function queueText(q: DuplicateQueue, reviewed: boolean): string {
  const pairs = [...q.claims, ...q.sources];
  const out = pairs.length ? pairs.map(candidateText) : ['No duplicate candidates.'];
  const live = q.merges.filter((m) => !m.undoneAt);
  if (live.length) out.push(`Merges that can be undone (dedupe unmerge ID):`, ...live.map(mergeText));
  if (reviewed && q.reviewed.length) out.push('Pairs kept apart:', ...q.reviewed.map(reviewedText));
  return out.join('\n\n');
}

function entityOption(values: Values): DuplicateEntity | undefined {
  const kind = str(values, 'kind');
  if (kind === undefined) return undefined;
  if (kind !== 'claim' && kind !== 'source') throw new UsageError(`--kind must be claim or source, not "${kind}"`);
  return kind;
}

/** --kind, else what the first id names (a claim, or else a source). */
function entityOf(api: CaseApi, values: Values, id: string): DuplicateEntity {
  return entityOption(values) ?? (api.call('claims.get', { id }).ok ? 'claim' : 'source');
}

const list: Command = {
  name: 'dedupe list',
  usage: 'dedupe list [--kind claim|source] [--reviewed] [--limit N] [--json]',
  summary: 'Duplicate candidates (claims the similar-claim matcher pairs, sources with the same URL or DOI) with reason and score, and the merges that can be undone.',
  options: { kind: { type: 'string' }, reviewed: { type: 'boolean' }, limit: { type: 'string' } },
  async run(ctx) {
    const entity = entityOption(ctx.values);
    const q = await ctx.withCase((api) => api.invoke('duplicates.list', { entity, limit: num(ctx.values, 'limit') }));
    ctx.print(q, () => queueText(q, ctx.values.reviewed === true));
  },
};

const merge: Command = {
  name: 'dedupe merge',
  usage: 'dedupe merge SURVIVOR_ID MERGED_ID [--kind claim|source] [--why TEXT]',
  summary: 'Merge MERGED_ID into SURVIVOR_ID: evidence, disputes, links, tags (claims) or evidence, lineage, captures (sources) move over; the other becomes its duplicate, in the trash, until `dedupe unmerge`.',
  options: { kind: { type: 'string' }, why: { type: 'string' } },
  minArgs: 2,
  async run(ctx) {
    const [survivorId, mergedId] = ctx.args as [string, string];
    const m = await ctx.withCase((api) =>
      api.invoke('duplicates.merge', { entity: entityOf(api, ctx.values, survivorId), survivorId, mergedId, rationale: str(ctx.values, 'why') }),
    );
    ctx.print(m, () => mergeText(m));
  },
};

const unmerge: Command = {
  name: 'dedupe unmerge',
  usage: 'dedupe unmerge MERGE_ID|MERGED_ID [--why TEXT]',
  summary: 'Undo a merge: every moved row goes back as it was, the merged claim or source comes back from the trash.',
  options: { why: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const m = await ctx.withCase((api) => api.invoke('duplicates.unmerge', { id: ctx.args[0]!, rationale: str(ctx.values, 'why') }));
    ctx.print(m, () => mergeText(m));
  },
};

const dismiss: Command = {
  name: 'dedupe dismiss',
  usage: 'dedupe dismiss ID ID [--keep-both] [--kind claim|source] [--why TEXT]',
  summary: 'Keep a pair apart for good, as not a duplicate (or --keep-both: duplicates kept on purpose); it is never offered again.',
  options: { kind: { type: 'string' }, why: { type: 'string' }, 'keep-both': { type: 'boolean' } },
  minArgs: 2,
  async run(ctx) {
    const [aId, bId] = ctx.args as [string, string];
    const r = await ctx.withCase((api) =>
      api.invoke('duplicates.dismiss', {
        entity: entityOf(api, ctx.values, aId),
        aId,
        bId,
        verdict: ctx.values['keep-both'] === true ? 'keep-both' : 'not-duplicate',
        rationale: str(ctx.values, 'why'),
      }),
    );
    ctx.print(r, () => reviewedText(r));
  },
};

export const dedupeCommands: Command[] = [list, merge, unmerge, dismiss];
