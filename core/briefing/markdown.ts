/** The briefing as Markdown (CommonMark): the canonical saved text of a briefing. */
import { signedHeadComment } from '../signed-head';
import { normalizeLineEndings } from '../text';
import { safeHref, type Block, type Inline } from './blocks';
import { layoutBriefing } from './layout';
import type { Briefing } from './types';

/** A footnote number as Markdown: digits only, whatever a stored model holds. */
const noteNumber = (n: unknown) => `\\[${escapeMarkdown(String(n))}\\]`;

/** Escapes inline markup (and raw HTML) on one line: enough inside a table cell, which never starts a line. */
function escapeInlineMarkdown(s: string): string {
  return normalizeLineEndings(String(s))
    .replace(/[\\`*_[\]<>|~]/g, (m) => `\\${m}`)
    .replace(/\n/g, ' ');
}

/** Escapes what CommonMark would read as markup (and raw HTML), keeping the text readable. */
export function escapeMarkdown(s: string): string {
  return escapeInlineMarkdown(s).replace(/^(\s*)([#+\-=]|\d+[.)])/, (_m, sp: string, mark: string) => `${sp}${mark.replace(/([#+\-=.)])$/, '\\$1')}`);
}

function inline(i: Inline): string {
  if (i.ref !== undefined) return noteNumber(i.ref);
  const text = escapeMarkdown(i.text);
  const href = safeHref(i.href);
  if (href) return `<${href.replace(/[<>\s]/g, encodeURIComponent)}>`;
  if (i.quote) return `*“${text}”*`;
  if (i.strong) return `**${text.trim()}**${/\s$/.test(i.text) ? ' ' : ''}`;
  return text;
}

const inlines = (xs: readonly Inline[]) => xs.map(inline).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `# ${escapeMarkdown(b.text)}`;
    case 'meta':
      return b.items.map((m) => `**${escapeMarkdown(m.label)}:** ${escapeMarkdown(m.value)}`).join('  \n');
    case 'caveat':
      return `> **${escapeMarkdown(b.text)}**`;
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'para':
      return b.tone === 'aside' ? `*${inlines(b.inlines)}*` : b.tone === 'warning' ? `> ${inlines(b.inlines)}` : inlines(b.inlines);
    case 'list':
      return b.items.map((it, n) => `${b.ordered ? `${n + 1}.` : '-'} ${inlines(it)}`).join('\n');
    case 'notes':
      return b.items.map((it) => `${noteNumber(it.n)} ${inlines(it.inlines)}`).join('  \n');
    case 'table': {
      // A GFM table; escapeMarkdown already escapes "|", so a cell cannot split a row.
      const row = (cells: readonly string[]) => `| ${cells.map((c) => escapeInlineMarkdown(c) || ' ').join(' | ')} |`;
      const body = [...b.rows, ...(b.footer ? [b.footer] : [])];
      return [`*${escapeMarkdown(b.caption)}*`, '', row(b.header), `|${b.header.map(() => ' --- ').join('|')}|`, ...body.map(row)].join('\n');
    }
  }
}

export function blocksToMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(block).join('\n\n')}\n`;
}

/** The Markdown file: the laid-out note, then the signed head statement it was made from (a comment). */
export function toMarkdown(b: Briefing, blocks: readonly Block[] = layoutBriefing(b)): string {
  return `${blocksToMarkdown(blocks)}${b.provenance?.statement ? `\n${signedHeadComment(b.provenance.statement)}` : ''}`;
}
