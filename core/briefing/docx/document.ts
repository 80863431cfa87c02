/** The briefing as a DOCX (Office Open XML) package: synchronous and pure, so the contract can return it. */
import type { Block, Inline } from '../blocks';
import { layoutBriefing } from '../layout';
import { pageFrame } from '../page-frame';
import type { Briefing } from '../types';
import { cleanText } from '../wording';
import {
  CONTENT_TYPES,
  DOCUMENT_RELS,
  FOOTER_RID,
  FOOTNOTE_SEPARATORS,
  HEADER_RID,
  PACKAGE_RELS,
  R_NS,
  SETTINGS,
  STYLES,
  W_NS,
  coreProperties,
} from './parts';
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

/** A footnote number as an XML attribute value: a positive integer or nothing. */
const noteId = (n: unknown): number | null => (Number.isSafeInteger(n) && (n as number) > 0 ? (n as number) : null);

function inline(i: Inline): string {
  if (i.ref !== undefined) {
    const id = noteId(i.ref);
    return id === null ? '' : `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
  }
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
      // The notes are real Word footnotes (footnotes.xml); the section says so instead of repeating them.
      return para(run('Citations are footnotes at the foot of each page.'), 'Aside');
    case 'table': {
      const cell = (text: string, bold: boolean) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${para(run(text, bold ? '<w:b/>' : ''))}</w:tc>`;
      const row = (xs: readonly string[], bold = false) => `<w:tr>${xs.map((x) => cell(x, bold)).join('')}</w:tr>`;
      const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>`;
      const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
      return (
        para(run(b.caption, '<w:i/>')) +
        `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr>` +
        `<w:tblGrid>${b.header.map(() => '<w:gridCol/>').join('')}</w:tblGrid>` +
        `${row(b.header, true)}${b.rows.map((r) => row(r)).join('')}${b.footer ? row(b.footer, true) : ''}</w:tbl>`
      );
    }
  }
}

/** word/footnotes.xml: Word's two separators, then note n as footnote n. */
export function footnotesXml(blocks: readonly Block[]): string {
  const notes = blocks.flatMap((b) => (b.kind === 'notes' ? b.items : []));
  const body = notes
    .map((it) => ({ id: noteId(it.n), inlines: it.inlines }))
    .filter((n) => n.id !== null)
    .map(
      (n) =>
        `<w:footnote w:id="${n.id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>` +
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>' +
        `${run(' ')}${inlines(n.inlines)}</w:p></w:footnote>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="${W_NS}">${FOOTNOTE_SEPARATORS}${body}</w:footnotes>`;
}

const field = (instr: string) => `<w:fldSimple w:instr=" ${instr} "><w:r><w:t>1</w:t></w:r></w:fldSimple>`;

/** word/header1.xml and word/footer1.xml: caveat on top and bottom; page "n of m" and history head below. */
export function headerFooterXml(b: Pick<Briefing, 'caveat' | 'provenance'>): { header: string; footer: string } {
  const f = pageFrame(b);
  const caveat = f.caveat ? para(run(f.caveat, '<w:b/><w:caps/>'), 'PageFrame') : '';
  const xml = (tag: 'hdr' | 'ftr', content: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${tag} xmlns:w="${W_NS}" xmlns:r="${R_NS}">${content || para('', 'PageFrame')}</w:${tag}>`;
  return {
    header: xml('hdr', caveat),
    footer: xml('ftr', caveat + para(run('Page ') + field('PAGE') + run(' of ') + field('NUMPAGES'), 'PageFrame') + para(run(f.provenance), 'PageFrame')),
  };
}

export function documentXml(blocks: readonly Block[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${blocks.map(block).join('')}` +
    `<w:sectPr><w:headerReference w:type="default" r:id="${HEADER_RID}"/><w:footerReference w:type="default" r:id="${FOOTER_RID}"/>` +
    '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>'
  );
}

export function toDocx(b: Briefing): Uint8Array {
  const enc = new TextEncoder();
  const file = (name: string, text: string) => ({ name, data: enc.encode(text) });
  const blocks = layoutBriefing(b);
  const frame = headerFooterXml(b);
  return zip([
    file('[Content_Types].xml', CONTENT_TYPES),
    file('_rels/.rels', PACKAGE_RELS),
    file('docProps/core.xml', coreProperties(cleanText(b.title), cleanText(b.author), b.generatedAt.replace(/\.\d+Z$/, 'Z'), xmlText)),
    file('word/document.xml', documentXml(blocks)),
    file('word/_rels/document.xml.rels', DOCUMENT_RELS),
    file('word/styles.xml', STYLES),
    file('word/settings.xml', SETTINGS),
    file('word/footnotes.xml', footnotesXml(blocks)),
    file('word/header1.xml', frame.header),
    file('word/footer1.xml', frame.footer),
  ]);
}
