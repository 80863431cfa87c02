/**
 * Conflicts in a team case: two analysts changed the same field of the same record without seeing
 * each other's change. Found from the team log alone, so every copy finds the same ones: an event E
 * was made having seen the log up to its base; an event F of another copy with base < F.seq < E.seq
 * was unseen. When both set one field, the log keeps both values, the later one (E's) stands, and
 * the pair is a conflict until a `conflict.resolved` event names it. Inserts never conflict (evidence,
 * disputes, responses and links only accumulate), nor do derived or "last changed" fields.
 */
import { createHash } from 'node:crypto';
import { CaseError } from '../errors';
import { inUnit, logEvent } from '../records/log';
import { getSettings } from '../repos/meta';
import type { RowValue } from '../records/changes';
import type { DB } from '../sql';
import { declOf } from './keys';
import type { TeamBody } from './outgoing';

export interface ConflictSide {
  seq: number;
  event: string;
  author: string;
  at: string;
  value: RowValue;
}

export interface TeamConflict {
  id: string;
  entity: string;
  table: string;
  /** The record's team key (its id, where it has one). */
  record: string;
  field: string;
  label: string;
  /** The earlier change, which the later one overwrote. */
  theirs: ConflictSide;
  /** The later change: its value stands. */
  ours: ConflictSide;
  resolved: { event: string; by: string; at: string; rationale: string | null } | null;
}

interface LogRow {
  seq: number;
  id: string;
  author: string;
  body: string;
  base: number;
  client: string;
}

/** The fields an event's updates set: "table|record|field" → value (quiet and unknown fields left out). */
function fieldsSet(b: TeamBody): Map<string, RowValue> {
  const out = new Map<string, RowValue>();
  for (const c of b.changes) {
    if (c[0] !== 'u') continue;
    const d = declOf(c[1]);
    for (const [col, v] of Object.entries(c[3])) if (d.fields[col] && !d.fields[col].quiet) out.set(`${c[1]}|${JSON.stringify(c[2])}|${col}`, v);
  }
  return out;
}

const conflictId = (f: string, e: string, field: string) => createHash('sha256').update(`${f}\n${e}\n${field}`).digest('hex').slice(0, 12);

export function teamConflicts(db: DB): TeamConflict[] {
  const resolved = new Map<string, TeamConflict['resolved']>();
  for (const r of db.prepare("SELECT id, actor, at, payload, rationale FROM events WHERE kind = 'conflict.resolved' ORDER BY seq").all() as {
    id: string;
    actor: string;
    at: string;
    payload: string;
    rationale: string | null;
  }[]) {
    const p = JSON.parse(r.payload) as { conflict?: string };
    if (p.conflict && !resolved.has(p.conflict)) resolved.set(p.conflict, { event: r.id, by: r.actor, at: r.at, rationale: r.rationale });
  }
  const unseen = db.prepare('SELECT seq, id, author, body, base, client FROM team_log WHERE seq > ? AND seq < ? AND client <> ? ORDER BY seq');
  const out: TeamConflict[] = [];
  for (const e of db.prepare('SELECT seq, id, author, body, base, client FROM team_log WHERE base < seq - 1 ORDER BY seq').all() as LogRow[]) {
    const eb = JSON.parse(e.body) as TeamBody;
    const mine = fieldsSet(eb);
    if (!mine.size) continue;
    for (const f of unseen.all(e.base, e.seq, e.client) as LogRow[]) {
      const fb = JSON.parse(f.body) as TeamBody;
      for (const [k, theirs] of fieldsSet(fb)) {
        if (!mine.has(k)) continue;
        const [table, record, field] = k.split('|') as [string, string, string];
        const d = declOf(table);
        const id = conflictId(f.id, e.id, k);
        out.push({
          id,
          entity: d.entity,
          table,
          record: JSON.parse(record) as string,
          field,
          label: d.fields[field]!.label || field,
          theirs: { seq: f.seq, event: f.id, author: f.author, at: fb.event.at, value: theirs },
          ours: { seq: e.seq, event: e.id, author: e.author, at: eb.event.at, value: mine.get(k)! },
          resolved: resolved.get(id) ?? null,
        });
      }
    }
  }
  return out;
}

/**
 * Closes a conflict with an event that names both changes (pushed with the next sync). `actor`: who
 * resolves it (the contract passes its ctx's analyst; by default the case's analyst name).
 */
export function resolveConflict(db: DB, id: string, rationale: string | null, now = new Date().toISOString(), actor = getSettings(db).analystName): TeamConflict {
  const c = teamConflicts(db).find((x) => x.id === id);
  if (!c) throw new CaseError('not_found', `no conflict ${id} in this case (list them with: conflicts)`);
  if (c.resolved) throw new CaseError('conflict', `conflict ${id} was resolved by ${c.resolved.by} at ${c.resolved.at}`);
  const event = {
    actor,
    at: now,
    kind: 'conflict.resolved',
    entityType: c.entity,
    entityId: c.record,
    payload: { conflict: id, field: c.field, events: [c.theirs.event, c.ours.event], kept: c.ours.value },
    rationale,
  };
  inUnit(db, () => event, () => logEvent(db, event));
  return teamConflicts(db).find((x) => x.id === id)!;
}
