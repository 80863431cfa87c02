/**
 * Copy detection on real text: how well COPY_THRESHOLD separates near-duplicates from different
 * statements, measured on the LIAR statements (PolitiFact, ../shared/data/liar) and the sample brief.
 *
 * Positives, each pair a text and a version of it as a second outlet would carry it:
 *  - LIAR statements recorded more than once (different rows, same words): real repeats;
 *  - every LIAR statement of 10+ words in valid.tsv (and every sentence of 10+ words of the brief),
 *    re-reported: wrapped in attribution ("According to <speaker>, …"), re-cased and re-punctuated,
 *    cut by a quarter, embedded in a longer paragraph, or with one word in ten replaced.
 * Negatives: every pair of different LIAR statements (train.tsv) that share at least one word 3-gram
 * (the hard cases: the same statistic or slogan in other words, "Says Obama flip-flopped on …"), plus
 * every pair of different brief sentences. The numbers are printed and stated in the README.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COPY_THRESHOLD, shingleContainment, shingles, similarity, words } from '../../core/similarity';

const DATA = new URL('../../../shared/', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, DATA), 'utf8');
const liar = (file: string) =>
  read(`data/liar/${file}`)
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'))
    .map((c) => ({ statement: c[2] ?? '', speaker: (c[4] ?? '').replace(/-/g, ' ') }));
const brief = read('seed/000_0c726a60242b1682.txt')
  .split(/(?<=[.!?”])\s+/)
  .map((s) => s.trim())
  .filter((s) => words(s).length >= 10);

/** Deterministic "random" choices (a test must not depend on luck). */
function lcg(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const FILLER = ['reportedly', 'apparently', 'indeed', 'now', 'officially', 'again'];

function variants(text: string, speaker: string, next: () => number, context: string): string[] {
  const w = text.split(/\s+/);
  const cut = Math.max(1, Math.floor(w.length / 4));
  return [
    `According to ${speaker || 'officials'}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
    `“${text.toUpperCase().replace(/[.,;:!?]/g, '')}”`,
    next() < 0.5 ? w.slice(cut).join(' ') : w.slice(0, w.length - cut).join(' '),
    `${context} ${text} The claim could not be verified independently.`,
    w.map((x, i) => (i % 10 === 5 ? FILLER[Math.floor(next() * FILLER.length)]! : x)).join(' '),
  ];
}

function dataset() {
  const next = lcg(20250127);
  const positives: [string, string][] = [];
  const train = liar('train.tsv');
  const seen = new Map<string, string>();
  for (const r of train) {
    const key = words(r.statement).join(' ');
    if (words(r.statement).length < 6) continue;
    if (seen.has(key)) positives.push([seen.get(key)!, r.statement]);
    else seen.set(key, r.statement);
  }
  const repeats = positives.length;
  const valid = liar('valid.tsv').filter((r) => words(r.statement).length >= 10);
  valid.forEach((r, i) => {
    for (const v of variants(r.statement, r.speaker, next, valid[(i + 1) % valid.length]!.statement)) positives.push([r.statement, v]);
  });
  brief.forEach((s, i) => {
    for (const v of variants(s, 'the brief', next, brief[(i + 1) % brief.length]!)) positives.push([s, v]);
  });
  // Hard negatives: different LIAR statements sharing a word 3-gram (inverted index over shingles).
  const unique = [...seen.values()];
  const sets = unique.map((s) => shingles(s));
  const index = new Map<string, number[]>();
  sets.forEach((set, i) => set.forEach((sh) => index.set(sh, [...(index.get(sh) ?? []), i])));
  const pairs = new Set<string>();
  for (const ids of index.values()) {
    if (ids.length > 50) continue; // a stock phrase ("the united states"), not a candidate pair
    for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) pairs.add(`${ids[a]},${ids[b]}`);
  }
  const negatives: [Set<string>, Set<string>][] = [...pairs].map((p) => {
    const [a, b] = p.split(',').map(Number) as [number, number];
    return [sets[a]!, sets[b]!];
  });
  for (let a = 0; a < brief.length; a++) for (let b = a + 1; b < brief.length; b++) negatives.push([shingles(brief[a]!), shingles(brief[b]!)]);
  return { positives, negatives, repeats };
}

function measure(threshold: number, pos: number[], neg: number[]) {
  const tp = pos.filter((s) => s >= threshold).length;
  const fp = neg.filter((s) => s >= threshold).length;
  return { threshold, precision: tp / (tp + fp), recall: tp / pos.length, tp, fp, fn: pos.length - tp };
}

describe('copy detection on real near-duplicates (LIAR + the sample brief)', () => {
  const { positives, negatives, repeats } = dataset();
  const pos = positives.map(([a, b]) => similarity(a, b));
  const neg = negatives.map(([a, b]) => shingleContainment(a, b));

  it('has enough pairs to measure', () => {
    expect(positives.length).toBeGreaterThan(1000);
    expect(negatives.length).toBeGreaterThan(1000);
  });

  it(`separates them at the threshold ${COPY_THRESHOLD} with high precision and recall`, () => {
    const rows = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((t) => measure(t, pos, neg));
    console.log(`copy detection: ${positives.length} near-duplicate pairs (${repeats} real LIAR repeats), ${negatives.length} different-statement pairs`);
    for (const r of rows)
      console.log(`  threshold ${r.threshold}: precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)} (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`);
    const chosen = measure(COPY_THRESHOLD, pos, neg);
    expect(chosen.precision).toBeGreaterThanOrEqual(0.97);
    expect(chosen.recall).toBeGreaterThanOrEqual(0.99);
  });

  it('never calls short texts copies and ignores case, punctuation and invisible characters', () => {
    expect(similarity('Yes.', 'Yes.')).toBe(0);
    expect(similarity('The final run cost six million dollars in GPU hours', 'THE FINAL RUN COST SIX\u200b MILLION DOLLARS IN GPU HOURS!')).toBe(1);
    expect(similarity('The final run cost six million dollars in GPU hours', 'Nvidia lost six hundred billion dollars of market value')).toBe(0);
  });
});
