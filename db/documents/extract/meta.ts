/** Normalizing what documents say about themselves into DocumentMeta (shared by the PDF, HTML and DOCX readers). */
import type { DocumentMeta } from './types';

const MAX_FIELD = 500;
const MAX_AUTHORS = 50;

/** Trimmed, single-spaced text, or undefined when empty. */
export function metaText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD);
  return t || undefined;
}

/** Distinct non-empty names, in order. */
export function metaNames(values: unknown[]): string[] | undefined {
  const seen = new Set<string>();
  for (const v of values) {
    const t = metaText(v);
    if (t && !/^https?:\/\//i.test(t)) seen.add(t);
    if (seen.size >= MAX_AUTHORS) break;
  }
  return seen.size ? [...seen] : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A date as YYYY-MM-DD (or YYYY-MM, YYYY when that is all it says): ISO-8601 and its slashed or dotted
 * forms, PDF dates (D:YYYYMMDDHHmmSS…), and what Date.parse reads ("March 5, 2024"), as written (no
 * time-zone shift of the day).
 */
export function metaDate(value: unknown): string | undefined {
  const t = metaText(value);
  if (!t) return undefined;
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(t);
  const iso = pdf ?? /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])/.exec(t);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), iso[2] ? Number(iso[2]) : 0, iso[3] ? Number(iso[3]) : 0];
    if (y < 1000) return undefined;
    if (!m) return String(y);
    if (m < 1 || m > 12) return undefined;
    if (!d) return `${y}-${pad(m)}`;
    return validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
  }
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) return undefined;
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "10.1000/xyz123" from "doi:10.1000/xyz123" or "https://doi.org/10.1000/xyz123". */
export function metaDoi(value: unknown): string | undefined {
  const t = metaText(value);
  return t ? /\b(10\.\d{4,9}\/\S+)/.exec(t)?.[1] : undefined;
}

/** The first value of each field that has one; fields without a value are left out. */
export function mergeMeta(...sources: DocumentMeta[]): DocumentMeta {
  const out: DocumentMeta = {};
  for (const s of sources) {
    for (const [k, v] of Object.entries(s) as [keyof DocumentMeta, DocumentMeta[keyof DocumentMeta]][]) {
      if (v !== undefined && out[k] === undefined) (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}
