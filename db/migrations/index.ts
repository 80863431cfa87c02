/**
 * Migrations on `PRAGMA user_version`. Each entry moves the schema from version i to i+1 and is
 * applied in one transaction together with the version bump. Never edit a released migration: add one.
 */
import { migration001 } from './001-initial';
import { migration002 } from './002-fts-format-separators';
import { migration003 } from './003-claim-kinds-attribution-outcomes';
import { migration004 } from './004-search-forgives';
import { migration005 } from './005-captured-documents';
import { migration006 } from './006-claim-review-url';
import { migration007 } from './007-analysis';
import { migration008 } from './008-dispute-outcomes';
import { migrationDuplicates } from './009-duplicate-review';
import { migration010 } from './010-replayable-history';
import { migrationListIndexes } from './011-list-indexes';
import { migrationTeamCopy } from './012-team-copy';
import { writeSnapshot } from '../records/snapshot';
import type { DB } from '../sql';
import { recomputeClaims } from '../transfer/recompute';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Runs after `sql`, in the same transaction (e.g. to bring stored values in line with new rules). */
  after?(db: DB): void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: migration001 },
  { version: 2, name: 'full-text indexes split words on invisible format characters', sql: migration002 },
  {
    version: 3,
    name: 'claim kinds, attribution, copy marks, outcomes apart from verdicts',
    sql: migration003,
    // Undeclared copies now count as one origin: store what the model computes for every claim.
    after: (db) => void recomputeClaims(db, { above: 0 }),
  },
  { version: 4, name: 'search that forgives: stemmed words, trigrams, vocabulary, quantity index', sql: migration004 },
  { version: 5, name: 'captured documents: content-addressed bytes, extracted text and its index, quote anchors', sql: migration005 },
  { version: 6, name: "a claim's own ClaimReview URL", sql: migration006 },
  { version: 7, name: 'structured analytic techniques: ACH boards, key assumptions, indicators', sql: migration007 },
  { version: 8, name: "a resolved dispute's outcome: upheld, rejected or partly upheld", sql: migration008 },
  { version: 9, name: 'duplicate review: merges that can be undone, pairs kept apart', sql: migrationDuplicates },
  {
    version: 10,
    name: 'events carry their row changes; the state so far as snapshot events',
    sql: migration010,
    after: (db) => void writeSnapshot(db, new Date().toISOString(), 'schema v10: the state of the case when its history began to carry row changes'),
  },
  { version: 11, name: 'claim list at scale: an index per sort order, covering counts for status and band', sql: migrationListIndexes },
  { version: 12, name: 'team copies: the link to a team case, the pulled team log, team keys of local rows', sql: migrationTeamCopy },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** 'ClTr' — marks an SQLite file as a ClaimTrail case (PRAGMA application_id). */
export const APPLICATION_ID = 0x436c5472;
