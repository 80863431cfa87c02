/** The briefing as a DOCX (Office Open XML) package: synchronous and pure, so the contract can return it. */
import type { Block, Inline } from '../blocks';
import { layoutBriefing } from '../layout';
import type { Briefing } from '../types';
import { CONTENT_TYPES, DOCUMENT_RELS, PACKAGE_RELS, STYLES, W_NS, coreProperties } from './parts';
import { zip } from './zip';

/** XML text: escapes markup and drops characters XML 1.0 cannot carry. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function run(text: string, props = ''): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

function inline(i: Inline): string {
  if (i.ref !== undefined) return run(i.text, '<w:vertAlign w:val="superscript"/>');
  if (i.quote) return run(`“${i.text}”`, '<w:i/>');
  if (i.strong) return run(i.text, '<w:b/>');
  if (i.href) return run(i.text, '<w:color w:val="1D4ED8"/>');
  return run(i.text);
}

/** A list marker followed by a tab stop (a literal tab inside w:t is not a tab in Word). */
const marker = (m: string) => `<w:r><w:t>${m}</w:t><w:tab/></w:r>`;

function para(runs: string, style?: string): string {
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs}</w:p>`;
}

const inlines = (xs: readonly Inline[]) => xs.map(inline).join('');
const TONE_STYLE = { warning: 'Warning', aside: 'Aside' } as const;

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return para(run(b.text), 'Title');
    case 'meta':
      return b.items.map((m) => para(run(`${m.label}: `, '<w:b/>') + run(m.value))).join('');
    case 'caveat':
      return para(run(b.text), 'Caveat');
    case 'heading':
      return para(run(b.text), `Heading${b.level}`);
    case 'para':
      return para(inlines(b.inlines), b.tone ? TONE_STYLE[b.tone] : undefined);
    case 'list':
      return b.items.map((it, n) => para(marker(b.ordered ? `${n + 1}.` : '•') + inlines(it), 'ListParagraph')).join('');
    case 'notes':
      return b.items.map((it) => para(run(`[${it.n}] `) + inlines(it.inlines))).join('');
  }
}

export function documentXml(blocks: readonly Block[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<w:document xmlns:w="${W_NS}"><w:body>${blocks.map(block).join('')}` +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>'
  );
}

export function toDocx(b: Briefing): Uint8Array {
  const enc = new TextEncoder();
  const file = (name: string, text: string) => ({ name, data: enc.encode(text) });
  return zip([
    file('[Content_Types].xml', CONTENT_TYPES),
    file('_rels/.rels', PACKAGE_RELS),
    file('docProps/core.xml', coreProperties(b.title, b.author, b.generatedAt.replace(/\.\d+Z$/, 'Z'), xmlText)),
    file('word/document.xml', documentXml(layoutBriefing(b))),
    file('word/_rels/document.xml.rels', DOCUMENT_RELS),
    file('word/styles.xml', STYLES),
  ]);
}
