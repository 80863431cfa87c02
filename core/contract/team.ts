/**
 * A team copy (issue 15, docs/team.md): its status, its conflicts, and closing one. Syncing itself is
 * the CLI's (`claimtrail sync`); these methods read and write only the local case file.
 */
import { z } from 'zod';
import { mutation, query } from './define';
import { id, optionalText } from './fields';

export interface TeamStatus {
  /** The team case's name. */
  name: string;
  /** The server it was published to or joined from (its URL without the password). */
  server: string;
  /** Local changes not yet on the server (the outbox). */
  pending: number;
  /** The last team seq this copy holds (0 before the first). */
  head: number;
  /** The server time of the newest team event this copy holds, or null when it holds none. */
  lastPulledAt: string | null;
  openConflicts: number;
}

/** A field value as the team log carries it. */
export type TeamValue = string | number | null;

export interface TeamConflictSide {
  seq: number;
  event: string;
  author: string;
  at: string;
  value: TeamValue;
}

/** Two analysts set one field of one record without seeing each other's change (db/team/conflicts.ts). */
export interface TeamConflict {
  id: string;
  /** What kind of record ("claim", "source", "evidence", …). */
  entity: string;
  table: string;
  /** The record's team key (its id, where it has one). */
  record: string;
  field: string;
  label: string;
  /** The earlier change, which the later one overwrote. */
  theirs: TeamConflictSide;
  /** The later change: its value stands. */
  ours: TeamConflictSide;
  resolved: { event: string; by: string; at: string; rationale: string | null } | null;
  /** The claim, when the record is one this copy holds (for a link to its page). */
  claim: { id: string; text: string } | null;
}

/** What resolving recorded (the event is appended when the mutation's transaction commits). */
export interface TeamResolution {
  id: string;
  by: string;
  at: string;
  rationale: string | null;
}

export const teamMethods = {
  /** Null when the case is not a team copy. */
  'team.status': query<TeamStatus | null>()(z.object({}).default({})),
  /** The open conflicts, in team-log order (all: the resolved ones too). Refused on a case that is not a team copy. */
  'team.conflicts': query<TeamConflict[]>()(z.object({ all: z.boolean().default(false) }).default({ all: false })),
  /** Closes a conflict with a `conflict.resolved` event naming both changes; the standing value stays. Pushed with the next sync. */
  'team.resolveConflict': mutation<TeamResolution>()(z.object({ id, rationale: optionalText(20_000) })),
};
