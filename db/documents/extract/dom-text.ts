/**
 * The text of a DOM tree (linkedom), with breaks where block elements begin and end so words of adjacent
 * blocks never run together; scripts, styles, other non-text elements and hidden elements (`hidden`,
 * aria-hidden, inline display:none / visibility:hidden) are never part of it. The walk uses its own
 * stack, so no depth can overflow the call stack.
 */

/** The few DOM members used here (the Node build has no DOM types; linkedom provides the objects). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  parentNode: DomNode | null;
  getAttribute?(name: string): string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Never text: code, styling, embedded objects, form controls' options, metadata. */
export const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS', 'HEAD',
  'TITLE', 'META', 'LINK', 'SELECT', 'OPTION', 'BUTTON', 'INPUT', 'TEXTAREA', 'AUDIO', 'VIDEO', 'SOURCE', 'TRACK',
]);
/** A blank line before and after. */
const PARAGRAPH = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'UL', 'CAPTION', 'SUMMARY', 'BODY', 'HTML', 'CENTER', 'LEGEND', 'MENU',
]);
/** A line break before and after. */
const LINE = new Set(['LI', 'TR', 'DT', 'DD', 'BR', 'THEAD', 'TBODY', 'TFOOT']);
/** A space before and after (table cells). */
const CELL = new Set(['TD', 'TH']);

const upper = (n: DomNode) => n.nodeName.toUpperCase();

const INVISIBLE_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:;|!|$)/i;

/** Hidden from readers: the `hidden` attribute, aria-hidden="true", an inline display:none / visibility:hidden. */
function hidden(n: DomNode): boolean {
  if (!n.getAttribute) return false;
  return n.getAttribute('hidden') !== null || n.getAttribute('aria-hidden') === 'true' || INVISIBLE_STYLE.test(n.getAttribute('style') ?? '');
}

/** Builds text from runs and breaks: at most one blank line, no spaces at line ends or starts. */
class TextBuilder {
  private parts: string[] = [];
  private pending = 0; // 0 nothing, 1 space, 2 line break, 3 blank line
  private atStart = true;

  text(t: string, pre: boolean): void {
    const run = pre ? t : t.replace(/[ \t\n\r\f]+/g, ' ');
    if (!run) return;
    const lead = !pre && run.startsWith(' ');
    const body = pre ? run : run.trim();
    if (lead) this.brk(1);
    if (body) {
      if (!this.atStart) this.parts.push(['', ' ', '\n', '\n\n'][this.pending]!);
      this.parts.push(body);
      this.pending = 0;
      this.atStart = false;
    }
    if (!pre && body && run.endsWith(' ')) this.brk(1);
  }

  brk(level: number): void {
    this.pending = Math.max(this.pending, level);
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** The text of `root` and everything under it (elements whose tag is in `skip` are left out whole). */
export function domText(root: DomNode, skip: ReadonlySet<string> = SKIPPED): string {
  const out = new TextBuilder();
  const breakOf = (tag: string) => (PARAGRAPH.has(tag) ? 3 : LINE.has(tag) ? 2 : CELL.has(tag) ? 1 : 0);
  let pre = 0;
  // Iterative pre-order walk; on leaving an element its closing break is added.
  let node: DomNode | null = root;
  while (node) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) out.text(node.nodeValue ?? '', pre > 0);
    else if (node.nodeType === ELEMENT_NODE || node === root) {
      const tag = upper(node);
      if (!skip.has(tag) && !hidden(node)) {
        out.brk(breakOf(tag));
        if (tag === 'PRE') pre++;
        descend = node.firstChild !== null;
        if (!descend && tag === 'PRE') pre--;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a next sibling exists, closing each element left.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node.nodeType === ELEMENT_NODE) {
        const tag = upper(node);
        out.brk(breakOf(tag));
        if (tag === 'PRE') pre--;
      }
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return out.toString();
}

/** How deep the tree under `root` goes and how many nodes it holds (iterative; stops past `stopAt` levels). */
export function domStats(root: DomNode, stopAt: number): { depth: number; nodes: number } {
  let depth = 0;
  let max = 0;
  let nodes = 0;
  let node: DomNode | null = root.firstChild;
  while (node) {
    nodes++;
    if (node.firstChild) {
      depth++;
      if (depth > max) max = depth;
      if (max > stopAt) break;
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return { depth: max, nodes };
}
