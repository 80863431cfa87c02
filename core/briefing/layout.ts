/** Lays the briefing model out as blocks, section by section (DESIGN §5). */
import { RELIABILITY, RELIABILITY_LABEL } from '../grades';
import { DISPUTE_OUTCOME_LABEL } from '../types';
import { cleanBlock, q, ref, safeHref, t, type Block, type Inline } from './blocks';
import { describeSelection } from './selection';
import { anchorLabel, captureCitation, lostAlert } from '../documents/wording';
import type { Briefing, Footnote, Judgment, Provenance, QuoteCheck, SourceEntry } from './types';
import { agree, count, sentence } from './wording';

const STANCE_LABEL = { supports: 'Supports', refutes: 'Refutes', context: 'Context' } as const;
const h2 = (text: string, anchor: string): Block => ({ kind: 'heading', level: 2, text, anchor });
const h3 = (text: string, anchor: string): Block => ({ kind: 'heading', level: 3, text, anchor });
const para = (...inlines: Inline[]): Block => ({ kind: 'para', inlines });
const date = (iso: string) => iso.slice(0, 10);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function header(b: Briefing): Block[] {
  const out: Block[] = [{ kind: 'title', text: b.title }];
  if (b.caveat) out.push({ kind: 'caveat', text: b.caveat });
  out.push({
    kind: 'meta',
    items: [
      { label: 'Date', value: date(b.generatedAt) },
      { label: 'Author', value: b.author },
      { label: 'Selection', value: describeSelection(b.selection) },
      { label: 'Key judgments', value: String(b.judgments.length) },
      ...(b.notCheckable?.length ? [{ label: 'Not checkable', value: String(b.notCheckable.length) }] : []),
    ],
  });
  return out;
}

/** The label every format prints before a drafted BLUF, so a draft is never mistaken for the analyst's words. */
export const DRAFT_BLUF_LABEL = 'Draft BLUF';

function bluf(b: Briefing): Block[] {
  if (!b.blufDrafted) return [h2('Bottom line up front', 'bluf'), para(t(b.bluf))];
  return [
    h2('Bottom line up front', 'bluf'),
    para(t(`${DRAFT_BLUF_LABEL}: `, { strong: true }), t(b.bluf)),
    { kind: 'para', tone: 'aside', inlines: [t('Drafted from the strongest judgments; review and edit before release.')] },
  ];
}

function judgment(j: Judgment): Block[] {
  const who = j.claimant ? [t(` — claimed by ${j.claimant}`)] : [];
  const out: Block[] = [
    h3(`${j.label}`, j.label.toLowerCase()),
    para(t('Claim: ', { strong: true }), q(j.text), ...who),
    para(t(j.sentences.likelihood), ...(j.sentences.override ? [t(` ${j.sentences.override}`)] : [])),
    para(t(j.sentences.confidence)),
    para(t(j.sentences.status), ...(j.statusRationale ? [t(' Rationale: '), q(j.statusRationale)] : [])),
  ];
  for (const w of j.warnings) out.push({ kind: 'para', tone: 'warning', inlines: [t(`Warning: ${sentence(w)}`)] });
  return out;
}

function evidence(b: Briefing): Block[] {
  const out: Block[] = [h2('Evidence and sourcing', 'evidence')];
  for (const j of b.judgments) {
    out.push(h3(`${j.label} — evidence`, `${j.label.toLowerCase()}-evidence`));
    if (!j.evidence.length) {
      out.push(para(t('No evidence recorded.')));
      continue;
    }
    out.push({
      kind: 'list',
      ordered: false,
      items: j.evidence.map((e) => [
        t(`${STANCE_LABEL[e.stance]}: `, { strong: true }),
        ...(e.excerpt ? [q(e.excerpt), t(' ')] : []),
        ref(e.footnote),
        ...(e.note ? [t(` Note: ${sentence(e.note)}`)] : []),
        ...(e.quoteCheck ? [t(` ${quoteCheckText(e.quoteCheck)}`)] : []),
      ]),
    });
  }
  return out;
}

/** "Quote: close (91%) in the capture of 2026-03-02." / "Quote: not found: no longer in the source (captured …)." */
export function quoteCheckText(c: QuoteCheck): string {
  const lost = lostAlert(c);
  if (lost) return `Quote: ${anchorLabel(c)}: ${lost}.`;
  return `Quote: ${anchorLabel(c)} in the capture of ${date(c.capturedAt)}.`;
}

function disputes(b: Briefing): Block[] {
  const out: Block[] = [h2('Disputes and how the judgments changed', 'disputes')];
  const withHistory = b.judgments.filter((j) => j.disputes.length || j.changes.length);
  if (!withHistory.length) return [...out, para(t('No disputes and no recorded changes of judgment.'))];
  for (const j of withHistory) {
    out.push(h3(`${j.label} — disputes and changes`, `${j.label.toLowerCase()}-history`));
    const items: Inline[][] = j.disputes.map((d) => [
      t(`${d.status === 'open' ? 'Open' : 'Resolved'} dispute raised by ${d.raisedBy} on ${date(d.openedAt)}: `, { strong: true }),
      q(d.position),
      ...(d.resolution
        ? [t(` Resolved${d.resolvedAt ? ` on ${date(d.resolvedAt)}` : ''}${d.outcome ? `, ${DISPUTE_OUTCOME_LABEL[d.outcome]}` : ''}: `), q(d.resolution)]
        : []),
    ]);
    if (j.earlierChanges) items.push([t(`${count(j.earlierChanges, 'earlier change')} not shown.`)]);
    for (const c of j.changes) items.push([t(`${date(c.at)}: ${c.what}`)]);
    out.push({ kind: 'list', ordered: false, items });
  }
  return out;
}

function summary(b: Briefing): Block[] {
  const s = b.summary;
  const grades = RELIABILITY.filter((r) => s.byGrade[r] > 0).map((r) => `${s.byGrade[r]} graded ${r} (${RELIABILITY_LABEL[r]})`);
  const out: Block[] = [
    h2('Source summary', 'source-summary'),
    para(
      t(
        `${count(b.judgments.length, 'key judgment')} ${agree(b.judgments.length, 'rests', 'rest')} on ${count(s.evidenceItems, 'evidence item')} from ` +
          `${count(s.sources, 'source')} with ${count(s.independentOrigins, 'independent origin')}` +
          `${grades.length ? `: ${grades.join(', ')}` : ''}.`,
      ),
    ),
  ];
  if (s.singleOrigin.length)
    out.push({ kind: 'para', tone: 'warning', inlines: [t(`Single-origin reporting: the supporting evidence for ${s.singleOrigin.join(', ')} traces to one origin each.`)] });
  if (s.circular.length)
    out.push({
      kind: 'para',
      tone: 'warning',
      inlines: [t(`Circular reporting: ${s.circular.join(', ')} ${agree(s.circular.length, 'cites', 'cite')} sources that repeat an origin already counted; repeats count at a quarter share.`)],
    });
  if (s.attributionOnly?.length)
    out.push({
      kind: 'para',
      tone: 'warning',
      inlines: [t(`No independent corroboration: the support for ${s.attributionOnly.join(', ')} only shows that the claim was made (the claimant’s own word or repeats of it).`)],
    });
  if (s.copySuspected?.length)
    out.push({
      kind: 'para',
      tone: 'warning',
      inlines: [t(`Possible copies: ${s.copySuspected.join(', ')} ${agree(s.copySuspected.length, 'cites', 'cite')} near-identical wording from different origins, counted as one origin until the analyst declares the lineage or their independence.`)],
    });
  if (s.notAssessed?.length)
    out.push({ kind: 'para', tone: 'warning', inlines: [t(`Not assessed (no evidence counts yet; the number shown is the prior): ${s.notAssessed.join(', ')}.`)] });
  if (s.lowConfidence?.length)
    out.push({ kind: 'para', tone: 'warning', inlines: [t(`Low analytic confidence: ${s.lowConfidence.join(', ')}.`)] });
  return out;
}

/** ACH boards: the hypotheses, the matrix and one sentence on what it shows (issue 18). */
function boards(b: Briefing): Block[] {
  if (!b.boards?.length) return [];
  const out: Block[] = [
    h2('Competing hypotheses', 'competing-hypotheses'),
    {
      kind: 'para',
      tone: 'aside',
      inlines: [
        t('Analysis of Competing Hypotheses: CC very consistent, C consistent, N neutral, I inconsistent, II very inconsistent. ' +
          'Each hypothesis scores −1 per inconsistent and −2 per very inconsistent rating, weighted by the item’s grade (reliability × credibility factor × relevance); the least negative is the least contradicted.'),
      ],
    },
  ];
  b.boards.forEach((x, i) => {
    out.push(h3(x.title, `board-${i + 1}`));
    if (x.question) out.push(para(t('Question: ', { strong: true }), t(x.question)));
    out.push({ kind: 'list', ordered: false, items: x.hypotheses.map((h) => [t(`${h.label}: `, { strong: true }), q(h.text)]) });
    out.push({ kind: 'table', caption: `${x.title}: the matrix`, header: x.table.header, rows: x.table.rows, footer: x.table.totals });
    out.push(para(t('Reading: ', { strong: true }), t(x.reading)));
  });
  return out;
}

/** Opinions, value judgments and claims too vague to test: no probability, the analyst's reason instead. */
function notCheckable(b: Briefing): Block[] {
  if (!b.notCheckable?.length) return [];
  return [
    h2('Not checkable', 'not-checkable'),
    para(t('These claims of the selection cannot be checked against evidence and carry no probability.')),
    {
      kind: 'list',
      ordered: false,
      items: b.notCheckable.map((c) => [q(c.text), t(c.claimant ? ` — claimed by ${c.claimant}` : ''), t(c.why ? `. ${sentence(c.why)}` : '.')]),
    },
  ];
}

function gaps(b: Briefing): Block[] {
  const out = [h2('Intelligence gaps', 'gaps')];
  if (!b.gaps.length)
    return [
      ...out,
      para(t('None found: every judgment is assessed, with independent evidence from more than one origin, no circular reporting or possible copies, and at least moderate confidence.')),
    ];
  return [...out, { kind: 'list', ordered: false, items: b.gaps.map((g) => [t(`${g.label}: `, { strong: true }), q(g.text), t(` — ${sentence(g.reason)}`)]) }];
}

function changes(b: Briefing): Block[] {
  const out = [h2('Changes since the previous briefing', 'changes')];
  if (!b.changes) return [...out, para(t('This is the first saved briefing on this selection.'))];
  out.push(para(t(`Compared with the briefing saved on ${date(b.changes.previousAt)}:`)));
  if (!b.changes.lines.length) return [...out, para(t('No changes.'))];
  return [...out, { kind: 'list', ordered: false, items: b.changes.lines.map((l) => [t(l)]) }];
}

/** "Title, Publisher, locator (B2)". */
export function footnoteText(f: Footnote): string {
  return `${[f.title, f.publisher, f.locator].filter(Boolean).join(', ')} (${f.grade})`;
}

function sourceInlines(s: SourceEntry): Inline[] {
  const parts = [s.publisher, s.authors.join('; ') || null, s.publishedAt].filter(Boolean).join(', ');
  const href = safeHref(s.url);
  return [
    t(s.title, { strong: true }),
    t(parts ? `. ${parts}.` : '.'),
    ...(href ? [t(' '), t(href, { href })] : []),
    t(` Reliability ${s.reliability} (${RELIABILITY_LABEL[s.reliability]}).`),
    ...(s.derivedFrom ? [t(` Repeats: ${s.derivedFrom}.`)] : []),
    ...(s.capture ? [t(` ${upperFirst(captureCitation(s.capture.capturedAt, s.capture.sha256))}.`)] : []),
  ];
}

function notesAndSources(b: Briefing): Block[] {
  return [
    h2('Notes', 'notes'),
    { kind: 'notes', items: b.footnotes.map((f) => ({ n: f.n, inlines: [t(footnoteText(f))] })) },
    h2('Sources', 'sources'),
    b.sources.length ? { kind: 'list', ordered: true, items: b.sources.map(sourceInlines) } : para(t('No sources cited.')),
  ];
}

/** "History head 1a2b… (42 events)": which state of the case history the briefing was made from. */
export function provenanceText(p: Provenance | undefined): string {
  if (!p || !p.headHash) return 'History head: none recorded.';
  return `History head ${p.headHash} (${count(p.events, 'event')}).`;
}

export function layoutBriefing(b: Briefing): Block[] {
  const out = [
    ...header(b),
    ...bluf(b),
    h2('Key judgments', 'key-judgments'),
    ...b.judgments.flatMap(judgment),
    ...notCheckable(b),
    ...boards(b),
    ...evidence(b),
    ...disputes(b),
    ...summary(b),
    ...gaps(b),
    ...changes(b),
    ...notesAndSources(b),
    { kind: 'para', tone: 'aside', inlines: [t(provenanceText(b.provenance))] } as Block,
  ];
  if (b.caveat) out.push({ kind: 'caveat', text: b.caveat });
  return out.map(cleanBlock);
}
