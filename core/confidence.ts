/**
 * The explainable confidence model (DESIGN §3). Pure: takes a prior and graded evidence items,
 * returns the probability, its ICD 203 band, the analytic confidence and a breakdown in which
 * every number is traceable to one evidence item.
 */
import { bandOf, type Band, type ConfidenceLevel } from './estimative';
import {
  CREDIBILITY_FACTOR,
  RELIABILITY_FACTOR,
  isStrongReliability,
  type Credibility,
  type Reliability,
} from './grades';
import { pairKey, shingleContainment, shingles, COPY_THRESHOLD } from './similarity';

export type Stance = 'supports' | 'refutes' | 'context';

/** K = ln 4: one A1 supporting item moves an even prior to 0.80. */
export const K = Math.log(4);
/** Share at which a further item from an origin already counted (same stance) is counted. */
export const REPEAT_SHARE = 0.25;

/**
 * Why an item only shows that the claim was made: its source speaks for the claimant, derives from a
 * source that does, or the analyst marked it so. Such an item contributes 0 log-odds and is no origin.
 */
export type Attribution = 'speaks-for' | 'derived-from-speaker' | 'copy-of-attribution' | 'marked';

export interface ModelItem {
  evidenceId: string;
  sourceId: string;
  /** Lineage root of the source (itself when it derives from nothing). */
  originId: string;
  stance: Stance;
  weight: number;
  reliability: Reliability;
  credibility: Credibility;
  attribution?: Attribution | null;
  /** The exact quote; compared with the other items' quotes to find undeclared copies. */
  excerpt?: string;
}

export interface ModelOptions {
  /** pairKey(evidenceId, evidenceId) of pairs the analyst declared independent despite similar wording. */
  independent?: ReadonlySet<string>;
  /** Display titles of origins, for the plain-words reasons ("3 of 4 supporting items trace to …"). */
  originTitles?: ReadonlyMap<string, string>;
}

export interface BreakdownItem {
  evidenceId: string;
  sourceId: string;
  originId: string;
  stance: Stance;
  /** stance × weight × K × r × q before the independence discount. */
  raw: number;
  /** 1 for the strongest item of its origin and stance, REPEAT_SHARE for the others, 0 for context and attribution. */
  discount: number;
  /** Log-odds actually added: raw × discount. */
  contribution: number;
  attribution: Attribution | null;
  /** Evidence id of the stronger item this one nearly repeats (undeclared copy), counted under its origin. */
  copyOf: string | null;
  /** The origin the item is counted under: its own, or the copied item's. */
  countedOriginId: string;
  /** In plain words, why the item counts what it counts. */
  why: string;
}

export interface ConfidenceResult {
  prior: number;
  priorLogOdds: number;
  items: BreakdownItem[];
  logOdds: number;
  probability: number;
  band: Band;
  confidence: ConfidenceLevel;
  /** Independent origins among supporting / refuting items. */
  supportOrigins: number;
  refuteOrigins: number;
  /** Supporting evidence exists and all of it traces to one origin. */
  singleOrigin: boolean;
  /** Some supporting items repeat an origin already counted (circular reporting, discounted). */
  circularReporting: boolean;
  /** Plain-words reasons for the analytic confidence level: clauses without a final full stop (sentenceCase makes a sentence). */
  confidenceReasons: string[];
  /** Some supporting or refuting item counts (is neither context nor attribution, weight above 0). */
  assessed: boolean;
  /** Supporting evidence exists and all of it only shows that the claim was made. */
  noIndependentCorroboration: boolean;
  /** Undeclared near-copies: the item and the one it repeats. */
  possibleCopies: { evidenceId: string; copyOf: string }[];
}

/** A reason clause as a sentence: capital first letter, full stop. */
export function sentenceCase(clause: string): string {
  return clause ? `${clause[0]!.toUpperCase()}${clause.slice(1)}${/[.!?]$/.test(clause) ? '' : '.'}` : clause;
}

export const logit = (p: number): number => Math.log(p / (1 - p));
export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

const stanceSign = (s: Stance): number => (s === 'supports' ? 1 : s === 'refutes' ? -1 : 0);

function rawContribution(i: ModelItem): number {
  return stanceSign(i.stance) * i.weight * K * RELIABILITY_FACTOR[i.reliability] * CREDIBILITY_FACTOR[i.credibility];
}

/** Deterministic order so that the result never depends on the order evidence was added. */
function byStrengthThenId(a: BreakdownItem, b: BreakdownItem): number {
  const d = Math.abs(b.raw) - Math.abs(a.raw);
  if (d !== 0) return d;
  return a.evidenceId < b.evidenceId ? -1 : a.evidenceId > b.evidenceId ? 1 : 0;
}

interface OriginSummary {
  originId: string;
  weight: number;
  strongest: BreakdownItem;
  strongestItem: ModelItem;
  items: number;
}

function summarizeOrigins(items: BreakdownItem[], byId: Map<string, ModelItem>, stance: Stance): OriginSummary[] {
  const origins = new Map<string, OriginSummary>();
  for (const it of items) {
    if (it.stance !== stance || it.attribution) continue;
    const cur = origins.get(it.countedOriginId);
    if (!cur) {
      origins.set(it.countedOriginId, {
        originId: it.countedOriginId,
        weight: Math.abs(it.contribution),
        strongest: it,
        strongestItem: byId.get(it.evidenceId)!,
        items: 1,
      });
    } else {
      cur.weight += Math.abs(it.contribution);
      cur.items++;
    }
  }
  return [...origins.values()];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function analyticConfidence(
  support: OriginSummary[],
  refute: OriginSummary[],
  titles: ReadonlyMap<string, string>,
): { level: ConfidenceLevel; reasons: string[] } {
  const sw = support.reduce((s, o) => s + o.weight, 0);
  const rw = refute.reduce((s, o) => s + o.weight, 0);
  if (sw === 0 && rw === 0) return { level: 'low', reasons: ['no evidence that counts supports or refutes the claim'] };
  const [major, _minor, majorW, minorW] = sw >= rw ? [support, refute, sw, rw] : [refute, support, rw, sw];
  const side = sw >= rw ? 'supporting' : 'refuting';
  const strong = major.filter((o) => isStrongReliability(o.strongestItem.reliability));
  const opposingShare = majorW > 0 ? minorW / majorW : 1;
  const items = major.reduce((s, o) => s + o.items, 0);
  const biggest = [...major].sort((a, b) => b.items - a.items || (a.originId < b.originId ? -1 : 1))[0]!;
  const name = titles.get(biggest.originId);
  const report = name ? `one report (${name})` : 'one report';
  const reasons: string[] = [];
  if (major.length === 1) reasons.push(items === 1 ? `the ${side} evidence is a single item` : `${items === 2 ? 'both' : `all ${items}`} ${side} items trace to ${report}`);
  else if (biggest.items > 1)
    reasons.push(`${biggest.items} of ${items} ${side} items trace to ${report}, the rest to ${plural(major.length - 1, 'other origin')}`);
  else reasons.push(`the ${items} ${side} items come from ${major.length} independent origins`);
  if (major.length === 1) reasons.push(`the ${side} origin is ${strong.length ? '' : 'not '}graded A or B (reliable)`);
  else reasons.push(`${strong.length === 0 ? 'none' : strong.length} of the ${major.length} ${side} origins ${strong.length === 1 ? 'is' : 'are'} graded A or B (reliable)`);
  reasons.push(
    minorW === 0 ? 'nothing points the other way' : `the opposing evidence weighs ${Math.round(opposingShare * 100)}% as much as the ${side} evidence`,
  );
  if (major.length >= 3 && strong.length >= 2 && opposingShare < 0.25) return { level: 'high', reasons };
  const strongConfirmed = strong.some((o) => o.strongestItem.credibility <= 2);
  if ((major.length >= 2 || strongConfirmed) && opposingShare < 0.5) return { level: 'moderate', reasons };
  return { level: 'low', reasons };
}

const ATTRIBUTION_WHY: Record<Attribution, string> = {
  'speaks-for': 'counts 0: the source speaks for the claimant, so it shows the claim was made, not that it is true',
  'derived-from-speaker': 'counts 0: the source repeats one that speaks for the claimant, so it shows the claim was made, not that it is true',
  'copy-of-attribution':
    'counts 0: its wording nearly repeats an item that only shows the claim was made (possible copy), so it shows no more than that',
  marked: 'counts 0: the analyst marked it as attribution (it shows the claim was made, not that it is true)',
};

function explain(it: BreakdownItem, titles: ReadonlyMap<string, string>): string {
  if (it.attribution) return ATTRIBUTION_WHY[it.attribution];
  if (it.stance === 'context') return 'counts 0: context, neither supports nor refutes';
  if (it.raw === 0) return 'counts 0: weight 0';
  if (it.copyOf && it.discount === REPEAT_SHARE)
    return 'counts a quarter: its wording nearly repeats another item (possible copy), so it is not an independent origin';
  if (it.discount === REPEAT_SHARE) {
    const name = titles.get(it.countedOriginId);
    return `counts a quarter: another item from the same origin${name ? ` (${name})` : ''} already counts in full`;
  }
  return `counts in full: the strongest ${it.stance === 'supports' ? 'supporting' : 'refuting'} item of its origin`;
}

/**
 * Undeclared copies. In creation order (evidence ids are UUIDv7, so id order is the order items were
 * recorded), an item whose quote nearly repeats (similarity.ts) an earlier item of the same stance
 * from another origin is a possible copy of it: it is counted under that item's origin and never in
 * full, so it adds at most the quarter share. A copy of an attribution item is itself attribution
 * (a report that merely repeats the claimant's statement). The analyst lifts the suspicion by
 * declaring the lineage (same origin: an ordinary repeat) or marking the pair independent.
 */
function markCopies(items: BreakdownItem[], byId: Map<string, ModelItem>, independent: ReadonlySet<string>): void {
  const ordered = items.filter((it) => it.stance !== 'context').sort((a, b) => (a.evidenceId < b.evidenceId ? -1 : 1));
  const sets = new Map(ordered.map((it) => [it.evidenceId, shingles(byId.get(it.evidenceId)!.excerpt ?? '')]));
  for (let i = 0; i < ordered.length; i++) {
    const it = ordered[i]!;
    const mine = sets.get(it.evidenceId)!;
    if (mine.size === 0 || it.attribution) continue;
    for (let j = 0; j < i; j++) {
      const other = ordered[j]!;
      if (other.stance !== it.stance || other.originId === it.originId || other.countedOriginId === it.originId) continue;
      if (independent.has(pairKey(it.evidenceId, other.evidenceId))) continue;
      if (shingleContainment(mine, sets.get(other.evidenceId)!) < COPY_THRESHOLD) continue;
      it.copyOf = other.evidenceId;
      if (other.attribution) it.attribution = 'copy-of-attribution';
      else it.countedOriginId = other.countedOriginId;
      break;
    }
  }
}

export function computeConfidence(prior: number, input: readonly ModelItem[], options: ModelOptions = {}): ConfidenceResult {
  const titles = options.originTitles ?? new Map<string, string>();
  const byId = new Map(input.map((i) => [i.evidenceId, i]));
  const items: BreakdownItem[] = input
    .map((i) => ({
      evidenceId: i.evidenceId,
      sourceId: i.sourceId,
      originId: i.originId,
      stance: i.stance,
      raw: rawContribution(i),
      discount: 0,
      contribution: 0,
      attribution: i.attribution ?? null,
      copyOf: null,
      countedOriginId: i.originId,
      why: '',
    }))
    .sort(byStrengthThenId);
  markCopies(items, byId, options.independent ?? new Set());
  const counted = new Set<string>();
  for (const it of items) {
    if (it.stance !== 'context' && !it.attribution) {
      const key = `${it.stance}\u0000${it.countedOriginId}`;
      // Strongest first: the strongest item of an origin counts in full, except that a copy never does.
      it.discount = counted.has(key) || it.copyOf ? REPEAT_SHARE : 1;
      if (!it.copyOf) counted.add(key);
    }
    it.contribution = it.raw * it.discount;
    it.why = explain(it, titles);
  }
  const priorLogOdds = logit(prior);
  const logOdds = items.reduce((s, it) => s + it.contribution, priorLogOdds);
  const probability = sigmoid(logOdds);
  const support = summarizeOrigins(items, byId, 'supports');
  const refute = summarizeOrigins(items, byId, 'refutes');
  const { level, reasons } = analyticConfidence(support, refute, titles);
  const attributed = items.filter((i) => i.attribution && i.stance !== 'context').length;
  if (attributed)
    reasons.push(`${plural(attributed, 'item')} only ${attributed === 1 ? 'shows' : 'show'} that the claim was made (attribution) and ${attributed === 1 ? 'counts' : 'count'} 0`);
  const copies = items.filter((i) => i.copyOf).length;
  if (copies)
    reasons.push(`${plural(copies, 'item')} nearly ${copies === 1 ? 'repeats' : 'repeat'} another item's wording (possible copy) and ${copies === 1 ? 'counts' : 'count'} under its origin`);
  const supporting = items.filter((i) => i.stance === 'supports');
  return {
    prior,
    priorLogOdds,
    items,
    logOdds,
    probability,
    band: bandOf(probability),
    confidence: level,
    supportOrigins: support.length,
    refuteOrigins: refute.length,
    singleOrigin: support.length === 1,
    circularReporting: items.some((i) => i.stance === 'supports' && i.discount === REPEAT_SHARE),
    confidenceReasons: reasons,
    assessed: items.some((i) => i.contribution !== 0),
    noIndependentCorroboration: supporting.length > 0 && supporting.every((i) => i.attribution),
    possibleCopies: items.filter((i) => i.copyOf).map((i) => ({ evidenceId: i.evidenceId, copyOf: i.copyOf! })),
  };
}

/** An override this far from the computed value is flagged even inside the same band. */
export const OVERRIDE_DIVERGENCE = 0.1;

/** True when an analyst override should be flagged: another band, or 10 points or more away. */
export function overrideDiverges(override: number, computed: number): boolean {
  return bandOf(override) !== bandOf(computed) || Math.abs(override - computed) >= OVERRIDE_DIVERGENCE - 1e-12;
}

/**
 * Why the analyst's status contradicts the evidence, or null. `computed` is the model's probability
 * (never the override: the point is to compare the verdict with the evidence).
 */
export function statusConflict(
  status: string,
  computed: number,
  sides?: { supportOrigins: number; refuteOrigins: number },
): string | null {
  if (status === 'supported' && computed < 0.45)
    return 'marked supported, but the evidence puts it below roughly even chance';
  if (status === 'refuted' && computed > 0.55)
    return 'marked refuted, but the evidence makes it more likely than not';
  if (status === 'mixed' && sides && (sides.supportOrigins === 0 || sides.refuteOrigins === 0))
    return 'marked mixed, but the evidence points only one way';
  return null;
}
