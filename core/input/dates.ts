/**
 * Dates as people type them, read into the ISO forms the contract stores (YYYY, YYYY-MM, YYYY-MM-DD).
 * Pure and environment-neutral (no Date parsing, whose reading of "01/02/2025" depends on the locale).
 *
 * Accepted: ISO ("2025-01-28", "2025-01", "2025", also with / or . between the parts); a day, a month
 * name and a year in either order ("28 Jan 2025", "28th January 2025", "Jan 28, 2025", "28-Jan-2025");
 * a month name and a year ("January 2025", "Jan 2025"); numbers with the day first, the rule in most of
 * the world ("28/01/2025", "28.01.2025", "28-01-2025"), and month/year ("01/2025"). Years are written
 * in full (four digits): "28/01/25" is refused rather than guessed.
 */

export type DatePrecision = 'year' | 'month' | 'day';

export type DateReading = { ok: true; iso: string; precision: DatePrecision } | { ok: false; message: string };

/** The rule for numeric dates, stated wherever one is asked for. */
export const NUMERIC_DATE_RULE = 'numbers are read day first: 03/04/2025 is 3 April 2025';

export const DATE_EXAMPLES = '28 Jan 2025, Jan 28, 2025, 28/01/2025, 2025-01-28, 2025-01 or 2025';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 1–12 for a month name or its abbreviation ("Jan", "Sept", "sep."), else null. */
function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m === w || (m.startsWith(w) && (w.length === 3 || w === 'sept')));
  return i < 0 ? null : i + 1;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function build(year: number, month?: number, day?: number): DateReading {
  if (year < 1000 || year > 9999) return { ok: false, message: 'the year must have four digits, e.g. 2025' };
  if (month === undefined) return { ok: true, iso: pad(year, 4), precision: 'year' };
  if (month < 1 || month > 12) return { ok: false, message: `there is no month ${month} (months are 1 to 12)` };
  if (day === undefined) return { ok: true, iso: `${pad(year, 4)}-${pad(month)}`, precision: 'month' };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return { ok: false, message: `${MONTH_NAMES[month - 1]} ${year} has no day ${day} (it has ${last} days)` };
  return { ok: true, iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

const YEAR = '(\\d{4})';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const MONTH_WORD = '([a-z]{3,9}\\.?)';

const PATTERNS: { re: RegExp; read(m: RegExpMatchArray): DateReading | null }[] = [
  // 2025, 2025-01, 2025-01-28 (and / or . between the parts)
  { re: /^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$/, read: (m) => build(+m[1]!, m[3] ? +m[3] : undefined, m[4] ? +m[4] : undefined) },
  // 28 Jan 2025, 28th January 2025, 28-Jan-2025, 28 Jan. 2025
  { re: new RegExp(`^${DAY}[\\s-]+(?:of\\s+)?${MONTH_WORD}[\\s,-]+${YEAR}$`, 'i'), read: (m) => named(+m[3]!, m[2]!, +m[1]!) },
  // Jan 28, 2025, January 28th 2025
  { re: new RegExp(`^${MONTH_WORD}\\s+${DAY},?\\s+${YEAR}$`, 'i'), read: (m) => named(+m[3]!, m[1]!, +m[2]!) },
  // January 2025, Jan. 2025, Jan-2025
  { re: new RegExp(`^${MONTH_WORD}[\\s,-]+${YEAR}$`, 'i'), read: (m) => named(+m[2]!, m[1]!) },
  // 28/01/2025, 28.01.2025, 28-01-2025: day first
  { re: /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/, read: (m) => build(+m[4]!, +m[3]!, +m[1]!) },
  // 01/2025
  { re: /^(\d{1,2})[/.-](\d{4})$/, read: (m) => build(+m[2]!, +m[1]!) },
];

function named(year: number, monthWord: string, day?: number): DateReading | null {
  const month = monthOf(monthWord);
  return month === null ? null : build(year, month, day);
}

/**
 * Reads a typed date. Empty text is no date (`{ ok: true, iso: '' }` is never returned: callers
 * treat '' as "none" before calling). The message says what was not understood and what is.
 */
export function parseDate(typed: string): DateReading {
  const s = typed.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!s) return { ok: false, message: 'is empty' };
  for (const p of PATTERNS) {
    const m = s.match(p.re);
    if (!m) continue;
    const r = p.read(m);
    if (r) return r;
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(s)) return { ok: false, message: 'write the year in full (four digits), e.g. 28/01/2025' };
  return { ok: false, message: `is not a date I can read; write it like ${DATE_EXAMPLES}` };
}

/** An ISO date for people: "28 January 2025", "January 2025", "2025". */
export function describeIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!m) return String(y);
  const month = MONTH_NAMES[m - 1] ?? '';
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}
