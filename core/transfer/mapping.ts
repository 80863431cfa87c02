/**
 * Column mapping for CSV/TSV: `COL=FIELD,…` where COL is a 1-based column number or a header
 * name. Without a mapping, header names that match a field (or a common synonym) map themselves.
 */
export const ROW_FIELDS = [
  'id',
  'text',
  'claimant',
  'claimedAt',
  'context',
  'label',
  'status',
  'statusRationale',
  'prior',
  'tags',
  'notes',
  'ref',
  // Evidence with its source, one item per row (a claim repeated on several rows gets them all).
  'sourceTitle',
  'sourceUrl',
  'sourcePublisher',
  'reliability',
  'quote',
  'locator',
  'stance',
  'credibility',
  'ignore',
] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/** Fields that may take several columns (each adds a "Header: value" line or more tags). */
const MULTI: readonly RowField[] = ['notes', 'tags', 'ref', 'ignore'];

const SYNONYMS: Record<string, RowField> = {
  claim: 'text',
  statement: 'text',
  speaker: 'claimant',
  author: 'claimant',
  claimedat: 'claimedAt',
  date: 'claimedAt',
  claimdate: 'claimedAt',
  venue: 'context',
  where: 'context',
  rating: 'label',
  verdict: 'label',
  truthrating: 'label',
  subject: 'tags',
  subjects: 'tags',
  topics: 'tags',
  topic: 'tags',
  tag: 'tags',
  statusrationale: 'statusRationale',
  rationale: 'statusRationale',
  note: 'notes',
  reference: 'ref',
  source: 'sourceTitle',
  sourcename: 'sourceTitle',
  url: 'sourceUrl',
  link: 'sourceUrl',
  sourcelink: 'sourceUrl',
  publisher: 'sourcePublisher',
  outlet: 'sourcePublisher',
  sourcereliability: 'reliability',
  excerpt: 'quote',
  page: 'locator',
  position: 'stance',
};

const squash = (s: string) => s.toLowerCase().replace(/[\s_\-.]+/g, '');

export function fieldForName(name: string): RowField | undefined {
  const k = squash(name);
  const direct = ROW_FIELDS.find((f) => squash(f) === k);
  return direct ?? SYNONYMS[k];
}

/** field → the 0-based column indexes it reads. */
export type ColumnMap = Map<RowField, number[]>;

export type MapResult = { ok: true; map: ColumnMap; notices: string[] } | { ok: false; message: string };

export function columnName(header: string[] | null, index: number): string {
  return header?.[index] ? `${header[index]} (column ${index + 1})` : `column ${index + 1}`;
}

function addColumn(map: ColumnMap, field: RowField, index: number): string | null {
  const cur = map.get(field) ?? [];
  if (cur.length && !MULTI.includes(field)) return `${field} is mapped twice (columns ${cur[0]! + 1} and ${index + 1})`;
  map.set(field, [...cur, index]);
  return null;
}

export function parseMapping(spec: string | undefined, header: string[] | null, width: number): MapResult {
  const map: ColumnMap = new Map();
  const notices: string[] = [];
  if (!spec || !spec.trim()) {
    if (!header) return { ok: false, message: 'a file without a header row needs a column mapping (--map 3=text,5=claimant,…)' };
    header.forEach((h, i) => {
      const f = fieldForName(h);
      if (f) addColumn(map, f, i);
      else if (h.trim()) notices.push(`column ${i + 1} "${h}" is not imported (no matching field)`);
    });
  } else {
    for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
      const eq = part.lastIndexOf('=');
      if (eq <= 0) return { ok: false, message: `mapping "${part}" is not COL=FIELD` };
      const col = part.slice(0, eq).trim();
      const fieldName = part.slice(eq + 1).trim();
      const field = ROW_FIELDS.find((f) => f.toLowerCase() === fieldName.toLowerCase()) ?? fieldForName(fieldName);
      if (!field) return { ok: false, message: `mapping "${part}": unknown field "${fieldName}" (fields: ${ROW_FIELDS.join(', ')})` };
      let index: number;
      if (/^\d+$/.test(col)) {
        index = Number(col) - 1;
        if (index < 0 || index >= width) return { ok: false, message: `mapping "${part}": the file has columns 1–${width}` };
      } else {
        index = header ? header.findIndex((h) => h.trim().toLowerCase() === col.toLowerCase()) : -1;
        if (index < 0)
          return { ok: false, message: header ? `mapping "${part}": no column named "${col}" in the header` : `mapping "${part}": without a header, columns are numbers` };
      }
      const clash = addColumn(map, field, index);
      if (clash) return { ok: false, message: clash };
    }
  }
  if (!map.has('text')) return { ok: false, message: 'no column is mapped to text (the claim as stated); use --map COL=text' };
  return { ok: true, map, notices };
}
