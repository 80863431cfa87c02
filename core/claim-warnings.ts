/**
 * The warnings a claim carries, defined once (issue 14.5): when each applies and how it is worded.
 * The claim page (`claims.get` → `ClaimDetail.warnings`, db/service/claims.ts) takes the analyst's
 * wording, which names the sources; a briefing's key judgment (core/briefing/compose.ts) takes the
 * reader's, or none where the briefing says the same elsewhere (its override, not-assessed and
 * not-checkable sentences).
 */
import { agree, count } from './briefing/wording';
import { overrideDiverges, statusConflict, type ConfidenceResult } from './confidence';
import { bandOf, formatPercent } from './estimative';
import type { Claim, PossibleCopy } from './types';

/** Every claim warning, in the order they are shown. */
export const CLAIM_WARNINGS = [
  'override-diverges',
  'not-checkable',
  'not-assessed',
  'status-conflict',
  'no-independent-corroboration',
  'single-origin',
  'circular-reporting',
  'possible-copy',
] as const;
export type ClaimWarning = (typeof CLAIM_WARNINGS)[number];

/** What the warnings are read from. */
export interface WarningFacts {
  claim: Pick<Claim, 'kind' | 'kindRationale' | 'assessment' | 'status' | 'prior' | 'override'>;
  model: Pick<
    ConfidenceResult,
    'probability' | 'band' | 'items' | 'supportOrigins' | 'refuteOrigins' | 'singleOrigin' | 'circularReporting' | 'noIndependentCorroboration' | 'possibleCopies'
  >;
  /** Source titles by id (the analyst's wording names the single origin). */
  sourceTitles?: ReadonlyMap<string, string>;
  /** The model's possible copies, named by source (the analyst's wording lists each). */
  copies?: readonly PossibleCopy[];
}

/** The status's conflict with the evidence (only an assessed claim's evidence can contradict it). */
const conflictOf = (f: WarningFacts) => (f.claim.assessment === 'assessed' ? statusConflict(f.claim.status, f.model.probability, f.model) : null);

/** When each warning applies. A not-checkable claim carries no probability: only its override and its kind are worth a warning. */
const APPLIES: Record<ClaimWarning, (f: WarningFacts) => boolean> = {
  'override-diverges': (f) => !!f.claim.override && overrideDiverges(f.claim.override.probability, f.model.probability),
  'not-checkable': (f) => f.claim.kind === 'not-checkable',
  'not-assessed': (f) => f.claim.assessment === 'not-assessed',
  'status-conflict': (f) => conflictOf(f) !== null,
  'no-independent-corroboration': (f) => f.model.noIndependentCorroboration,
  'single-origin': (f) => f.model.singleOrigin,
  'circular-reporting': (f) => f.model.circularReporting,
  'possible-copy': (f) => f.model.possibleCopies.length > 0,
};

/** The warnings that apply, in the order of CLAIM_WARNINGS. */
export function claimWarningsOf(f: WarningFacts): ClaimWarning[] {
  const applies = CLAIM_WARNINGS.filter((w) => APPLIES[w](f));
  return f.claim.kind === 'not-checkable' ? applies.filter((w) => w === 'override-diverges' || w === 'not-checkable') : applies;
}

/** The analyst's wording (the claim page): one or more lines per warning. */
const FOR_ANALYST: Record<ClaimWarning, (f: WarningFacts) => string[]> = {
  'override-diverges': ({ claim, model }) => [
    `Analyst override (${formatPercent(claim.override!.probability)}, ${bandOf(claim.override!.probability)}) diverges from the evidence (${formatPercent(model.probability)}, ${model.band}).`,
  ],
  'not-checkable': ({ claim }) => [`Not checkable: ${claim.kindRationale ?? 'no reason given'}. It carries no probability and is kept out of calibration.`],
  'not-assessed': ({ claim }) => [`Not assessed: no evidence counts yet, so ${formatPercent(claim.prior)} is only the prior, not a judgment.`],
  'status-conflict': (f) => [`Status contradicts the evidence: ${conflictOf(f)}.`],
  'no-independent-corroboration': () => ['No independent corroboration: all supporting evidence only shows that the claim was made (attribution).'],
  'single-origin': ({ model, sourceTitles }) => {
    const origin = model.items.find((i) => i.stance === 'supports')?.originId ?? '';
    return [`Single origin: all supporting evidence traces to one source (${sourceTitles?.get(origin) ?? origin}).`];
  },
  'circular-reporting': () => ['Circular reporting: some supporting items repeat a source already counted; they count at a quarter share.'],
  'possible-copy': ({ copies = [] }) =>
    copies.map(
      (c) =>
        `Possible copy of “${c.copyOfSourceTitle}”: the item from “${c.sourceTitle}” nearly repeats its wording and counts as the same origin until you declare the lineage or mark the two independent.`,
    ),
};

/** The reader's wording (a briefing's key judgment); null where the briefing says it in a sentence of its own. */
const FOR_READER: Record<ClaimWarning, ((f: WarningFacts) => string) | null> = {
  'override-diverges': null,
  'not-checkable': null,
  'not-assessed': null,
  'status-conflict': (f) => `Status contradicts the evidence: ${conflictOf(f)}.`,
  'no-independent-corroboration': () =>
    'No independent corroboration: the support only shows that the claim was made (the claimant’s own word or repeats of it).',
  'single-origin': () => 'Single origin: all supporting evidence traces to one source.',
  'circular-reporting': () => 'Circular reporting: some supporting items repeat a source already counted.',
  'possible-copy': ({ model }) => {
    const n = model.possibleCopies.length;
    return `Possible copy: ${count(n, 'item')} nearly ${agree(n, 'repeats', 'repeat')} another origin’s wording and ${agree(n, 'is', 'are')} counted with it.`;
  },
};

/** The claim page's warnings. */
export function analystWarnings(f: WarningFacts): string[] {
  return claimWarningsOf(f).flatMap((w) => FOR_ANALYST[w](f));
}

/** A briefing judgment's warnings. */
export function readerWarnings(f: WarningFacts): string[] {
  return claimWarningsOf(f).flatMap((w) => FOR_READER[w]?.(f) ?? []);
}
