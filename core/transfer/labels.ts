/**
 * Rating labels → a status and a prior. The defaults cover PolitiFact's Truth-O-Meter (LIAR) and
 * the plain statuses; an analyst can add or override labels (`--labels pants-fire=refuted:0.02`).
 */
import { CLAIM_STATUSES, type ClaimStatus } from '../types';

export interface LabelRule {
  status: ClaimStatus;
  prior?: number;
}

export type LabelMap = Record<string, LabelRule>;

/** Lower-case, with spaces and underscores as hyphens: "Pants on Fire!" → "pants-on-fire". */
export function labelKey(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[!.?]+$/g, '')
    .replace(/[\s_]+/g, '-');
}

export const POLITIFACT_LABELS: LabelMap = {
  'pants-fire': { status: 'refuted', prior: 0.02 },
  'pants-on-fire': { status: 'refuted', prior: 0.02 },
  false: { status: 'refuted', prior: 0.1 },
  'barely-true': { status: 'disputed', prior: 0.3 },
  'mostly-false': { status: 'disputed', prior: 0.3 },
  'half-true': { status: 'mixed', prior: 0.5 },
  'mostly-true': { status: 'supported', prior: 0.7 },
  true: { status: 'supported', prior: 0.9 },
};

/** Other words fact-checkers use in ClaimReview ratings. */
const COMMON_RATINGS: LabelMap = {
  misleading: { status: 'disputed', prior: 0.3 },
  'missing-context': { status: 'mixed', prior: 0.5 },
  mixture: { status: 'mixed', prior: 0.5 },
  mixed: { status: 'mixed', prior: 0.5 },
  'partly-false': { status: 'disputed', prior: 0.3 },
  'partly-true': { status: 'mixed', prior: 0.5 },
  unproven: { status: 'unresolvable' },
  unsupported: { status: 'unresolvable' },
  correct: { status: 'supported', prior: 0.9 },
  incorrect: { status: 'refuted', prior: 0.1 },
  fake: { status: 'refuted', prior: 0.05 },
};

export function defaultLabels(): LabelMap {
  const plain: LabelMap = Object.fromEntries(CLAIM_STATUSES.map((s) => [labelKey(s), { status: s }]));
  return { ...plain, ...COMMON_RATINGS, ...POLITIFACT_LABELS };
}

/** Parses `LABEL=STATUS[:PRIOR],…`; returns the rules or the first problem. */
export function parseLabels(spec: string): { ok: true; labels: LabelMap } | { ok: false; message: string } {
  const labels: LabelMap = {};
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)=([^:]+)(?::(.+))?$/.exec(part);
    if (!m) return { ok: false, message: `"${part}" is not LABEL=STATUS or LABEL=STATUS:PRIOR` };
    const status = m[2]!.trim().toLowerCase() as ClaimStatus;
    if (!CLAIM_STATUSES.includes(status))
      return { ok: false, message: `"${part}": ${m[2]} is not a status (${CLAIM_STATUSES.join(', ')})` };
    const rule: LabelRule = { status };
    if (m[3] !== undefined) {
      const p = Number(m[3]);
      if (!(p > 0 && p < 1)) return { ok: false, message: `"${part}": the prior must be a number between 0 and 1 (exclusive)` };
      rule.prior = p;
    }
    labels[labelKey(m[1]!)] = rule;
  }
  return { ok: true, labels };
}

export function lookupLabel(labels: LabelMap, label: string): LabelRule | undefined {
  return Object.prototype.hasOwnProperty.call(labels, labelKey(label)) ? labels[labelKey(label)] : undefined;
}
