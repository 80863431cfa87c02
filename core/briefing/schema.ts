/**
 * The schema of a stored briefing model. A saved briefing is re-rendered from its stored model, and
 * a JSON import or a crafted case file can put anything there, so every model read back is checked:
 * types, limits, and what composition derives (labels, footnote numbers, bands); the fixed sentences
 * are written again from the checked fields. A model that fails is refused, never rendered.
 */
import { z } from 'zod';
import { formatIssue, issue, issuesOfZod, type ApiIssue } from '../issues';
import { SIGNED_HEAD_SHAPE } from '../signed-head';
import { bandOf, BANDS, CONFIDENCE_LEVELS } from '../estimative';
import { RELIABILITY } from '../grades';
import { textProblem } from '../text';
import { CLAIM_STATUSES, DISPUTE_OUTCOMES } from '../types';
import { safeHref } from './blocks';
import { confidenceSentence, likelihoodSentence, overrideSentence, statusSentence } from './sentences';
import type { Briefing } from './types';

const LONG = 200_000;
const MAX_ITEMS = 100_000;

const str = (max = LONG) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .superRefine((s, ctx) => {
      const problem = textProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
const nstr = (max = LONG) => str(max).nullable();
const list = <T extends z.ZodType>(item: T, max = MAX_ITEMS) => z.array(item).max(max, `must have at most ${max} items`);
const when = str(40).regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'must be an ISO date');
const count = z.number().int().min(0).max(1e9);
const unit = z.number().min(0).max(1);
const band = z.enum(BANDS);
const confidence = z.enum(CONFIDENCE_LEVELS);
const status = z.enum(CLAIM_STATUSES);
const reliability = z.enum(RELIABILITY);

const selection = z.object({ query: str(2_000).optional(), tag: str(200).optional(), claimIds: list(str(64), 5_000).optional(), boardIds: list(str(64), 50).optional() });

const cells = list(str(2_000), 20);
const board = z.object({
  id: str(64),
  title: str(300),
  question: str(2_000),
  hypotheses: list(z.object({ label: str(12).regex(/^H\d+$/, 'must be a label such as H1'), text: str() }), 12),
  table: z.object({ header: cells, rows: list(cells, 5_000), totals: cells }),
  reading: str(4_000),
});

const footnote = z.object({
  n: z.number().int().min(1).max(MAX_ITEMS),
  evidenceId: str(64),
  sourceId: str(64),
  title: str(),
  publisher: nstr(),
  locator: nstr(),
  grade: str(2).regex(/^[A-F][1-6]$/, 'must be an Admiralty grade such as B2'),
});

const judgment = z.object({
  sentences: z.object({ likelihood: str(), confidence: str(), override: nstr(), status: str() }),
  label: str(12).regex(/^KJ\d+$/, 'must be a label such as KJ1'),
  assessment: z.enum(['assessed', 'not-assessed']).default('assessed'),
  claimId: str(64),
  text: str(),
  claimant: nstr(),
  probability: unit,
  computedProbability: unit,
  overridden: z.boolean(),
  band,
  confidence,
  confidenceReasons: list(str(2_000), 100),
  status,
  statusRationale: nstr(),
  evidence: list(
    z.object({
      evidenceId: str(64).optional(),
      stance: z.enum(['supports', 'refutes', 'context']),
      excerpt: str(),
      note: str(),
      footnote: z.number().int().min(1).max(MAX_ITEMS),
      quoteCheck: z
        .object({ status: z.enum(['exact', 'close', 'not-found']), score: unit.nullable(), capturedAt: when, lostSince: when.nullable() })
        .optional(),
    }),
  ),
  disputes: list(
    z.object({
      id: str(64).optional(),
      raisedBy: str(),
      openedAt: when,
      position: str(),
      status: z.enum(['open', 'resolved']),
      resolution: nstr(),
      resolvedAt: when.nullable(),
      outcome: z.enum(DISPUTE_OUTCOMES).nullable().optional(),
    }),
  ),
  changes: list(z.object({ at: when, what: str(2_000) }), 1_000),
  earlierChanges: count,
  warnings: list(str(2_000), 100),
});

const claimState = z.object({
  id: str(64),
  text: str(),
  probability: unit,
  band,
  confidence,
  status,
  evidence: count,
  openDisputes: count,
  disputes: count,
  evidenceIds: list(str(64)).optional(),
  openDisputeIds: list(str(64)).optional(),
  resolvedDisputeIds: list(str(64)).optional(),
});

const labels = list(str(12).regex(/^KJ\d+$/));

const model = z.object({
  title: str(300),
  generatedAt: when,
  author: str(),
  caveat: str(),
  selection,
  selectionKey: str(20_000),
  bluf: str(40_000),
  blufDrafted: z.boolean(),
  judgments: list(judgment, 5_000),
  notCheckable: list(z.object({ claimId: str(64), text: str(), claimant: nstr(), why: nstr() }), 5_000).default([]),
  boards: list(board, 50).optional(),
  footnotes: list(footnote),
  summary: z.object({
    sources: count,
    byGrade: z.object(Object.fromEntries(RELIABILITY.map((r) => [r, count])) as Record<(typeof RELIABILITY)[number], typeof count>),
    evidenceItems: count,
    independentOrigins: count,
    singleOrigin: labels,
    circular: labels,
    lowConfidence: labels.default([]),
    notAssessed: labels.default([]),
    attributionOnly: labels.default([]),
    copySuspected: labels.default([]),
  }),
  gaps: list(z.object({ label: str(12), text: str(), reason: str(2_000) })),
  changes: z.object({ previousId: str(64), previousAt: when, lines: list(str(2_000)) }).nullable(),
  sources: list(
    z.object({
      id: str(64),
      title: str(),
      publisher: nstr(),
      authors: list(str(2_000), 1_000),
      publishedAt: nstr(40),
      url: nstr(2_000),
      reliability,
      derivedFrom: nstr(),
      capture: z.object({ capturedAt: when, sha256: str(64).regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex') }).nullish(),
    }),
  ),
  snapshot: z.object({ version: z.union([z.literal(1), z.literal(2)]), claims: list(claimState, 5_000) }),
  provenance: z
    .object({ headHash: str(128).regex(/^[0-9a-f]+$/, 'must be a hex hash').nullable(), events: count, statement: nstr(20_000).refine((v) => v === null || SIGNED_HEAD_SHAPE.test(v), 'must be a signed head statement (one line of compact JSON)') })
    .default({ headHash: null, events: 0, statement: null }),
});

/** What composition derives from the data, checked so a stored model cannot say something else. */
function derivedProblems(b: z.infer<typeof model>): ApiIssue[] {
  const out: ApiIssue[] = [];
  b.footnotes.forEach((f, i) => f.n !== i + 1 && out.push(issue(['footnotes', i, 'n'], `must be ${i + 1}`)));
  b.judgments.forEach((j, i) => {
    const at = ['judgments', i];
    if (j.label !== `KJ${i + 1}`) out.push(issue([...at, 'label'], `must be KJ${i + 1}`));
    if (j.band !== bandOf(j.probability)) out.push(issue([...at, 'band'], `"${j.band}" is not the band of ${j.probability}`));
    j.evidence.forEach((e, k) => {
      if (e.footnote > b.footnotes.length) out.push(issue([...at, 'evidence', k, 'footnote'], `there is no note ${e.footnote}`));
    });
  });
  b.sources.forEach((s, i) => s.url !== null && !safeHref(s.url) && out.push(issue(['sources', i, 'url'], 'only http(s) and mailto links')));
  return out;
}

export class StoredBriefingError extends Error {
  constructor(
    message: string,
    readonly issues: ApiIssue[],
  ) {
    super(message);
    this.name = 'StoredBriefingError';
  }
}

/** The stored model, checked; throws StoredBriefingError naming the first problems. */
export function parseStoredBriefing(value: unknown, where: string): Briefing {
  const r = model.safeParse(value);
  const issues = r.success ? derivedProblems(r.data) : issuesOfZod(r.error);
  if (issues.length || !r.success) {
    const lines = issues.map((i) => (i.path.length ? formatIssue(i) : `(model): ${i.message}`));
    throw new StoredBriefingError(`${where} is damaged and will not be shown: ${lines.slice(0, 3).join('; ')}${lines.length > 3 ? ` (+${lines.length - 3} more)` : ''}`, issues);
  }
  // The fixed sentences are written again from the checked fields: stored wording is never printed.
  const checked: Briefing = {
    ...r.data,
    judgments: r.data.judgments.map((j) => ({
      ...j,
      sentences: {
        likelihood: likelihoodSentence(j.band, j.probability),
        confidence: confidenceSentence(j.confidence, j.confidenceReasons),
        override: j.overridden ? overrideSentence(j.computedProbability) : null,
        status: statusSentence(j.status),
      },
    })),
  };
  return checked;
}
