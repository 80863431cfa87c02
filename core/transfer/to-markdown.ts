/** A readable Markdown digest of the whole case: each claim with its judgment, evidence and disputes. */
import { gradeCode } from '../grades';
import { probabilityText } from '../estimative';
import { signedHeadComment } from '../signed-head';
import { normalizeLineEndings } from '../text';
import type { CaseSnapshot } from './snapshot';

/** Markdown-significant characters escaped so that case text cannot inject links, HTML or headings. */
export function mdEscape(s: string): string {
  return normalizeLineEndings(s).replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}


/** The visible footer line and the comment: the head a reader can compare with `claimtrail verify --expect-head`. */
function signedFooter(signedHead: string): string {
  const { headHash, events } = JSON.parse(signedHead) as { headHash: string; events: number };
  return `\n---\n\nHistory head \`${headHash}\` after ${events} events (signed; check with \`claimtrail verify-signature FILE\`).\n\n${signedHeadComment(signedHead)}`;
}

export function caseToMarkdown(s: CaseSnapshot, signedHead?: string): string {
  const sources = new Map(s.sources.map((x) => [x.id, x]));
  const out: string[] = [`# ${mdEscape(s.case.title ?? 'ClaimTrail case')}`, '', `Exported ${s.exportedAt}.`, ''];
  if (s.case.settings.caveat) out.push(`**${mdEscape(s.case.settings.caveat)}**`, '');
  for (const c of s.claims.filter((x) => !x.deletedAt)) {
    out.push(`## ${mdEscape(c.text)}`, '');
    out.push(
      `- Claimant: ${mdEscape(c.claimant ?? '—')}${c.claimedAt ? ` (${c.claimedAt})` : ''}`,
      `- Status: ${c.status}${c.statusRationale ? ` — ${mdEscape(c.statusRationale)}` : ''}`,
      `- Probability: ${probabilityText(c.probability, c.band)}; analytic confidence: ${c.confidence}`,
    );
    if (c.tags.length) out.push(`- Tags: ${c.tags.map(mdEscape).join(', ')}`);
    const ev = s.evidence.filter((e) => e.claimId === c.id);
    if (ev.length) out.push('', '### Evidence', '');
    for (const e of ev) {
      const src = sources.get(e.sourceId);
      const grade = src ? gradeCode(src.reliability, e.credibility) : `?${e.credibility}`;
      out.push(`- [${grade}] ${e.stance}: ${mdEscape(src?.title ?? e.sourceId)}${e.excerpt ? ` — “${mdEscape(e.excerpt)}”` : ''}`);
    }
    const disputes = s.disputes.filter((d) => d.claimId === c.id);
    if (disputes.length) out.push('', '### Disputes', '');
    for (const d of disputes)
      out.push(`- ${mdEscape(d.raisedBy)} (${d.status}): ${mdEscape(d.position)}${d.resolution ? ` → ${mdEscape(d.resolution)}` : ''}`);
    out.push('');
  }
  return `${normalizeLineEndings(out.join('\n')).trimEnd()}\n${signedHead ? signedFooter(signedHead) : ''}`;
}
