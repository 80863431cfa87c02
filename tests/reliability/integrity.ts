/**
 * Whole-case consistency checks for the reliability suites: SQLite and FTS5 integrity, the hash
 * chain, and that every row's transaction was applied whole (its event, its counters, its model).
 */
import { createApi } from '../../db/api';
import { FTS_TABLES } from '../../db/migrations/001-initial';
import { claimRowByRowid, type ClaimRow } from '../../db/repos/claims';
import { createCtx } from '../../db/service/context';
import { modelForClaim } from '../../db/service/recompute';
import type { DB } from '../../db/sql';

/** Every user table of the schema (FTS shadow tables excluded), for before/after row counts. */
export function userTables(db: DB): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name")
      .pluck()
      .all() as string[]
  );
}

/** Row counts of every table (FTS tables by their doc count): a fingerprint that any write changes. */
export function rowCounts(db: DB): Record<string, number> {
  const out: Record<string, number> = {};
  // Table names come from sqlite_schema of our own file, never from input.
  for (const t of [...userTables(db), ...FTS_TABLES]) out[t] = db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number;
  out['chain_head.seq'] = (db.prepare('SELECT coalesce(max(seq), 0) FROM chain_head').pluck().get() as number) ?? 0;
  return out;
}

/** Problems found, as readable lines; an empty list means the case is whole. */
export function caseProblems(db: DB): string[] {
  const problems: string[] = [];
  const integrity = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  if (integrity.join() !== 'ok') problems.push(`integrity_check: ${integrity.slice(0, 5).join('; ')}`);
  for (const t of FTS_TABLES) {
    try {
      // rank = 1: also compare the index with its external content table, not only with itself.
      db.prepare(`INSERT INTO "${t}"("${t}", rank) VALUES('integrity-check', 1)`).run();
    } catch (e) {
      problems.push(`${t} integrity-check: ${(e as Error).message}`);
    }
  }
  const api = createApi(db, { actor: 'checker' });
  const verify = api.invoke('history.verify', {});
  if (!verify.ok) problems.push(`history.verify: ${JSON.stringify(verify.firstBroken ?? verify.state?.firstDifference ?? verify.state?.replayError ?? verify.captures?.problems)}`);
  problems.push(...missingEvents(db), ...counterProblems(db), ...modelProblems(db));
  return problems;
}

/**
 * Each created entity has its creation event (one transaction wrote both, or neither). Imports write
 * one `claim.imported` event per claim, naming the evidence, sources and disputes it came with, and
 * list the sources no imported evidence cites in `import.applied` (docs/import-export.md, History).
 */
function missingEvents(db: DB): string[] {
  const checks: [string, string, string, string][] = [
    ['claims', 'claim.created', 'claim.imported', '$.none'],
    ['sources', 'source.created', '', '$.sourceIds'],
    ['evidence', 'evidence.added', '', '$.evidenceIds'],
    ['disputes', 'dispute.opened', '', '$.disputeIds'],
  ];
  const out: string[] = [];
  for (const [table, kind, importKind, listed] of checks) {
    const ids = db
      .prepare(
        `SELECT t.id FROM "${table}" t WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.entity_id = t.id AND e.kind IN (?, ?))
           AND NOT EXISTS (SELECT 1 FROM events e, json_each(e.payload, ?) j
                            WHERE e.kind IN ('claim.imported', 'claim.import-added') AND j.value = t.id)
           AND NOT EXISTS (SELECT 1 FROM events e, json_each(e.payload, '$.uncitedSourceIds') j
                            WHERE e.kind = 'import.applied' AND ? = 'sources' AND j.value = t.id)`,
      )
      .pluck()
      .all(kind, importKind, listed, table) as string[];
    for (const id of ids.slice(0, 5)) out.push(`${table} ${id} has no ${kind} event`);
  }
  const orphans = db
    .prepare(
      `SELECT e.entity_id FROM events e WHERE e.kind = 'evidence.added'
         AND NOT EXISTS (SELECT 1 FROM evidence v WHERE v.id = e.entity_id)
         AND NOT EXISTS (SELECT 1 FROM events r WHERE r.entity_id = e.entity_id AND r.kind = 'evidence.removed')`,
    )
    .pluck()
    .all() as string[];
  for (const id of orphans.slice(0, 5)) out.push(`evidence.added event for ${id} but no such evidence row`);
  return out;
}

function counterProblems(db: DB): string[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.evidence_count AS stored, (SELECT count(*) FROM evidence e WHERE e.claim_rowid = c.rowid) AS actual,
              c.open_disputes AS storedOpen,
              (SELECT count(*) FROM disputes d WHERE d.claim_rowid = c.rowid AND d.status = 'open') AS actualOpen
         FROM claims c WHERE c.evidence_count <> actual OR c.open_disputes <> actualOpen`,
    )
    .all() as { id: string; stored: number; actual: number; storedOpen: number; actualOpen: number }[];
  return rows
    .slice(0, 5)
    .map((r) => `claim ${r.id}: evidence_count ${r.stored} vs ${r.actual} rows, open_disputes ${r.storedOpen} vs ${r.actualOpen}`);
}

/** The stored probability equals what the model computes from the stored evidence. */
function modelProblems(db: DB): string[] {
  const ctx = createCtx(db, { actor: 'checker' });
  const out: string[] = [];
  for (const rowid of db.prepare('SELECT rowid FROM claims').pluck().all() as number[]) {
    const row: ClaimRow = claimRowByRowid(db, rowid);
    const model = modelForClaim(ctx, row);
    const expected = row.override_p ?? model.probability;
    if (Math.abs(row.computed_p - model.probability) > 1e-12 || Math.abs(row.probability - expected) > 1e-12)
      out.push(`claim ${row.id}: stored p ${row.probability} (computed ${row.computed_p}) but the model gives ${model.probability}`);
    if (row.confidence !== model.confidence) out.push(`claim ${row.id}: stored confidence ${row.confidence} but the model gives ${model.confidence}`);
  }
  return out.slice(0, 5);
}
