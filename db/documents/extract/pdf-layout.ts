/**
 * Reading order of one PDF page from its positioned text runs (pdf.js text items): runs grouped into
 * lines by baseline, a two-column page found by its gutter (column 1 is read before column 2, lines that
 * span the gutter — titles, headers, footers — in their place between them), line-end hyphens joined
 * ("infor-" + "mation" → "information" when the next line starts in lower case), ligatures expanded.
 * Pure: no pdf.js here, so it is tested with hand-made runs too.
 */

export interface TextRun {
  str: string;
  /** Left edge and baseline in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (the run's height). */
  size: number;
}

interface Line {
  y: number;
  size: number;
  runs: TextRun[];
}

/** Ligature characters and the letters they stand for; U+F001/F002 are Adobe's legacy private-use fi, fl. */
const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl', '\uFB05': 'st', '\uFB06': 'st',
  '\uF001': 'fi', '\uF002': 'fl',
};
const LIGATURE_RE = /[\uFB00-\uFB06\uF001\uF002]/g;

export const expandLigatures = (s: string): string => s.replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c);

/** Runs into lines: same baseline within 40 % of the font size, left to right. */
function toLines(runs: TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - r.y) <= 0.4 * Math.max(line.size, r.size, 1)) {
      line.runs.push(r);
      line.size = Math.max(line.size, r.size);
    } else lines.push({ y: r.y, size: r.size, runs: [r] });
  }
  for (const l of lines) l.runs.sort((a, b) => a.x - b.x);
  return lines;
}

/** A line's text: runs joined with a space where the gap between them is wider than a fifth of an em. */
function lineText(line: Line): string {
  let out = '';
  let end = -Infinity;
  for (const r of line.runs) {
    const gap = r.x - end;
    if (out && gap > 0.2 * Math.max(r.size, 1) && !out.endsWith(' ') && !r.str.startsWith(' ')) out += ' ';
    out += r.str;
    end = Math.max(end, r.x + r.width);
  }
  // A soft hyphen shows only where a line breaks: elsewhere it is dropped, at the end it is a break.
  return out.replace(/\s+/g, ' ').trim().replace(/\u00AD(?!$)/g, '');
}

/** Lines of one column or band as text: a blank line where the gap to the previous line is a paragraph's. */
function blockText(lines: Line[]): string {
  let out = '';
  let prev: Line | null = null;
  for (const l of lines) {
    const text = lineText(l);
    if (!text) continue;
    if (prev) out += prev.y - l.y > 1.5 * Math.max(prev.size, l.size) ? '\n\n' : '\n';
    out += text;
    prev = l;
  }
  return out;
}

/**
 * The gutter of a two-column page: the x of the widest vertical strip in the middle half of the page that
 * at most a quarter of the lines cross (titles, headers and footers may), with at least a fifth of the text
 * and three lines on each side. Null for a one-column page.
 */
export function findGutter(runs: TextRun[], pageWidth: number): number | null {
  const text = runs.filter((r) => r.str.trim() && r.width > 0);
  const total = text.reduce((n, r) => n + r.str.length, 0);
  if (total < 40 || pageWidth <= 0) return null;
  const from = Math.floor(pageWidth * 0.25);
  const to = Math.ceil(pageWidth * 0.75);
  const lines = toLines(text);
  const crossing = new Uint32Array(to - from + 1);
  const covered = new Uint8Array(to - from + 1);
  for (const line of lines) {
    covered.fill(0);
    for (const r of line.runs) for (let x = Math.max(from, Math.ceil(r.x)); x <= Math.min(to, Math.floor(r.x + r.width)); x++) covered[x - from] = 1;
    for (let i = 0; i < covered.length; i++) crossing[i]! += covered[i]!;
  }
  let best: { start: number; end: number } | null = null;
  let start = -1;
  for (let i = 0; i <= crossing.length; i++) {
    const open = i < crossing.length && crossing[i]! <= lines.length * 0.25;
    if (open && start < 0) start = i;
    if (!open && start >= 0) {
      if (!best || i - start > best.end - best.start) best = { start, end: i };
      start = -1;
    }
  }
  if (!best || best.end - best.start < Math.max(6, pageWidth * 0.01)) return null;
  const gutter = from + (best.start + best.end) / 2;
  const left = text.filter((r) => r.x + r.width <= gutter);
  const right = text.filter((r) => r.x >= gutter);
  const chars = (rs: TextRun[]) => rs.reduce((n, r) => n + r.str.length, 0);
  if (chars(left) < total * 0.2 || chars(right) < total * 0.2) return null;
  if (toLines(left).length < 3 || toLines(right).length < 3) return null;
  return gutter;
}

/** The page's text in reading order. */
export function pageText(runs: TextRun[], pageWidth: number): string {
  const kept = runs.filter((r) => r.str.length > 0).map((r) => ({ ...r, str: expandLigatures(r.str) }));
  const gutter = findGutter(kept, pageWidth);
  let blocks: string[];
  if (gutter === null) blocks = [blockText(toLines(kept))];
  else {
    const spanning = toLines(kept.filter((r) => r.x < gutter && r.x + r.width > gutter && r.str.trim()));
    const bands: { left: TextRun[]; right: TextRun[] }[] = spanning.map(() => ({ left: [], right: [] }));
    bands.push({ left: [], right: [] });
    for (const r of kept) {
      if (r.x < gutter && r.x + r.width > gutter && r.str.trim()) continue;
      // The band is the number of spanning lines above the run.
      const band = bands[spanning.filter((l) => l.y > r.y + 0.4 * Math.max(l.size, r.size)).length]!;
      (r.x + r.width / 2 < gutter ? band.left : band.right).push(r);
    }
    blocks = [];
    bands.forEach((b, i) => {
      blocks.push(blockText(toLines(b.left)), blockText(toLines(b.right)));
      if (spanning[i]) blocks.push(blockText([spanning[i]!]));
    });
  }
  return blocks.filter(Boolean).join('\n\n');
}

const LINE_END_HYPHEN = /(\p{L}+)([-\u2010\u00AD])\n(\p{Ll}+)/gu;
const HYPHENATED = /\p{L}+-\p{L}+/gu;
const WORD = /\p{L}+/gu;

/**
 * Joins words broken at line ends (only where the next line goes on in lower case). A soft hyphen is a
 * hyphenation point: joined. A hyphen is decided by the document's own words: "infor-\nmation" becomes
 * "information" when the document writes "information" elsewhere, "open-\nsource" becomes "open-source"
 * when it writes "open-source" elsewhere on one line; without either, `hyphenates` says whether the
 * document's producer hyphenates words (typesetting does; a browser printing a page does not, so there a
 * hyphen at a line end is part of the word).
 */
export function joinLineEndHyphens(pages: string[], hyphenates: boolean): string[] {
  const compounds = new Set<string>();
  const words = new Set<string>();
  for (const p of pages) {
    const inLine = p.replace(LINE_END_HYPHEN, ' ');
    for (const m of inLine.matchAll(HYPHENATED)) compounds.add(m[0].toLowerCase());
    for (const m of inLine.matchAll(WORD)) words.add(m[0].toLowerCase());
  }
  return pages.map((p) =>
    p.replace(LINE_END_HYPHEN, (_, a: string, hyphen: string, b: string) => {
      const joined = `${a}${b}`;
      if (hyphen === '\u00AD' || words.has(joined.toLowerCase())) return joined;
      if (compounds.has(`${a}-${b}`.toLowerCase())) return `${a}-${b}`;
      return hyphenates ? joined : `${a}${hyphen}${b}`;
    }),
  );
}

/** Producers that print web pages (browsers' PDF back ends): they break lines only at hyphens the text has. */
export const BROWSER_PRODUCER = /\b(?:Skia\/PDF|cairo|Quartz PDFContext|Mac OS X .* Quartz|wkhtmltopdf|Qt \d)/i;
