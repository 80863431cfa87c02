/**
 * Delimited text, written here (no library): an RFC 4180 reader and writer for CSV, and a literal
 * mode for TSV files such as LIAR's, where `"` is an ordinary character and a record is one line.
 * Records carry the line they start on, so every error can name it.
 */
export interface Row {
  line: number;
  fields: string[];
}

export class DelimitedError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ReadOptions {
  delimiter: string;
  /** true: RFC 4180 quoting; false: every character literal, one record per line (TSV). */
  quoted: boolean;
}

const isBlank = (fields: string[]) => fields.length === 1 && fields[0] === '';

/** Literal mode: split on line breaks, then on the delimiter. */
function* readLiteral(text: string, delimiter: string): Generator<Row> {
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    let raw = text.slice(start, end);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    const fields = raw.split(delimiter);
    if (!isBlank(fields)) yield { line, fields };
    start = end + 1;
  }
}

/** RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks. */
function* readQuoted(text: string, delimiter: string): Generator<Row> {
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        const openLine = line;
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new DelimitedError(openLine, `a quoted field opened on line ${openLine} is never closed`);
          const chunk = text.slice(i, q);
          for (let k = 0; k < chunk.length; k++) if (chunk.charCodeAt(k) === 10) line++;
          value += chunk;
          if (text[q + 1] === '"') {
            value += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        const c = text[i];
        if (i < n && c !== delimiter && c !== '\n' && c !== '\r')
          throw new DelimitedError(line, `unexpected ${JSON.stringify(c)} after a closing quote (a quote inside a field must be doubled)`);
      } else {
        let j = i;
        while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (!isBlank(fields)) yield { line: startLine, fields };
  }
}

export function readDelimited(text: string, opts: ReadOptions): Generator<Row> {
  if (opts.delimiter.length !== 1 || opts.delimiter === '"' || opts.delimiter === '\n' || opts.delimiter === '\r')
    throw new DelimitedError(0, `the delimiter must be one character other than a quote or line break (got ${JSON.stringify(opts.delimiter)})`);
  return opts.quoted ? readQuoted(text, opts.delimiter) : readLiteral(text, opts.delimiter);
}

/** Characters that make spreadsheets treat a cell as a formula (CSV injection). */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

const isTrigger = (c: string | undefined) => c !== undefined && (FORMULA_TRIGGERS as readonly string[]).includes(c);

/**
 * A cell that would start a formula gets a leading apostrophe, shown as text by spreadsheets. A cell
 * whose apostrophes are followed by a trigger gets one more, so reading back is exact.
 */
export function neutralize(value: string): string {
  return isTrigger(value.replace(/^'+/, '')[0]) ? `'${value}` : value;
}

/** The inverse, applied when ClaimTrail reads CSV: `'=x` → `=x`, `''=x` → `'=x`, while `'x` stays as it is. */
export function unneutralize(value: string): string {
  return value[0] === "'" && isTrigger(value.replace(/^'+/, '')[0]) ? value.slice(1) : value;
}

export function csvCell(value: string | number | null | undefined, delimiter = ','): string {
  const s = neutralize(value === null || value === undefined ? '' : String(value));
  return s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One RFC 4180 record, ended by CRLF. */
export function csvRecord(cells: readonly (string | number | null | undefined)[], delimiter = ','): string {
  return `${cells.map((c) => csvCell(c, delimiter)).join(delimiter)}\r\n`;
}
