/**
 * The laid-out briefing: a flat list of blocks with inline runs. Markdown, HTML, DOCX and the
 * renderer's React preview all walk these, so every format says exactly the same thing.
 */
import { cleanText } from './wording';

export interface Inline {
  text: string;
  strong?: boolean;
  /** Quoted material (claims as stated, excerpts): shown in italics, exempt from the language check. */
  quote?: boolean;
  /** A footnote reference: rendered as "[n]", linked to note n. */
  ref?: number;
  /** A link target (already checked to be http(s) or mailto). */
  href?: string;
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'meta'; items: { label: string; value: string }[] }
  | { kind: 'caveat'; text: string }
  | { kind: 'heading'; level: 2 | 3; text: string; anchor: string }
  | { kind: 'para'; inlines: Inline[]; tone?: 'warning' | 'aside' }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'notes'; items: { n: number; inlines: Inline[] }[] }
  /** A plain table (an ACH matrix): header cells, body rows, an optional totals row; text only. */
  | { kind: 'table'; caption: string; header: string[]; rows: string[][]; footer?: string[] };

export const t = (text: string, extra: Omit<Inline, 'text'> = {}): Inline => ({ text, ...extra });
export const q = (text: string): Inline => ({ text, quote: true });
export const ref = (n: number): Inline => ({ text: `[${n}]`, ref: n });

/** Only these link targets survive into any output format. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** The plain text of inline runs (tests, checks, previews). */
export function plain(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.quote ? `“${i.text}”` : i.text)).join('');
}

const cleanInline = (i: Inline): Inline => ({ ...i, text: cleanText(i.text) });
const cleanRuns = (xs: readonly Inline[]) => xs.map(cleanInline);

/** Every string of the laid-out briefing through `cleanText`: the one pass all writers and the preview share. */
export function cleanBlock(b: Block): Block {
  switch (b.kind) {
    case 'title':
    case 'caveat':
      return { ...b, text: cleanText(b.text) };
    case 'heading':
      return { ...b, text: cleanText(b.text), anchor: cleanText(b.anchor) };
    case 'meta':
      return { ...b, items: b.items.map((m) => ({ label: cleanText(m.label), value: cleanText(m.value) })) };
    case 'para':
      return { ...b, inlines: cleanRuns(b.inlines) };
    case 'list':
      return { ...b, items: b.items.map(cleanRuns) };
    case 'notes':
      return { ...b, items: b.items.map((it) => ({ n: it.n, inlines: cleanRuns(it.inlines) })) };
    case 'table':
      return {
        ...b,
        caption: cleanText(b.caption),
        header: b.header.map(cleanText),
        rows: b.rows.map((r) => r.map(cleanText)),
        ...(b.footer ? { footer: b.footer.map(cleanText) } : {}),
      };
  }
}
