import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { deepseekSample, type SampleEvidence, type SampleSource } from '../../../core/sample/deepseek';

const BRIEF_URL = new URL('../../../../shared/seed/000_0c726a60242b1682.txt', import.meta.url);
const brief = readFileSync(BRIEF_URL, 'utf8');
const paras = brief.split(/\r?\n/).filter((line) => line.trim() !== '');

const { sources, claims, evidence, disputes, links } = deepseekSample;
const sourceKeys = new Set(sources.map((s) => s.key));
const claimKeys = new Set(claims.map((c) => c.key));
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

// Independent re-computation of the DESIGN section 3 confidence model, so that edits to the
// sample data cannot silently push the two headline claims into "likely".
const R: Record<SampleSource['reliability'], number> = { A: 1, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.3 };
const Q: Record<SampleEvidence['credibility'], number> = { 1: 1, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.3 };
const SIGN = { supports: 1, refutes: -1, context: 0 } as const;

function originOf(key: string): string {
  const byKey = new Map(sources.map((s) => [s.key, s]));
  let current = key;
  const seen = new Set<string>();
  while (byKey.get(current)?.derivedFrom && !seen.has(current)) {
    seen.add(current);
    current = byKey.get(current)!.derivedFrom!;
  }
  return current;
}

/** The source, or one it derives from, speaks for the claimant: the item only shows the claim was made. */
function attributed(sourceKey: string, claimant: string | undefined): boolean {
  const byKey = new Map(sources.map((s) => [s.key, s]));
  for (let s = byKey.get(sourceKey); s; s = s.derivedFrom ? byKey.get(s.derivedFrom) : undefined)
    if (claimant && s.speaksFor === claimant) return true;
  return false;
}

function probability(claimKey: string): number {
  const claim = claims.find((c) => c.key === claimKey)!;
  const prior = claim.prior ?? 0.5;
  const groups = new Map<string, number[]>();
  for (const e of evidence.filter((x) => x.claim === claimKey && x.stance !== 'context' && !attributed(x.source, claim.claimant))) {
    const source = sources.find((s) => s.key === e.source)!;
    const size = (e.weight ?? 1) * Math.log(4) * R[source.reliability] * Q[e.credibility];
    const group = `${originOf(e.source)}|${e.stance}`;
    groups.set(group, [...(groups.get(group) ?? []), SIGN[e.stance] * size]);
  }
  let sum = 0;
  for (const items of groups.values()) {
    const sorted = [...items].sort((a, b) => Math.abs(b) - Math.abs(a));
    sorted.forEach((v, i) => { sum += i === 0 ? v : 0.25 * v; });
  }
  const logit = Math.log(prior / (1 - prior)) + sum;
  return 1 / (1 + Math.exp(-logit));
}

describe('DeepSeek sample case', () => {
  it('reads the seed brief', () => {
    expect(BRIEF_URL.pathname.endsWith('/shared/seed/000_0c726a60242b1682.txt')).toBe(true);
    expect(paras.length).toBeGreaterThan(20);
  });

  it('has at least 14 claims and unique keys', () => {
    expect(claims.length).toBeGreaterThanOrEqual(14);
    expect(claimKeys.size).toBe(claims.length);
    expect(sourceKeys.size).toBe(sources.length);
  });

  it('quotes the brief exactly in every excerpt', () => {
    for (const e of evidence) {
      expect(brief.includes(e.excerpt), `not in brief: ${e.excerpt}`).toBe(true);
      expect(e.excerpt.trim()).toBe(e.excerpt);
      expect(e.excerpt.length).toBeGreaterThan(0);
    }
  });

  it('points every locator at the paragraph that contains the excerpt', () => {
    for (const e of evidence) {
      const match = /^para (\d+)$/.exec(e.locator);
      expect(match, `bad locator: ${e.locator}`).not.toBeNull();
      const index = Number(match![1]);
      expect(index).toBeGreaterThanOrEqual(1);
      expect(index).toBeLessThanOrEqual(paras.length);
      expect(paras[index - 1]?.includes(e.excerpt), `${e.locator} lacks: ${e.excerpt}`).toBe(true);
    }
  });

  it('references only existing claims and sources', () => {
    for (const e of evidence) {
      expect(claimKeys.has(e.claim), e.claim).toBe(true);
      expect(sourceKeys.has(e.source), e.source).toBe(true);
    }
    for (const d of disputes) expect(claimKeys.has(d.claim), d.claim).toBe(true);
    for (const l of links) {
      expect(claimKeys.has(l.from), l.from).toBe(true);
      expect(claimKeys.has(l.to), l.to).toBe(true);
      expect(l.from).not.toBe(l.to);
    }
    for (const s of sources) {
      if (s.derivedFrom !== undefined) expect(sourceKeys.has(s.derivedFrom), s.derivedFrom).toBe(true);
    }
  });

  it('links dispute excerpts to evidence rows of the same claim', () => {
    for (const d of disputes) {
      for (const excerpt of d.evidenceExcerpts ?? []) {
        const rows = evidence.filter((e) => e.claim === d.claim && e.excerpt === excerpt);
        expect(rows.length, `dispute on ${d.claim}: ${excerpt}`).toBe(1);
      }
    }
  });

  it('has no derivedFrom cycles', () => {
    const byKey = new Map(sources.map((s) => [s.key, s]));
    for (const start of sources) {
      const seen = new Set<string>([start.key]);
      let next = start.derivedFrom;
      while (next !== undefined) {
        expect(seen.has(next), `cycle through ${next}`).toBe(false);
        seen.add(next);
        next = byKey.get(next)?.derivedFrom;
      }
    }
  });

  it('keeps evidence rows distinct and values in range', () => {
    const rows = new Set(evidence.map((e) => `${e.claim}|${e.source}|${e.stance}|${e.excerpt}`));
    expect(rows.size).toBe(evidence.length);
    for (const e of evidence) {
      if (e.weight !== undefined) expect(e.weight >= 0 && e.weight <= 2).toBe(true);
    }
    for (const c of claims) {
      if (c.prior !== undefined) expect(c.prior > 0 && c.prior < 1).toBe(true);
      if (c.claimedAt !== undefined) expect(isRealDate(c.claimedAt)).toBe(true);
      if (c.quantity?.asOf !== undefined) expect(isRealDate(c.quantity.asOf)).toBe(true);
    }
    for (const s of sources) if (s.publishedAt !== undefined) expect(isRealDate(s.publishedAt)).toBe(true);
    for (const d of disputes) expect(isRealDate(d.openedAt)).toBe(true);
  });

  it('records the headline quantities as the brief gives them', () => {
    const cost = claims.find((c) => c.key === 'v3-cost-6mn');
    expect(cost?.quantity).toMatchObject({ value: 6, unit: 'USD mn', scope: 'final training run compute' });
    expect(claims.find((c) => c.key === 'nvidia-500bn')?.quantity?.value).toBe(500);
    expect(claims.find((c) => c.key === 'r1-harmful-11x')?.quantity?.value).toBe(11);
  });

  it('leaves the USD6mn and H800/H20 claims below "likely" (0.55)', () => {
    for (const key of ['v3-cost-6mn', 'h800-h20-only']) {
      expect(evidence.some((e) => e.claim === key && e.stance === 'supports')).toBe(true);
      expect(evidence.some((e) => e.claim === key && e.stance === 'refutes')).toBe(true);
      expect(probability(key), key).toBeLessThan(0.55);
    }
    expect(disputes.some((d) => d.claim === 'v3-cost-6mn')).toBe(true);
    expect(disputes.some((d) => d.claim === 'h800-h20-only')).toBe(true);
  });

  it('grades attribution honestly: DeepSeek’s own statements carry no weight for DeepSeek’s claims', () => {
    expect(sources.find((s) => s.key === 'deepseek')!.speaksFor).toBe('DeepSeek');
    for (const key of ['v3-cost-6mn', 'h800-h20-only', 'v3-matches-gpt4o']) {
      const claim = claims.find((c) => c.key === key)!;
      expect(claim.claimant).toBe('DeepSeek');
      const own = evidence.filter((e) => e.claim === key && e.source === 'deepseek');
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((e) => attributed(e.source, claim.claimant))).toBe(true);
    }
    // Every party that speaks for itself is a claimant of the case (no speaksFor that matches nothing).
    const claimants = new Set(claims.map((c) => c.claimant));
    for (const s of sources.filter((x) => x.speaksFor)) expect(claimants.has(s.speaksFor), s.key).toBe(true);
    // The normative statement is not checkable and says why; the forward-looking claims are forecasts.
    expect(claims.find((c) => c.key === 'us-must-lead')).toMatchObject({ kind: 'not-checkable', kindRationale: expect.stringMatching(/normative/) });
    expect(claims.filter((c) => c.tags.includes('forecast')).every((c) => c.kind === 'forecast')).toBe(true);
  });
});
