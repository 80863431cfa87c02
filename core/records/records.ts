/**
 * Every record a case stores, declared once (core/records/define.ts). Adding a plain field to a
 * record is a change here plus a migration that adds its column; tests/records check that these
 * declarations and the schema agree, and that the derived shapes pick a new field up.
 */
import { BANDS, CONFIDENCE_LEVELS } from '../estimative';
import { CREDIBILITY, RELIABILITY } from '../grades';
import {
  ANCHOR_STATUSES,
  CAPTURE_ORIGINS,
  CLAIM_KINDS,
  CLAIM_STATUSES,
  DISPUTE_OUTCOMES,
  EXTRACTIONS,
  LINK_KINDS,
  OUTCOMES,
  SOURCE_KINDS,
  STANCES,
} from '../types';
import { declare, f, type RecordDecl, type Ref } from './define';

const id = () => f.text({ label: 'id', max: 64 });
const rowid = (label: string) => f.integer({ label });
/** A column holding another record's rowid. */
const ref = (table: Ref, label: string) => f.integer({ label, ref: table });
const optionalRef = (table: Ref, label: string) => f.optionalInteger({ label, ref: table });
const created = () => f.text({ label: 'created' });
const updated = () => f.text({ label: 'last changed', quiet: true });
/** The confidence model's outputs: recomputed from the evidence, never edited. */
const derived = { derived: true } as const;

export const claimRecord = declare({
  entity: 'claim',
  table: 'claims',
  key: { rowid: 'rowid' },
  idColumn: 'id',
  fields: {
    rowid: rowid('row'),
    id: id(),
    text: f.text({ label: 'claim', max: 20_000 }),
    claimant: f.optionalText({ label: 'claimant', max: 500 }),
    claimed_at: f.optionalText({ label: 'claimed on' }),
    context: f.optionalText({ label: 'context', max: 2_000 }),
    status: f.oneOf(CLAIM_STATUSES, { label: 'status', default: 'unverified' }),
    status_rationale: f.optionalText({ label: 'status rationale', max: 20_000 }),
    outcome: f.optionalOneOf(OUTCOMES, { label: 'outcome' }),
    prior: f.real({ label: 'prior', default: 0.5 }),
    override_p: f.optionalReal({ label: 'override probability' }),
    override_rationale: f.optionalText({ label: 'override rationale' }),
    notes: f.text({ label: 'notes', default: '', max: 100_000 }),
    qty_value: f.optionalReal({ label: 'quantity' }),
    qty_unit: f.optionalText({ label: 'quantity unit' }),
    qty_scope: f.optionalText({ label: 'quantity scope' }),
    qty_as_of: f.optionalText({ label: 'quantity as of' }),
    computed_p: f.real({ label: 'computed probability', default: 0.5, ...derived }),
    probability: f.real({ label: 'probability', default: 0.5, ...derived }),
    band: f.oneOf(BANDS, { label: 'band', default: 'roughly even chance', ...derived }),
    confidence: f.oneOf(CONFIDENCE_LEVELS, { label: 'confidence', default: 'low', ...derived }),
    evidence_count: f.integer({ label: 'evidence count', default: 0, ...derived }),
    open_disputes: f.integer({ label: 'open disputes', default: 0, ...derived }),
    created_at: created(),
    updated_at: updated(),
    deleted_at: f.optionalText({ label: 'trashed' }),
    kind: f.oneOf(CLAIM_KINDS, { label: 'kind', default: 'fact' }),
    kind_rationale: f.optionalText({ label: 'why not checkable', max: 2_000 }),
    assessed: f.flag({ label: 'assessed', ...derived }),
    outcome_at: f.optionalText({ label: 'outcome on' }),
    outcome_note: f.optionalText({ label: 'outcome note' }),
    review_url: f.optionalText({ label: 'review URL', max: 4000 }),
  },
});

export const sourceRecord = declare({
  entity: 'source',
  table: 'sources',
  key: { rowid: 'rowid' },
  idColumn: 'id',
  fields: {
    rowid: rowid('row'),
    id: id(),
    title: f.text({ label: 'title', max: 2_000 }),
    url: f.optionalText({ label: 'URL', max: 4000 }),
    publisher: f.optionalText({ label: 'publisher', max: 500 }),
    authors: f.text({ label: 'authors', default: '[]' }),
    published_at: f.optionalText({ label: 'published' }),
    accessed_at: f.optionalText({ label: 'accessed' }),
    kind: f.oneOf(SOURCE_KINDS, { label: 'kind', default: 'other' }),
    reliability: f.oneOf(RELIABILITY, { label: 'reliability', default: 'F' }),
    derived_from: optionalRef('sources', 'derived from'),
    origin: optionalRef('sources', 'origin'),
    doi: f.optionalText({ label: 'DOI', max: 300 }),
    notes: f.text({ label: 'notes', default: '', max: 100_000 }),
    file_sha256: f.optionalText({ label: 'file SHA-256' }),
    csl: f.optionalText({ label: 'CSL item' }),
    created_at: created(),
    updated_at: updated(),
    deleted_at: f.optionalText({ label: 'trashed' }),
    speaks_for: f.optionalText({ label: 'speaks for', max: 500 }),
  },
});

export const evidenceRecord = declare({
  entity: 'evidence',
  table: 'evidence',
  key: { rowid: 'rowid' },
  idColumn: 'id',
  fields: {
    rowid: rowid('row'),
    id: id(),
    claim_rowid: ref('claims', 'claim'),
    source_rowid: ref('sources', 'source'),
    stance: f.oneOf(STANCES, { label: 'stance' }),
    excerpt: f.text({ label: 'quote', default: '', max: 50_000 }),
    locator: f.optionalText({ label: 'locator', max: 500 }),
    credibility: f.integerOf(CREDIBILITY, { label: 'credibility', default: 6 }),
    weight: f.real({ label: 'weight', default: 1 }),
    note: f.text({ label: 'note', default: '', max: 20_000 }),
    created_at: created(),
    updated_at: updated(),
    attribution: f.flag({ label: 'attribution only' }),
  },
});

export const disputeRecord = declare({
  entity: 'dispute',
  table: 'disputes',
  key: { rowid: 'rowid' },
  idColumn: 'id',
  fields: {
    rowid: rowid('row'),
    id: id(),
    claim_rowid: ref('claims', 'claim'),
    raised_by: f.text({ label: 'raised by', max: 500 }),
    position: f.text({ label: 'position', max: 20_000 }),
    opened_at: f.text({ label: 'raised on' }),
    status: f.oneOf(['open', 'resolved'] as const, { label: 'status', default: 'open' }),
    resolution: f.optionalText({ label: 'resolution', max: 20_000 }),
    resolved_at: f.optionalText({ label: 'resolved on' }),
    outcome: f.optionalOneOf(DISPUTE_OUTCOMES, { label: 'outcome' }),
  },
});

export const disputeEvidenceRecord = declare({
  entity: 'dispute evidence',
  table: 'dispute_evidence',
  key: { columns: ['dispute_rowid', 'evidence_rowid'] },
  fields: { dispute_rowid: ref('disputes', 'dispute'), evidence_rowid: ref('evidence', 'evidence') },
});

export const disputeResponseRecord = declare({
  entity: 'dispute response',
  table: 'dispute_responses',
  key: { rowid: 'rowid' },
  idColumn: 'id',
  fields: {
    rowid: rowid('row'),
    id: id(),
    dispute_rowid: ref('disputes', 'dispute'),
    author: f.text({ label: 'author', max: 500 }),
    text: f.text({ label: 'response', max: 20_000 }),
    created_at: created(),
  },
});

export const linkRecord = declare({
  entity: 'link',
  table: 'claim_links',
  key: { rowid: 'rowid' },
  idColumn: 'id',
  fields: {
    rowid: rowid('row'),
    id: id(),
    from_rowid: ref('claims', 'from claim'),
    to_rowid: ref('claims', 'to claim'),
    kind: f.oneOf(LINK_KINDS, { label: 'kind' }),
    note: f.text({ label: 'note', default: '' }),
    created_at: created(),
  },
});

export const tagRecord = declare({
  entity: 'tag',
  table: 'tags',
  key: { rowid: 'rowid' },
  fields: { rowid: rowid('row'), name: f.text({ label: 'tag', max: 100, unique: true }) },
});

export const claimTagRecord = declare({
  entity: 'claim tag',
  table: 'claim_tags',
  key: { columns: ['claim_rowid', 'tag_rowid'] },
  fields: { claim_rowid: ref('claims', 'claim'), tag_rowid: ref('tags', 'tag') },
});

export const independenceRecord = declare({
  entity: 'independence mark',
  table: 'evidence_independent',
  key: { columns: ['a_rowid', 'b_rowid'] },
  pair: ['a_rowid', 'b_rowid'],
  fields: { a_rowid: ref('evidence', 'evidence'), b_rowid: ref('evidence', 'other evidence'), created_at: created() },
});

export const briefingRecord = declare({
  entity: 'briefing',
  table: 'briefings',
  key: { rowid: 'rowid' },
  idColumn: 'id',
  fields: {
    rowid: rowid('row'),
    id: id(),
    title: f.text({ label: 'title' }),
    selection: f.text({ label: 'selection' }),
    selection_key: f.text({ label: 'selection key' }),
    markdown: f.text({ label: 'text' }),
    snapshot: f.text({ label: 'snapshot' }),
    created_at: created(),
  },
});

export const blobRecord = declare({
  entity: 'document bytes',
  table: 'blobs',
  key: { rowid: 'rowid' },
  idColumn: 'sha256',
  fields: {
    rowid: rowid('row'),
    sha256: f.text({ label: 'SHA-256' }),
    size: f.integer({ label: 'size' }),
    bytes: f.bytes({ label: 'bytes' }),
  },
});

export const captureRecord = declare({
  entity: 'capture',
  table: 'captures',
  key: { rowid: 'rowid' },
  idColumn: 'id',
  fields: {
    rowid: rowid('row'),
    id: id(),
    source_rowid: ref('sources', 'source'),
    blob_rowid: ref('blobs', 'bytes'),
    media_type: f.text({ label: 'media type' }),
    file_name: f.optionalText({ label: 'file name' }),
    origin: f.oneOf(CAPTURE_ORIGINS, { label: 'origin' }),
    requested_url: f.optionalText({ label: 'requested URL' }),
    final_url: f.optionalText({ label: 'final URL' }),
    http_status: f.optionalInteger({ label: 'HTTP status' }),
    headers: f.text({ label: 'headers', default: '{}' }),
    accessed_at: f.optionalText({ label: 'accessed' }),
    captured_at: f.text({ label: 'captured' }),
    title: f.optionalText({ label: 'title' }),
    extraction: f.oneOf(EXTRACTIONS, { label: 'extraction' }),
    page_count: f.integer({ label: 'pages', default: 1 }),
    text_length: f.integer({ label: 'text length', default: 0 }),
  },
});

export const capturePageRecord = declare({
  entity: 'capture page',
  table: 'capture_pages',
  key: { rowid: 'rowid' },
  fields: {
    rowid: rowid('row'),
    capture_rowid: ref('captures', 'capture'),
    page: f.integer({ label: 'page' }),
    start: f.integer({ label: 'start' }),
    text: f.text({ label: 'text' }),
  },
});

export const quoteAnchorRecord = declare({
  entity: 'quote anchor',
  table: 'quote_anchors',
  key: { rowid: 'evidence_rowid' },
  fields: {
    evidence_rowid: ref('evidence', 'evidence'),
    capture_rowid: optionalRef('captures', 'capture'),
    status: f.oneOf(ANCHOR_STATUSES, { label: 'status' }),
    score: f.optionalReal({ label: 'score' }),
    exact: f.optionalText({ label: 'exact text' }),
    prefix: f.optionalText({ label: 'prefix' }),
    suffix: f.optionalText({ label: 'suffix' }),
    start: f.optionalInteger({ label: 'start' }),
    end: f.optionalInteger({ label: 'end' }),
    page: f.optionalInteger({ label: 'page' }),
    found_in: optionalRef('captures', 'found in'),
    lost_since: f.optionalText({ label: 'lost since' }),
  },
});

/** Case title and settings ('settings.*' keys). */
export const metaRecord = declare({
  entity: 'setting',
  table: 'meta',
  key: { rowid: null },
  idColumn: 'key',
  fields: { key: f.text({ label: 'key' }), value: f.text({ label: 'value' }) },
});

/* Structured analytic techniques (issue 18, docs/analysis.md). */

export const achBoardRecord = declare({
  entity: 'ACH board',
  table: 'ach_boards',
  key: { rowid: 'rowid' },
  idColumn: 'id',
  fields: { rowid: rowid('row'), id: id(), title: f.text({ label: 'title' }), question: f.text({ label: 'question', default: '' }), created_at: created(), updated_at: updated() },
});

export const achHypothesisRecord = declare({
  entity: 'ACH hypothesis',
  table: 'ach_hypotheses',
  key: { rowid: 'rowid' },
  fields: { rowid: rowid('row'), board_rowid: ref('ach_boards', 'board'), claim_rowid: ref('claims', 'claim'), label: f.text({ label: 'label' }) },
});

export const achRowRecord = declare({
  entity: 'ACH evidence row',
  table: 'ach_rows',
  key: { rowid: 'rowid' },
  fields: {
    rowid: rowid('row'),
    board_rowid: ref('ach_boards', 'board'),
    evidence_rowid: ref('evidence', 'evidence'),
    added: f.oneOf(['hypothesis', 'hand'] as const, { label: 'added from' }),
    note: f.text({ label: 'note', default: '' }),
  },
});

export const achRatingRecord = declare({
  entity: 'ACH rating',
  table: 'ach_ratings',
  key: { rowid: 'rowid' },
  fields: {
    rowid: rowid('row'),
    row_rowid: ref('ach_rows', 'evidence row'),
    hypothesis_rowid: ref('ach_hypotheses', 'hypothesis'),
    analyst: f.text({ label: 'analyst' }),
    rating: f.oneOf(['CC', 'C', 'N', 'I', 'II'] as const, { label: 'rating' }),
    rated_at: f.text({ label: 'rated' }),
  },
});

const LEVELS = ['high', 'medium', 'low'] as const;

export const assumptionRecord = declare({
  entity: 'assumption',
  table: 'assumptions',
  key: { rowid: 'rowid' },
  idColumn: 'id',
  fields: {
    rowid: rowid('row'),
    id: id(),
    text: f.text({ label: 'assumption' }),
    owner: f.text({ label: 'owner', default: '' }),
    likelihood: f.oneOf(LEVELS, { label: 'how likely it holds' }),
    impact: f.oneOf(LEVELS, { label: 'impact if wrong' }),
    state: f.oneOf(['held', 'failed'] as const, { label: 'state', default: 'held' }),
    failed_at: f.optionalText({ label: 'failed on' }),
    failed_why: f.optionalText({ label: 'why it failed' }),
    created_at: created(),
  },
});

export const assumptionClaimRecord = declare({
  entity: 'assumption link',
  table: 'assumption_claims',
  key: { rowid: 'rowid' },
  fields: { rowid: rowid('row'), assumption_rowid: ref('assumptions', 'assumption'), claim_rowid: ref('claims', 'claim') },
});

export const indicatorRecord = declare({
  entity: 'indicator',
  table: 'indicators',
  key: { rowid: 'rowid' },
  idColumn: 'id',
  fields: {
    rowid: rowid('row'),
    id: id(),
    text: f.text({ label: 'indicator' }),
    claim_rowid: ref('claims', 'claim'),
    direction: f.oneOf(['supports', 'undercuts'] as const, { label: 'direction' }),
    state: f.oneOf(['not-observed', 'observed', 'contradicted'] as const, { label: 'state', default: 'not-observed' }),
    observed_on: f.optionalText({ label: 'observed on' }),
    note: f.text({ label: 'note', default: '' }),
    created_at: created(),
    updated_at: updated(),
  },
});

/* The duplicate review queue (issue 18.3, docs/duplicates.md). */

const DEDUPE_ENTITIES = ['claim', 'source'] as const;
const DEDUPED: Ref = { by: 'entity', tables: { claim: 'claims', source: 'sources' } };

export const mergeRecord = declare({
  entity: 'merge',
  table: 'merges',
  key: { rowid: 'rowid' },
  idColumn: 'id',
  fields: {
    rowid: rowid('row'),
    id: id(),
    entity: f.oneOf(DEDUPE_ENTITIES, { label: 'kind' }),
    survivor_rowid: ref(DEDUPED, 'kept'),
    merged_rowid: ref(DEDUPED, 'merged'),
    reason: f.text({ label: 'reason', default: '' }),
    score: f.optionalReal({ label: 'score' }),
    moved: f.text({ label: 'what moved' }),
    created_at: created(),
    undone_at: f.optionalText({ label: 'undone' }),
  },
});

export const duplicateVerdictRecord = declare({
  entity: 'duplicate verdict',
  table: 'duplicate_verdicts',
  key: { columns: ['entity', 'a_rowid', 'b_rowid'] },
  pair: ['a_rowid', 'b_rowid'],
  fields: {
    entity: f.oneOf(DEDUPE_ENTITIES, { label: 'kind' }),
    a_rowid: ref(DEDUPED, 'one'),
    b_rowid: ref(DEDUPED, 'other'),
    verdict: f.oneOf(['not-duplicate', 'keep-both'] as const, { label: 'verdict' }),
    rationale: f.optionalText({ label: 'rationale' }),
    created_at: created(),
  },
});

/**
 * Every record kind, in the order replay may create them. Tables not listed are not state: the
 * history itself (events, chain_head) and the search indexes, which are derived from these.
 */
export const RECORDS: readonly RecordDecl[] = [
  metaRecord,
  tagRecord,
  sourceRecord,
  claimRecord,
  claimTagRecord,
  evidenceRecord,
  independenceRecord,
  disputeRecord,
  disputeEvidenceRecord,
  disputeResponseRecord,
  linkRecord,
  briefingRecord,
  blobRecord,
  captureRecord,
  capturePageRecord,
  quoteAnchorRecord,
  achBoardRecord,
  achHypothesisRecord,
  achRowRecord,
  achRatingRecord,
  assumptionRecord,
  assumptionClaimRecord,
  indicatorRecord,
  mergeRecord,
  duplicateVerdictRecord,
];

export const recordByTable = (table: string): RecordDecl | undefined => RECORDS.find((r) => r.table === table);
