/** A valid input for each contract method, on a sample case: the starting point that fuzzers attack. */
import type { z } from 'zod';
import { contract, type ApiMethod } from '../../core/api';
import type { CaseApi } from '../../db/api';

export interface Ids {
  claimId: string;
  otherClaimId: string;
  sourceId: string;
  evidenceId: string;
  disputeId: string;
  linkId: string;
  captureId: string;
  /** The sample's ACH board, one of its rows and hypotheses; an assumption and an indicator (issue 18). */
  boardId: string;
  boardEvidenceId: string;
  boardClaimId: string;
  assumptionId: string;
  indicatorId: string;
}

/** Ids of live rows of every kind, creating what the sample lacks. */
export function sampleIds(api: CaseApi): Ids {
  const claims = api.invoke('claims.list', { limit: 2 }).items;
  const [a, b] = [claims[0]!.id, claims[1]!.id];
  const sourceId = api.invoke('sources.list', { limit: 1 }).items[0]!.id;
  const evidenceId = api.invoke('evidence.create', { claimId: a, sourceId, stance: 'context' }).id;
  const disputeId = api.invoke('disputes.open', { claimId: a, raisedBy: 'fuzz', position: 'a position' }).id;
  const linkId = api.invoke('links.create', { fromId: a, toId: b, kind: 'part-of' }).id;
  const bytes = Buffer.from('Captured notes: the harbour closes at dusk.\n\nSecond paragraph.').toString('base64');
  const captureId = api.invoke('captures.attach', { sourceId, bytes, fileName: 'notes.txt' }).capture.id;
  const board = api.invoke('ach.get', { id: api.invoke('ach.list', {})[0]!.id });
  const assumptionId = api.invoke('assumptions.add', { text: 'It holds', likelihood: 'medium', impact: 'high', claimIds: [a] }).id;
  const indicatorId = api.invoke('indicators.add', { text: 'A sign', claimId: a, direction: 'supports' }).id;
  return {
    claimId: a,
    otherClaimId: b,
    sourceId,
    evidenceId,
    disputeId,
    linkId,
    captureId,
    boardId: board.id,
    boardEvidenceId: board.rows[0]!.evidenceId,
    boardClaimId: board.hypotheses[0]!.claimId,
    assumptionId,
    indicatorId,
  };
}

export function templateFor(method: ApiMethod | string, ids: Ids): Record<string, unknown> {
  const { claimId, otherClaimId, sourceId, evidenceId, disputeId, linkId, captureId, boardId, boardEvidenceId, boardClaimId, assumptionId, indicatorId } = ids;
  const t: Record<string, Record<string, unknown>> = {
    'claims.create': { text: 'A claim', claimant: 'someone', claimedAt: '2025-01-20', tags: ['t'], prior: 0.4, notes: 'n', context: 'c' },
    'claims.update': { id: claimId, text: 'changed text', notes: 'changed' },
    'claims.setStatus': { id: claimId, status: 'supported', rationale: 'because' },
    'claims.override': { id: claimId, probability: 0.3, rationale: 'judgment' },
    'claims.clearOverride': { id: claimId, rationale: 'back to the model' },
    'claims.delete': { id: otherClaimId, rationale: 'duplicate' },
    'claims.restore': { id: otherClaimId },
    'claims.get': { id: claimId },
    'claims.list': { limit: 10, sort: 'text', direction: 'asc', text: 'chip' },
    'sources.create': { title: 'A source', publisher: 'p', authors: ['a'], reliability: 'B', kind: 'news', url: 'https://example.org/x' },
    'sources.update': { id: sourceId, title: 'renamed', reliability: 'C' },
    'sources.delete': { id: sourceId },
    'sources.restore': { id: sourceId },
    'sources.get': { id: sourceId },
    'sources.list': { limit: 5, text: 'report' },
    'evidence.create': { claimId, sourceId, stance: 'supports', excerpt: 'quote', credibility: 2, weight: 1 },
    'evidence.update': { id: evidenceId, weight: 1.5, note: 'n' },
    'evidence.delete': { id: evidenceId, rationale: 'wrong quote' },
    'disputes.open': { claimId, raisedBy: 'critic', position: 'it is wrong', evidenceIds: [evidenceId] },
    'disputes.respond': { id: disputeId, author: 'analyst', text: 'reply' },
    'disputes.resolve': { id: disputeId, resolution: 'settled' },
    'settings.update': { analystName: 'me', caveat: 'draft', backupsToKeep: 3 },
    'links.create': { fromId: claimId, toId: otherClaimId, kind: 'contradicts', note: 'n' },
    'links.delete': { id: linkId },
    'search.query': { q: 'chip export', limit: 10 },
    'history.claim': { id: claimId },
    'history.recent': { limit: 5 },
    'briefings.compose': { selection: { query: 'chip' }, title: 'Brief', bluf: 'Bottom line' },
    'briefings.save': { selection: { claimIds: [claimId, otherClaimId] }, title: 'Brief' },
    'briefings.list': { selection: { tag: 'chips' }, limit: 5 },
    'briefings.render': { selection: { query: 'chip' }, format: 'md' },
    'transfer.preview': { format: 'csv', content: 'text,claimant\nA claim,someone\n', fileName: 'x.csv' },
    'transfer.dryRun': { format: 'csv', content: 'text,claimant\nA claim,someone\n', fileName: 'x.csv' },
    'transfer.import': { format: 'csv', content: 'text,claimant\nAn imported claim,someone\n', fileName: 'x.csv' },
    'transfer.export': { format: 'json' },
    'captures.attach': { sourceId, bytes: Buffer.from('Another reading, a day later.').toString('base64'), fileName: 'later.md', accessedAt: '2025-02-01' },
    'captures.list': { sourceId },
    'captures.get': { id: captureId },
    'captures.bytes': { id: captureId },
    'ach.create': { title: 'A board', question: 'Which?', claimIds: [claimId, otherClaimId], pullEvidence: true },
    'ach.list': {},
    'ach.get': { id: boardId },
    'ach.add': { id: boardId, claimId, pullEvidence: true },
    'ach.rate': { id: boardId, evidenceId: boardEvidenceId, claimId: boardClaimId, rating: 'II', analyst: 'fuzz' },
    'assumptions.add': { text: 'Another', owner: 'me', likelihood: 'low', impact: 'high', claimIds: [claimId] },
    'assumptions.list': { claimId },
    'assumptions.fail': { id: assumptionId, why: 'it did not hold' },
    'indicators.add': { text: 'Another sign', claimId, direction: 'undercuts' },
    'indicators.list': { claimId },
    'indicators.observe': { id: indicatorId, state: 'observed', on: '2025-03-01', note: 'seen' },
    // captures.locate gets its template with the real locateSpan (docs-anchor): the placeholder answers 'internal'.
  };
  return t[method] ?? {};
}

/** The top-level field names a method's input schema knows (through default/optional wrappers). */
export function schemaFields(method: ApiMethod): string[] {
  let s = contract[method].input as unknown as { shape?: Record<string, unknown>; def?: { innerType?: unknown } };
  for (let i = 0; i < 5 && !s.shape && s.def?.innerType; i++) s = s.def.innerType as typeof s;
  return s.shape ? Object.keys(s.shape) : [];
}

export type AnySchema = z.ZodType;
