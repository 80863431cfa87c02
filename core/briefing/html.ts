/** The briefing as one standalone, printable HTML document; every user string is escaped. */
import { safeHref, type Block, type Inline } from './blocks';
import { escapeHtml as e } from './escape';
import { BRIEFING_CSP, BRIEFING_CSS } from './html-style';
import { layoutBriefing } from './layout';
import { cleanText } from './wording';
import { signedHeadComment } from '../signed-head';
import type { Briefing } from './types';

function inline(i: Inline): string {
  if (i.ref !== undefined) {
    const n = e(String(i.ref));
    return `<sup><a href="#fn${n}" id="ref${n}">[${n}]</a></sup>`;
  }
  const href = safeHref(i.href);
  if (href) return `<a href="${e(href)}" rel="noreferrer noopener">${e(i.text)}</a>`;
  if (i.quote) return `<span class="quote">“${e(i.text)}”</span>`;
  if (i.strong) return `<strong>${e(i.text)}</strong>`;
  return e(i.text);
}

const inlines = (xs: readonly Inline[]) => xs.map(inline).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${e(b.text)}</h1>`;
    case 'meta':
      return `<dl class="meta">${b.items.map((m) => `<dt>${e(m.label)}</dt><dd>${e(m.value)}</dd>`).join('')}</dl>`;
    case 'caveat':
      return `<p class="caveat">${e(b.text)}</p>`;
    case 'heading':
      return `<h${b.level === 2 ? 2 : 3} id="${e(b.anchor)}">${e(b.text)}</h${b.level === 2 ? 2 : 3}>`;
    case 'para':
      return `<p${b.tone ? ` class="${e(b.tone)}"` : ''}>${inlines(b.inlines)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((it) => `<li>${inlines(it)}</li>`).join('')}</${tag}>`;
    }
    case 'notes':
      return `<ol class="notes">${b.items.map((it) => `<li id="fn${e(String(it.n))}">[${e(String(it.n))}] ${inlines(it.inlines)}</li>`).join('')}</ol>`;
    case 'table': {
      const cells = (tag: 'th' | 'td', xs: readonly string[]) => xs.map((c) => `<${tag}>${e(c)}</${tag}>`).join('');
      return (
        `<table class="matrix"><caption>${e(b.caption)}</caption><thead><tr>${cells('th', b.header)}</tr></thead>` +
        `<tbody>${b.rows.map((r) => `<tr>${cells('td', r)}</tr>`).join('')}</tbody>` +
        `${b.footer ? `<tfoot><tr>${cells('td', b.footer)}</tr></tfoot>` : ''}</table>`
      );
    }
  }
}

export function blocksToHtml(blocks: readonly Block[], title: string, signedHead?: string | null): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${BRIEFING_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="ClaimTrail">',
    `<title>${e(cleanText(title))}</title>`,
    `<style>${BRIEFING_CSS}</style>`,
    '</head>',
    '<body>',
    '<article>',
    ...blocks.map(block),
    '</article>',
    signedHeadComment(signedHead).trimEnd(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function toHtml(b: Briefing): string {
  return blocksToHtml(layoutBriefing(b), b.title, b.provenance?.statement);
}
