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

export type Stance = 'supports' | 'refutes' | 'context';

/** K = ln 4: one A1 supporting item moves an even prior to 0.80. */
export const K = Math.log(4);
/** Share at which a further item from an origin already counted (same stance) is counted. */
export const REPEAT_SHARE = 0.25;

export interface ModelItem {
  evidenceId: string;
  sourceId: string;
  /** Lineage root of the source (itself when it derives from nothing). */
  originId: string;
  stance: Stance;
  weight: number;
  reliability: Reliability;
  credibility: Credibility;
}

export interface BreakdownItem {
  evidenceId: string;
  sourceId: string;
  originId: string;
  stance: Stance;
  /** stance × weight × K × r × q before the independence discount. */
  raw: number;
  /** 1 for the strongest item of its origin and stance, REPEAT_SHARE for the others, 0 for context. */
  discount: number;
  /** Log-odds actually added: raw × discount. */
  contribution: number;
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
  /** Short plain-words reasons for the analytic confidence level. */
  confidenceReasons: string[];
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
}

function summarizeOrigins(items: BreakdownItem[], byId: Map<string, ModelItem>, stance: Stance): OriginSummary[] {
  const origins = new Map<string, OriginSummary>();
  for (const it of items) {
    if (it.stance !== stance) continue;
    const cur = origins.get(it.originId);
    if (!cur) {
      origins.set(it.originId, {
        originId: it.originId,
        weight: Math.abs(it.contribution),
        strongest: it,
        strongestItem: byId.get(it.evidenceId)!,
      });
    } else {
      cur.weight += Math.abs(it.contribution);
    }
  }
  return [...origins.values()];
}

function analyticConfidence(
  support: OriginSummary[],
  refute: OriginSummary[],
): { level: ConfidenceLevel; reasons: string[] } {
  const sw = support.reduce((s, o) => s + o.weight, 0);
  const rw = refute.reduce((s, o) => s + o.weight, 0);
  if (sw === 0 && rw === 0) return { level: 'low', reasons: ['no supporting or refuting evidence'] };
  const [major, _minor, majorW, minorW] = sw >= rw ? [support, refute, sw, rw] : [refute, support, rw, sw];
  const side = sw >= rw ? 'supporting' : 'refuting';
  const strong = major.filter((o) => isStrongReliability(o.strongestItem.reliability));
  const opposingShare = majorW > 0 ? minorW / majorW : 1;
  const reasons = [
    `${major.length} independent ${side} origin${major.length === 1 ? '' : 's'}`,
    `${strong.length} graded A or B`,
    `opposing weight ${Math.round(opposingShare * 100)}% of the ${side} weight`,
  ];
  if (major.length >= 3 && strong.length >= 2 && opposingShare < 0.25) return { level: 'high', reasons };
  const strongConfirmed = strong.some((o) => o.strongestItem.credibility <= 2);
  if ((major.length >= 2 || strongConfirmed) && opposingShare < 0.5) return { level: 'moderate', reasons };
  return { level: 'low', reasons };
}

export function computeConfidence(prior: number, input: readonly ModelItem[]): ConfidenceResult {
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
    }))
    .sort(byStrengthThenId);
  const counted = new Set<string>();
  for (const it of items) {
    if (it.stance === 'context') continue;
    const key = `${it.stance}\u0000${it.originId}`;
    it.discount = counted.has(key) ? REPEAT_SHARE : 1;
    counted.add(key);
    it.contribution = it.raw * it.discount;
  }
  const priorLogOdds = logit(prior);
  const logOdds = items.reduce((s, it) => s + it.contribution, priorLogOdds);
  const probability = sigmoid(logOdds);
  const support = summarizeOrigins(items, byId, 'supports');
  const refute = summarizeOrigins(items, byId, 'refutes');
  const { level, reasons } = analyticConfidence(support, refute);
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
