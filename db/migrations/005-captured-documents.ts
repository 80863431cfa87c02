/**
 * Schema v5 (after 004): sources as captured documents (issue 13).
 *
 * - blobs: the bytes of every captured document, content-addressed by SHA-256 and stored once
 *   however many captures share them (the case file stays the one unit an analyst backs up);
 * - captures: one document as read on one day, attached from a file or fetched from a URL, with where
 *   it came from and what text could be taken from it; the same bytes are one capture per source;
 * - capture_pages: the extracted text, one row a page (documents without pages have one), `start` being
 *   the page's offset in the capture's whole text (pages joined by two line breaks);
 * - capture_pages_fts: the word index over that text (stemmed like the other word indexes; no trigram
 *   index, which would triple the size of large documents), searched in the "documents" group;
 * - quote_anchors: where each evidence item's excerpt stands in its source's latest capture (derived:
 *   recomputed on every new capture and every excerpt change), with the W3C selectors, and the capture
 *   in which it was last found so that a quote that disappears raises "no longer in the source".
 * Frozen: later changes go into a new migration.
 */
const SEPARATORS = '\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff\u061c';

export const migration005 = /* sql */ `
CREATE TABLE blobs (
  rowid  INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  size   INTEGER NOT NULL CHECK (size >= 0),
  bytes  BLOB NOT NULL
) STRICT;

CREATE TABLE captures (
  rowid         INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  source_rowid  INTEGER NOT NULL REFERENCES sources (rowid),
  blob_rowid    INTEGER NOT NULL REFERENCES blobs (rowid),
  media_type    TEXT NOT NULL,
  file_name     TEXT,
  origin        TEXT NOT NULL CHECK (origin IN ('file','url')),
  requested_url TEXT,
  final_url     TEXT,
  http_status   INTEGER,
  headers       TEXT NOT NULL DEFAULT '{}',
  accessed_at   TEXT,
  captured_at   TEXT NOT NULL,
  title         TEXT,
  extraction    TEXT NOT NULL CHECK (extraction IN ('text','none')),
  page_count    INTEGER NOT NULL DEFAULT 1,
  text_length   INTEGER NOT NULL DEFAULT 0,
  UNIQUE (source_rowid, blob_rowid)
) STRICT;
CREATE INDEX captures_source ON captures (source_rowid, captured_at);
CREATE INDEX captures_blob ON captures (blob_rowid);

CREATE TABLE capture_pages (
  rowid         INTEGER PRIMARY KEY,
  capture_rowid INTEGER NOT NULL REFERENCES captures (rowid),
  page          INTEGER NOT NULL CHECK (page >= 1),
  start         INTEGER NOT NULL CHECK (start >= 0),
  text          TEXT NOT NULL,
  UNIQUE (capture_rowid, page)
) STRICT;

CREATE VIRTUAL TABLE capture_pages_fts USING fts5(
  text, content='capture_pages', content_rowid='rowid',
  tokenize="porter unicode61 remove_diacritics 2 separators '${SEPARATORS}'"
);
CREATE TRIGGER capture_pages_fts_ai AFTER INSERT ON capture_pages BEGIN
  INSERT INTO capture_pages_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER capture_pages_fts_ad AFTER DELETE ON capture_pages BEGIN
  INSERT INTO capture_pages_fts (capture_pages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER capture_pages_fts_au AFTER UPDATE OF text ON capture_pages BEGIN
  INSERT INTO capture_pages_fts (capture_pages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO capture_pages_fts (rowid, text) VALUES (new.rowid, new.text);
END;

CREATE TABLE quote_anchors (
  evidence_rowid INTEGER PRIMARY KEY REFERENCES evidence (rowid) ON DELETE CASCADE,
  capture_rowid  INTEGER REFERENCES captures (rowid),
  status         TEXT NOT NULL CHECK (status IN ('exact','close','not-found','no-capture')),
  score          REAL,
  exact          TEXT,
  prefix         TEXT,
  suffix         TEXT,
  start          INTEGER,
  end            INTEGER,
  page           INTEGER,
  found_in       INTEGER REFERENCES captures (rowid),
  lost_since     TEXT
) STRICT;
CREATE INDEX quote_anchors_capture ON quote_anchors (capture_rowid);
`;

export const DOCUMENT_FTS_TABLES = ['capture_pages_fts'] as const;
