/**
 * Child process of the crash loop: writes to a case through createApi until it is killed.
 * After each committed call it prints `ACK <method> <entityId> <seq>` (seq = the event that call
 * wrote) with a synchronous write, so the parent knows exactly what was acknowledged.
 *
 *   node --import tsx tests/reliability/crash-writer.ts FILE SEED
 */
import { writeSync } from 'node:fs';
import { CLAIM_STATUSES, SOURCE_KINDS, STANCES } from '../../core/types';
import { RELIABILITY } from '../../core/grades';
import { createApi, type CaseApi } from '../../db/api';
import { openCase } from '../../db/open';

const [file, seedArg] = process.argv.slice(2);
if (!file) throw new Error('usage: crash-writer.ts FILE SEED');

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
let seed = Number(seedArg ?? 1) >>> 0;
function rand(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const WORDS = ['chip', 'export', 'H800', 'training', 'cost', 'GPU', 'cluster', 'Ünïcödé', 'ملف', '数据', "O'Brien", '"quoted"', 'AND', 'NEAR'];
const words = (n: number) => Array.from({ length: 1 + Math.floor(rand() * n) }, () => pick(WORDS)).join(' ');

const handle = openCase(file, { create: true });
const api: CaseApi = createApi(handle.db, { actor: 'crash-writer' });
const db = handle.db;
const ids = (q: string) => db.prepare(q).pluck().all() as string[];
const claims = ids('SELECT id FROM claims WHERE deleted_at IS NULL');
const sources = ids('SELECT id FROM sources WHERE deleted_at IS NULL');
const evidence = db.prepare('SELECT e.id, c.id AS claimId FROM evidence e JOIN claims c ON c.rowid = e.claim_rowid').all() as { id: string; claimId: string }[];
const openDisputes = ids("SELECT id FROM disputes WHERE status = 'open'");
const lastSeq = db.prepare('SELECT max(seq) FROM events WHERE entity_id = ?').pluck();

function ack(method: string, entityId: string): void {
  writeSync(1, `ACK ${method} ${entityId} ${lastSeq.get(entityId) as number}\n`);
}

/** One random write; returns false when it had nothing to act on. */
function step(): boolean {
  const r = rand();
  if (r < 0.2 || claims.length < 3) {
    const c = api.invoke('claims.create', { text: `${words(12)} #${claims.length}`, claimant: words(2), tags: [pick(['ai', 'chips', 'cost'])], notes: words(30) });
    claims.push(c.id);
    ack('claims.create', c.id);
  } else if (r < 0.35 || sources.length < 3) {
    const s = api.invoke('sources.create', { title: words(6), publisher: words(2), reliability: pick(RELIABILITY), kind: pick(SOURCE_KINDS), authors: [words(2)] });
    sources.push(s.id);
    ack('sources.create', s.id);
  } else if (r < 0.6) {
    const claimId = pick(claims);
    const e = api.invoke('evidence.create', { claimId, sourceId: pick(sources), stance: pick(STANCES), excerpt: words(20), credibility: 1 + Math.floor(rand() * 6), weight: Math.round(rand() * 20) / 10 });
    evidence.push({ id: e.id, claimId });
    ack('evidence.create', e.id);
  } else if (r < 0.68) {
    const claimId = pick(claims);
    const own = evidence.filter((e) => e.claimId === claimId).slice(0, 3).map((e) => e.id);
    const d = api.invoke('disputes.open', { claimId, raisedBy: words(2), position: words(15), evidenceIds: own });
    openDisputes.push(d.id);
    ack('disputes.open', d.id);
  } else if (r < 0.74) {
    if (!openDisputes.length) return false;
    const i = Math.floor(rand() * openDisputes.length);
    const id = openDisputes[i]!;
    if (rand() < 0.5) api.invoke('disputes.respond', { id, author: words(1), text: words(10) });
    else {
      api.invoke('disputes.resolve', { id, resolution: words(8) });
      openDisputes.splice(i, 1);
    }
    ack('disputes.respond|resolve', id);
  } else if (r < 0.86) {
    const id = pick(claims);
    api.invoke('claims.setStatus', { id, status: pick(CLAIM_STATUSES), rationale: words(6) });
    ack('claims.setStatus', id);
  } else if (r < 0.9) {
    const id = pick(claims);
    api.invoke('claims.override', { id, probability: 0.05 + rand() * 0.9, rationale: words(5) });
    ack('claims.override', id);
  } else if (r < 0.95) {
    if (!evidence.length) return false;
    const e = pick(evidence);
    api.invoke('evidence.update', { id: e.id, weight: Math.round(rand() * 20) / 10, credibility: 1 + Math.floor(rand() * 6) });
    ack('evidence.update', e.id);
  } else {
    // A regrade recomputes every claim citing the source: a many-row transaction.
    const id = pick(sources);
    api.invoke('sources.update', { id, reliability: pick(RELIABILITY) });
    ack('sources.update', id);
  }
  return true;
}

writeSync(1, 'READY\n');
for (;;) step();
