/**
 * Schema v2: the full-text indexes treat invisible format characters as separators.
 *
 * unicode61 counts every character that is not a Unicode space or punctuation as part of a word,
 * so a word wrapped in bidi isolates or marks (U+2066…U+2069, U+202A…U+202E, U+200E/F), a zero-width
 * space or a BOM could not be found. Text keeps those characters verbatim (exact quotes stay
 * exact); only the tokenizer splits on them. Frozen: later changes go into a new migration.
 */
const SEPARATORS = '\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff\u061c';

const TABLES: readonly [string, readonly string[]][] = [
  ['claims', ['text', 'claimant', 'notes', 'context']],
  ['sources', ['title', 'publisher', 'authors', 'notes']],
  ['evidence', ['excerpt', 'note', 'locator']],
  ['disputes', ['position', 'resolution', 'raised_by']],
];

function rebuild([table, columns]: readonly [string, readonly string[]]): string {
  return `
DROP TABLE ${table}_fts;
CREATE VIRTUAL TABLE ${table}_fts USING fts5(
  ${columns.join(', ')},
  content='${table}', content_rowid='rowid',
  tokenize="unicode61 remove_diacritics 2 separators '${SEPARATORS}'"
);
INSERT INTO ${table}_fts (${table}_fts) VALUES ('rebuild');`;
}

export const migration002 = TABLES.map(rebuild).join('\n');
