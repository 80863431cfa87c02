/** Plain-text renderings for the terminal. Controls, bidi and invisible format characters are made visible, never obeyed. */
import { credibilityText, reliabilityText } from '../core/grades';
import { formatPercent } from '../core/estimative';
import { anchorLabel, captureCitation, lostAlert } from '../core/documents/wording';
import { ASSESSMENT_LABEL } from '../core/judgment';
import { revealControls } from '../core/text';
import { formatIssue, type ApiIssue } from '../core/issues';
import type { Io } from './command';
import type { CaseEvent, ClaimDetail, ClaimSummary, HighlightSegment, QuoteAnchor, SearchHit, SearchResult, Source, VerifyResult, StateCheck } from '../core/types';

/** C0 controls but tab and line feed, DEL and C1 controls (ESC, CSI, OSC… start terminal sequences). */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const marker = (c: string) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;

/**
 * Text as the terminal may show it: every control that could move the cursor, recolour, retitle or
 * rewrite what was printed (ESC, CR, backspace, C1 CSI…) and every bidi or invisible format character
 * becomes a visible <U+XXXX> marker. Idempotent; line feeds and tabs stay.
 */
export function terminalText(s: string | null | undefined): string {
  return revealControls(s ?? '').replace(TERMINAL_CONTROLS, marker);
}

/** The one place human-readable CLI output passes through (JSON output is written exactly, by ctx.print). */
export function terminalIo(io: Io): Io {
  return { out: (s) => io.out(terminalText(s)), err: (s) => io.err(terminalText(s)) };
}

export const safe = terminalText;

export function claimLine(c: ClaimSummary): string {
  const p = (c.probability === null ? '—' : formatPercent(c.probability)).padStart(4);
  const flags = [
    c.assessment === 'assessed' ? '' : ASSESSMENT_LABEL[c.assessment],
    c.overridden ? 'override' : '',
    c.openDisputes ? `${c.openDisputes} open dispute(s)` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${c.id}  ${p} ${c.band ?? c.kind} (${c.confidence} confidence)  [${c.status}]  ${safe(c.text)}${flags ? `  {${flags}}` : ''}`;
}

/** "quote: close (91%) — captured 2026-03-02, SHA-256 …", and the alert when it went missing. */
function anchorLine(a: QuoteAnchor): string {
  const where = a.capturedAt && a.sha256 ? ` — ${captureCitation(a.capturedAt, a.sha256)}` : '';
  const lost = lostAlert(a);
  return `quote: ${anchorLabel(a)}${where}${lost ? `  ! ${lost}` : ''}`;
}

export function claimDetailText(d: ClaimDetail): string {
  const c = d.claim;
  const lines = [
    safe(c.text),
    `  id: ${c.id}`,
    `  claimant: ${safe(c.claimant) || '—'}   claimed: ${c.claimedAt ?? '—'}   tags: ${c.tags.map(safe).join(', ') || '—'}`,
    `  status: ${c.status}${c.statusRationale ? ` — ${safe(c.statusRationale)}` : ''}`,
    `  kind: ${c.kind}${c.kindRationale ? ` — ${safe(c.kindRationale)}` : ''}   assessment: ${ASSESSMENT_LABEL[c.assessment]}`,
    c.probability === null
      ? `  probability: none (not checkable)`
      : c.assessment === 'not-assessed'
        ? `  probability: not assessed (no evidence counts yet; prior ${formatPercent(c.prior)})`
        : `  probability: ${formatPercent(c.probability)} (${c.band}); computed from evidence ${formatPercent(c.computedProbability ?? c.probability)}; prior ${formatPercent(c.prior)}`,
    `  analytic confidence: ${c.confidence} (${d.model.confidenceReasons.join('; ')})`,
  ];
  if (c.override) lines.push(`  override: ${formatPercent(c.override.probability)} — ${safe(c.override.rationale)}`);
  if (c.context) lines.push(`  where it was said: ${safe(c.context)}`);
  if (c.quantity)
    lines.push(`  quantity: ${c.quantity.value} ${safe(c.quantity.unit)}${c.quantity.scope ? ` (${safe(c.quantity.scope)})` : ''}${c.quantity.asOf ? ` as of ${c.quantity.asOf}` : ''}`);
  if (c.notes) lines.push(...c.notes.split('\n').map((l, i) => `  ${i ? '       ' : 'notes: '}${safe(l)}`));
  for (const w of d.warnings) lines.push(`  ! ${safe(w)}`);
  lines.push(`  evidence (${d.evidence.length}):`);
  const contrib = new Map(d.model.items.map((i) => [i.evidenceId, i]));
  for (const e of d.evidence) {
    const m = contrib.get(e.id);
    const share = m ? `${m.contribution >= 0 ? '+' : ''}${m.contribution.toFixed(3)}` : '';
    lines.push(`    ${e.id} [${e.grade}] ${e.stance} ${share}  ${safe(e.source.title)}${e.locator ? `, ${safe(e.locator)}` : ''}`);
    if (e.excerpt) lines.push(`        “${safe(e.excerpt)}”`);
    if (e.anchor && e.anchor.status !== 'no-capture') lines.push(`        ${anchorLine(e.anchor)}`);
    if (m) lines.push(`        ${safe(m.why)}`);
  }
  if (d.disputes.length) {
    lines.push(`  disputes (${d.disputes.length}):`);
    for (const x of d.disputes)
      lines.push(`    ${x.id} [${x.status}] ${safe(x.raisedBy)}: ${safe(x.position)}${x.resolution ? ` → ${safe(x.resolution)}` : ''}`);
  }
  return lines.join('\n');
}

export function sourceText(s: Source): string {
  return `${s.id}  [${s.reliability}] ${safe(s.title)}${s.publisher ? ` — ${safe(s.publisher)}` : ''}  (${reliabilityText(s.reliability)})`;
}

export function gradeHelp(): string {
  return ['A', 'B', 'C', 'D', 'E', 'F'].map((r) => reliabilityText(r as 'A')).join('\n') +
    '\n' + [1, 2, 3, 4, 5, 6].map((c) => credibilityText(c as 1)).join('\n');
}

export function highlight(segments: HighlightSegment[]): string {
  return segments.map((s) => (s.match ? `«${safe(s.text)}»` : safe(s.text))).join('');
}

/** Documents hits: which capture and page (`, captured 2026-11-02 10:00 UTC, page 2 of 3`). */
function captureWhere(h: SearchHit): string {
  if (!h.capture) return '';
  const at = h.capture.capturedAt.replace('T', ' ').slice(0, 16);
  return `, captured ${at} UTC${h.capture.pageCount > 1 ? `, page ${h.capture.page} of ${h.capture.pageCount}` : ''}`;
}

export function searchText(r: SearchResult): string {
  const lines: string[] = [...r.notices.map((n) => `note: ${n}`)];
  for (const [kind, hits] of Object.entries(r.groups)) {
    if (!hits.length) continue;
    lines.push(`${kind} (${hits.length}):`);
    for (const h of hits) lines.push(`  ${h.id}  ${safe(h.title).slice(0, 80)}${captureWhere(h)}\n      ${highlight(h.snippet)}`);
  }
  if (!r.total) lines.push('No results.');
  return lines.join('\n');
}

export function eventText(e: CaseEvent): string {
  const p = e.payload as { cause?: string; after?: { probability?: number; band?: string } };
  const detail =
    e.kind === 'confidence.changed' && p.after?.probability !== undefined
      ? ` → ${formatPercent(p.after.probability)} ${p.after.band ?? ''} (${safe(p.cause)})`
      : '';
  return `${e.at}  #${e.seq} ${e.kind}${detail} by ${safe(e.actor)}${e.rationale ? ` — ${safe(e.rationale)}` : ''}`;
}

export function seriesText(series: { probability: number }[]): string {
  return series.length ? `probability over time: ${series.map((p) => formatPercent(p.probability)).join(' → ')}` : '';
}

function historyLine(v: VerifyResult): string {
  if (!v.firstBroken) return `History intact: ${v.events} events, head ${v.headHash ?? '(empty)'}`;
  const b = v.firstBroken;
  return `History BROKEN at event #${b.seq}${b.id ? ` (${b.id})` : ''}: ${b.reason}`;
}

function captureLines(c: NonNullable<VerifyResult['captures']>): string[] {
  if (!c.problems.length) return c.captures ? [`Captured documents intact: ${c.captures} captures, ${c.blobs} stored documents re-hashed`] : [];
  return [
    `Captured documents CHANGED: ${c.problems.length} problem${c.problems.length === 1 ? '' : 's'} in ${c.captures} captures (${c.blobs} stored documents re-hashed)`,
    ...c.problems.map((p) => `  capture ${p.captureId} of source ${p.sourceId}: ${p.reason}`),
  ];
}

/** The state check's line: the live tables equal the replayed log, or the first record and field that differ. */
function stateLine(s: StateCheck): string {
  if (s.replayError) return `State: the log could not be replayed — ${s.replayError.reason}.`;
  if (s.firstDifference) return `State: MISMATCH — ${s.firstDifference.message}: the file was changed without the history.`;
  return `State: ok — ${s.records} records equal the replay of ${s.changes} logged changes in ${s.events} events.`;
}

export function verifyText(v: VerifyResult): string {
  return [historyLine(v), ...(v.captures ? captureLines(v.captures) : []), ...(v.state ? [stateLine(v.state)] : [])].join('\n');
}

/**
 * A refusal as stderr lines: the message alone, or, when the input was invalid, one
 * `field: message` line per issue under a short head (control characters shown, not obeyed).
 */
export function errorLines(prefix: string, message: string, issues?: readonly ApiIssue[]): string[] {
  if (!issues?.length) return [`${prefix}: ${terminalText(message)}`];
  const head = issues.length === 1 ? 'invalid input' : `invalid input (${issues.length} problems)`;
  return [`${prefix}: ${head}`, ...issues.map((i) => `  ${terminalText(formatIssue(i))}`)];
}
