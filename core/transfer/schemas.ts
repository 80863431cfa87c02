/**
 * One validation for every import format: each record, however it was read, passes the same
 * schemas as the API's own input (text rules, grades, dates, URLs), so an import can never store
 * what the app could not have stored itself.
 */
import { z } from 'zod';
import {
  credibility,
  id,
  isoDate,
  optionalText,
  probability,
  reliability,
  requiredText,
  tagName,
  text,
  url,
  weight,
} from '../contract/fields';
import { base64, MAX_CAPTURE_BYTES } from '../contract/captures';
import { textProblem } from '../text';
import { CAPTURE_ORIGINS, CLAIM_KINDS, CLAIM_STATUSES, DISPUTE_OUTCOMES, LINK_KINDS, OUTCOMES, SOURCE_KINDS, STANCES, STATUSES_NEEDING_RATIONALE } from '../types';

export const timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/, 'must be an ISO-8601 UTC time like 2025-01-20T10:00:00.000Z');

/** Characters an imported id may not hold: controls (a terminal would obey ESC, CR), bidi and invisible format characters. */
const UNSAFE_IN_ID = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c]/;

/** An id kept from the file: the API only ever makes UUIDs, so an id may not carry what no id needs. */
export const isStorableId = (v: string) => v.length >= 1 && v.length <= 64 && !UNSAFE_IN_ID.test(v) && textProblem(v) === null;

const recordId = id.refine(isStorableId, 'must be an id without control, bidi or invisible format characters');

/** A stored string kept exactly (no trim, no NFC: saved briefings are re-read as written), with the text rules' refusals. */
const exactText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .superRefine((v, ctx) => {
      const problem = textProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

const key = z.string().min(1, 'must not be empty').max(200, 'is too long for a reference');
const nullable = <T extends z.ZodType>(s: T) => s.nullish().transform((v) => v ?? null);

export const claimRecord = z
  .object({
    key,
    id: recordId.optional(),
    text: requiredText(20_000),
    claimant: nullable(optionalText(500)),
    claimedAt: nullable(isoDate),
    context: nullable(optionalText(2_000)),
    status: z.enum(CLAIM_STATUSES, { message: `must be one of: ${CLAIM_STATUSES.join(', ')}` }).default('unverified'),
    statusRationale: nullable(optionalText(20_000)),
    outcome: nullable(z.enum(OUTCOMES, { message: 'must be true or false' })),
    prior: probability.default(0.5),
    override: nullable(z.object({ probability, rationale: requiredText(20_000) })),
    notes: text(100_000).default(''),
    quantity: nullable(
      z.object({ value: z.number().finite(), unit: requiredText(60), scope: nullable(optionalText(300)), asOf: nullable(isoDate) }),
    ),
    tags: z.array(tagName).max(100, 'at most 100 tags').default([]),
    kind: z.enum(CLAIM_KINDS, { message: `must be one of: ${CLAIM_KINDS.join(', ')}` }).default('fact'),
    kindRationale: nullable(optionalText(2_000)),
    outcomeAt: nullable(z.string().max(40)),
    outcomeNote: nullable(optionalText(20_000)),
    reviewUrl: nullable(url.refine((u) => /^https?:/i.test(u), 'must be an http or https URL')),
    createdAt: timestamp.optional(),
    updatedAt: timestamp.optional(),
    deletedAt: nullable(timestamp),
    line: z.number().optional(),
    record: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (STATUSES_NEEDING_RATIONALE.includes(c.status) && !c.statusRationale)
      ctx.addIssue({ code: 'custom', path: ['statusRationale'], message: `a claim marked ${c.status} needs a rationale` });
    if (c.kind === 'not-checkable' && !c.kindRationale)
      ctx.addIssue({ code: 'custom', path: ['kindRationale'], message: 'a not-checkable claim needs a reason (why it cannot be checked)' });
  });

export const sourceRecord = z.object({
  key,
  id: recordId.optional(),
  title: requiredText(2_000),
  url: nullable(url),
  publisher: nullable(optionalText(500)),
  authors: z.array(requiredText(300)).max(200, 'at most 200 authors').default([]),
  publishedAt: nullable(isoDate),
  accessedAt: nullable(isoDate),
  kind: z.enum(SOURCE_KINDS, { message: `must be one of: ${SOURCE_KINDS.join(', ')}` }).default('other'),
  reliability: reliability.default('F'),
  derivedFromKey: nullable(key),
  doi: nullable(optionalText(300)),
  notes: text(100_000).default(''),
  fileSha256: nullable(z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex')),
  csl: nullable(z.record(z.string(), z.unknown())),
  speaksFor: nullable(optionalText(500)),
  createdAt: timestamp.optional(),
  updatedAt: timestamp.optional(),
  deletedAt: nullable(timestamp),
  line: z.number().optional(),
  record: z.string().optional(),
});

export const evidenceRecord = z.object({
  key,
  id: recordId.optional(),
  claimKey: key,
  sourceKey: key,
  stance: z.enum(STANCES, { message: 'must be supports, refutes or context' }),
  excerpt: text(50_000).default(''),
  locator: nullable(optionalText(500)),
  credibility: credibility.default(6),
  weight: weight.default(1),
  note: text(20_000).default(''),
  attribution: z.boolean().default(false),
  independentOf: z.array(key).max(1_000, 'at most 1000 items').default([]),
  createdAt: timestamp.optional(),
  updatedAt: timestamp.optional(),
  line: z.number().optional(),
  record: z.string().optional(),
});

export const disputeRecord = z
  .object({
    key,
    id: recordId.optional(),
    claimKey: key,
    raisedBy: requiredText(500),
    position: requiredText(20_000),
    openedAt: z.union([timestamp, isoDate]),
    status: z.enum(['open', 'resolved'], { message: 'must be open or resolved' }).default('open'),
    resolution: nullable(optionalText(20_000)),
    resolvedAt: nullable(z.union([timestamp, isoDate])),
    /** Upheld, rejected or partly upheld (issue 20); absent in files written before. */
    outcome: z.enum(DISPUTE_OUTCOMES).nullish(),
    evidenceKeys: z.array(key).max(500).default([]),
    responses: z
      .array(z.object({ id: recordId.optional(), author: requiredText(500), text: requiredText(20_000), createdAt: timestamp }))
      .max(10_000)
      .default([]),
    line: z.number().optional(),
    record: z.string().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.outcome && d.status !== 'resolved') ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'only a resolved dispute has an outcome' });
    if (d.status === 'resolved' && !d.resolution)
      ctx.addIssue({ code: 'custom', path: ['resolution'], message: 'a resolved dispute needs its resolution' });
  });

export const linkRecord = z.object({
  id: recordId.optional(),
  fromKey: key,
  toKey: key,
  kind: z.enum(LINK_KINDS, { message: `must be one of: ${LINK_KINDS.join(', ')}` }),
  note: text(2_000).default(''),
  createdAt: timestamp.optional(),
  line: z.number().optional(),
  record: z.string().optional(),
});

export const briefingRecord = z.object({
  id: recordId,
  title: requiredText(2_000),
  selection: exactText(1_000_000),
  selectionKey: exactText(100_000),
  markdown: exactText(20_000_000),
  snapshot: exactText(50_000_000),
  createdAt: timestamp,
  record: z.string().optional(),
});

/** A captured document of a case export (issue 13); the SHA-256 of its bytes is checked when it is written. */
export const captureRecord = z
  .object({
    id: recordId,
    sourceKey: key,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex'),
    byteSize: z.number().int().min(1, 'must be at least 1').max(MAX_CAPTURE_BYTES, `is larger than the ${MAX_CAPTURE_BYTES / 1024 / 1024} MB a capture may hold`),
    bytes: base64,
    mediaType: nullable(optionalText(200)),
    fileName: nullable(optionalText(500)),
    origin: z.enum(CAPTURE_ORIGINS, { message: `must be one of: ${CAPTURE_ORIGINS.join(', ')}` }),
    requestedUrl: nullable(url),
    finalUrl: nullable(url),
    httpStatus: nullable(z.number().int().min(100).max(599)),
    headers: z
      .record(z.string().max(200), z.string().max(8_000))
      .refine((h) => Object.keys(h).length <= 100, 'at most 100 headers')
      .default({}),
    accessedAt: nullable(isoDate),
    capturedAt: timestamp,
    record: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (!base64.safeParse(c.bytes).success) return;
    const decoded = Math.floor((c.bytes.length * 3) / 4) - (c.bytes.endsWith('==') ? 2 : c.bytes.endsWith('=') ? 1 : 0);
    if (decoded !== c.byteSize) ctx.addIssue({ code: 'custom', path: ['bytes'], message: `hold ${decoded} bytes, but byteSize says ${c.byteSize}` });
  });
