/**
 * The deterministic scale case: sources with lineage chains, claims with tags, evidence, disputes
 * and a valid hash-chained history, all drawn from one seeded PRNG over the LIAR text pool. Rows
 * are streamed to a sink, so 500k evidence items never sit in memory at once.
 */
import { canonicalJson } from '../../core/canonical-json';
import { computeConfidence, type ModelItem } from '../../core/confidence';
import { bandOf } from '../../core/estimative';
import type { Credibility, Reliability } from '../../core/grades';
import { STATUSES_NEEDING_RATIONALE, type ClaimStatus, type SourceKind, type Stance } from '../../core/types';
import { eventHash, GENESIS_HASH } from '../../db/repos/events';
import { createRng, seededId, type Rng } from '../lib/prng';
import { loadCorpus, type Corpus } from './corpus';
import { countsFor, type GenClaim, type GenDispute, type GenEvent, type GenEvidence, type GenSource, type Sink } from './model';

export const DEFAULT_SEED = 20250127;
const T0 = Date.UTC(2023, 0, 1);
const SPAN = 2 * 365 * 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

const RELIABILITY: readonly (readonly [Reliability, number])[] = [['A', 10], ['B', 25], ['C', 30], ['D', 15], ['E', 10], ['F', 10]];
const CREDIBILITY: readonly (readonly [Credibility, number])[] = [[1, 10], [2, 25], [3, 30], [4, 15], [5, 10], [6, 10]];
const STANCE: readonly (readonly [Stance, number])[] = [['supports', 50], ['refutes', 35], ['context', 15]];
const KINDS: readonly SourceKind[] = ['report', 'news', 'official statement', 'paper', 'social post', 'dataset', 'interview', 'other'];
const PUBLISHERS = ['Reuters', 'Associated Press', 'PolitiFact', 'The Texas Tribune', 'Tampa Bay Times', 'CBO', 'BLS', 'Census Bureau', 'NPR', 'C-SPAN'];
const LABEL_STATUS: Record<string, ClaimStatus> = {
  true: 'supported', 'mostly-true': 'supported', 'half-true': 'mixed', 'barely-true': 'disputed', false: 'refuted', 'pants-fire': 'refuted',
};

export function makeSource(rng: Rng, c: Corpus, rowid: number, parent: GenSource | null): GenSource {
  const at = T0 + rng.int(0, SPAN);
  const s = rng.pick(c.statements);
  const title = rowid === 1 ? 'Congressional Budget Office: budget and economic outlook' : s.length > 120 ? `${s.slice(0, 117)}…` : s;
  return {
    rowid,
    id: seededId(rng, at),
    title,
    url: rng.chance(0.8) ? `https://example.org/${rng.hex(10)}` : null,
    publisher: rng.pick(PUBLISHERS),
    authors: JSON.stringify(rng.chance(0.6) ? [rng.pick(c.speakers)] : []),
    published_at: day(at - rng.int(0, 400) * 86_400_000),
    accessed_at: day(at),
    kind: rng.pick(KINDS),
    reliability: rowid === 1 ? 'B' : rng.weighted(RELIABILITY),
    derived_from: parent?.rowid ?? null,
    origin: parent?.origin ?? rowid,
    notes: rng.chance(0.2) ? rng.pick(c.contexts) : '',
    created_at: iso(at),
    updated_at: iso(at),
  };
}

/** The pool repeats statements; a repeat becomes the same statement said elsewhere, so text + claimant stay unique. */
function uniqueText(rng: Rng, c: Corpus, seen: Set<string>, statement: string, speaker: string): string {
  let text = statement;
  for (let k = 0; seen.has(`${text.toLowerCase()}|${speaker}`); k++)
    text = k < 5 ? `${statement} (said in ${rng.pick(c.contexts)}, ${rng.int(2007, 2024)})` : `${statement} (restated ${k})`;
  seen.add(`${text.toLowerCase()}|${speaker}`);
  return text;
}

interface History {
  seq: number;
  prev: string;
}

function emitEvent(sink: Sink, h: History, rng: Rng, e: Omit<GenEvent, 'seq' | 'id' | 'prev_hash' | 'hash' | 'actor' | 'rationale'>): void {
  const row = { ...e, seq: h.seq + 1, id: seededId(rng, Date.parse(e.at)), actor: 'bench', rationale: null };
  const hash = eventHash(h.prev, row);
  sink.event({ ...row, prev_hash: h.prev, hash });
  h.seq = row.seq;
  h.prev = hash;
}

export interface GenerateOptions {
  scale: number;
  seed?: number;
}

export function generateCase(opts: GenerateOptions, sink: Sink): void {
  const rng = createRng(opts.seed ?? DEFAULT_SEED);
  const corpus = loadCorpus();
  const n = countsFor(opts.scale);
  const history: History = { seq: 0, prev: GENESIS_HASH };
  const sources: GenSource[] = [];
  for (let r = 1; r <= n.sources; r++) {
    const parent = r > 2 && rng.chance(0.3) ? sources[rng.int(Math.max(2, r - 200), r - 1) - 1]! : null;
    const s = makeSource(rng, corpus, r, parent);
    sources.push(s);
    sink.source(s);
  }
  for (const s of sources)
    emitEvent(sink, history, rng, { at: s.created_at, kind: 'source.created', entity_type: 'source', entity_id: s.id, claim_id: null, payload: canonicalJson({ after: { title: s.title } }) });

  const hubEvery = Math.floor(n.claims / n.hubClaims);
  const seen = new Set<string>();
  let evidenceRowid = 0;
  let disputeRowid = 0;
  let delta = 0;
  for (let i = 0; i < n.claims; i++) {
    const rowid = i + 1;
    const row = rng.pick(corpus.rows);
    const at = T0 + Math.floor((i * SPAN) / n.claims) + rng.int(0, 60_000);
    const id = seededId(rng, at);
    delta = i % 2 === 0 ? rng.int(-3, 3) : -delta;
    const evidence: GenEvidence[] = [];
    for (let k = 0; k < 5 + delta; k++) {
      const src = k === 0 && i % hubEvery === 0 && i / hubEvery < n.hubClaims ? 1 : 2 + Math.floor((n.sources - 1) * rng.next() ** 2);
      const eat = iso(at + rng.int(1, 30) * 3_600_000);
      const text = rng.pick(corpus.statements);
      evidence.push({
        rowid: ++evidenceRowid,
        id: seededId(rng, Date.parse(eat)),
        claim_rowid: rowid,
        source_rowid: Math.min(src, n.sources),
        stance: rng.weighted(STANCE),
        excerpt: text.length > 240 ? text.slice(0, 240) : text,
        locator: rng.chance(0.7) ? `p. ${rng.int(1, 300)}` : null,
        credibility: rng.weighted(CREDIBILITY),
        weight: rng.chance(0.1) ? rng.pick([0.5, 1.5, 2]) : 1,
        note: rng.chance(0.1) ? `${rng.pick(corpus.words)} ${rng.pick(corpus.words)}` : '',
        created_at: eat,
        updated_at: eat,
      });
    }
    const dispute: GenDispute | null = rng.chance(0.05)
      ? (() => {
          const open = rng.chance(0.6);
          const opened = iso(at + 86_400_000);
          return {
            rowid: ++disputeRowid,
            id: seededId(rng, at + 86_400_000),
            claim_rowid: rowid,
            raised_by: rng.pick(corpus.speakers),
            position: rng.pick(corpus.statements),
            opened_at: opened,
            status: open ? 'open' : 'resolved',
            resolution: open ? null : rng.pick(corpus.statements),
            resolved_at: open ? null : iso(at + 5 * 86_400_000),
          };
        })()
      : null;
    const prior = rng.chance(0.1) ? rng.int(20, 80) / 100 : 0.5;
    const items: ModelItem[] = evidence.map((e) => {
      const s = sources[e.source_rowid - 1]!;
      return { evidenceId: e.id, sourceId: String(s.rowid), originId: String(s.origin), stance: e.stance, weight: e.weight, reliability: s.reliability, credibility: e.credibility, excerpt: e.excerpt };
    });
    const model = computeConfidence(prior, items);
    const override = rng.chance(0.005) ? rng.int(5, 95) / 100 : null;
    const probability = override ?? model.probability;
    const status: ClaimStatus = rng.chance(0.3) ? 'unverified' : rng.chance(0.1) ? 'under review' : (LABEL_STATUS[row.label] ?? 'unresolvable');
    const claim: GenClaim = {
      rowid,
      id,
      text: uniqueText(rng, corpus, seen, row.statement, row.speaker),
      claimant: row.speaker || null,
      claimed_at: day(Date.UTC(2007, 0, 1) + rng.int(0, 18 * 365) * 86_400_000),
      context: row.job || null,
      status,
      status_rationale: STATUSES_NEEDING_RATIONALE.includes(status) ? `PolitiFact rated it ${row.label}.` : null,
      prior,
      override_p: override,
      override_rationale: override === null ? null : 'Analyst judgment from a briefing call.',
      notes: rng.chance(0.2) ? rng.pick(corpus.statements) : '',
      computed_p: model.probability,
      probability,
      band: bandOf(probability),
      confidence: model.confidence,
      assessed: model.assessed ? 1 : 0,
      evidence_count: evidence.length,
      open_disputes: dispute?.status === 'open' ? 1 : 0,
      created_at: iso(at),
      updated_at: iso(at + rng.int(0, 30) * 86_400_000),
      deleted_at: rng.chance(0.01) ? iso(at + 40 * 86_400_000) : null,
      tags: row.subjects.slice(0, 3),
    };
    sink.claim(claim, evidence, dispute);
    emitEvent(sink, history, rng, { at: claim.created_at, kind: 'claim.created', entity_type: 'claim', entity_id: id, claim_id: id, payload: canonicalJson({ after: { text: claim.text } }) });
    if (dispute)
      emitEvent(sink, history, rng, { at: dispute.opened_at, kind: 'dispute.opened', entity_type: 'dispute', entity_id: dispute.id, claim_id: id, payload: canonicalJson({ after: { position: dispute.position } }) });
  }
}
