/**
 * Tampered history rows are 100% detected (DESIGN §11): random edits of every column, deletions
 * (first, middle, last), swaps and forged rows, each made with raw SQL on a fresh copy of a case
 * with a realistic history; detected by history.verify and by `claimtrail verify` (exit 1), with
 * the first broken event named.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import type { VerifyResult } from '../../core/types';
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { stress, tempCase, tempDir } from '../helpers';

const COLUMNS = ['seq', 'id', 'at', 'actor', 'kind', 'entity_type', 'entity_id', 'claim_id', 'payload', 'rationale', 'prev_hash', 'hash'] as const;
type Column = (typeof COLUMNS)[number];

type Tamper =
  | { type: 'edit'; pos: number; column: Column; at: number }
  | { type: 'delete'; where: 'first' | 'middle' | 'last'; pos: number }
  | { type: 'swap'; a: number; b: number }
  | { type: 'forge'; where: 'append' | 'before-first' | 'after-gap'; hashKind: 'random' | 'copied' };

let prepared = '';
let events = 0;
const dir = tempDir();
const savedHome = process.env.CLAIMTRAIL_HOME;

/** A case with a realistic history: the sample plus overrides, verdicts, dispute work, edits and removals. */
function buildCase(): string {
  const c = tempCase({ sample: true, name: 'prepared.claimtrail' });
  const { api } = c;
  const claims = api.invoke('claims.list', { limit: 100 }).items;
  const cost = claims.find((x) => x.text.includes('USD6mn'))!;
  const chips = claims.find((x) => x.text.includes('H800 and H20'))!;
  api.invoke('claims.override', { id: cost.id, probability: 0.35, rationale: 'Compute-only figure; full cost far higher.' });
  api.invoke('claims.setStatus', { id: chips.id, status: 'disputed', rationale: 'Executives doubt it; A100 stockpile.' });
  const d = api.invoke('claims.get', { id: chips.id }).disputes[0]!;
  api.invoke('disputes.respond', { id: d.id, author: 'DeepSeek', text: 'We used only H800 and H20 chips.' });
  api.invoke('disputes.resolve', { id: d.id, resolution: 'Left open in substance; no new evidence.' });
  const ev = api.invoke('claims.get', { id: cost.id }).evidence[0]!;
  api.invoke('evidence.update', { id: ev.id, credibility: 4, note: 'Downgraded: unaudited.' });
  api.invoke('sources.update', { id: ev.sourceId, reliability: 'D' });
  api.invoke('claims.clearOverride', { id: cost.id, rationale: 'Regrade now carries the doubt.' });
  const extra = api.invoke('claims.get', { id: chips.id }).evidence.at(-1)!;
  api.invoke('evidence.delete', { id: extra.id, rationale: 'Duplicate context.' });
  events = api.invoke('history.verify', {}).events;
  c.close();
  return c.path;
}

function randomHex(rnd: number): string {
  let s = '';
  let x = rnd || 1;
  for (let i = 0; i < 64; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += (x % 16).toString(16);
  }
  return s;
}

/** A different value of the same type, so every edit really changes the row. */
function changed(column: Column, value: unknown, at: number, n: number): unknown {
  if (column === 'seq') return n + 1 + (at % 50);
  if (value === null) return column === 'claim_id' ? '01900000-0000-7000-8000-000000000000' : 'forged rationale';
  const s = String(value);
  const i = at % s.length;
  const c = s[i] === '0' ? '1' : s[i] === 'a' ? 'b' : s[i] === 'x' ? 'y' : /[0-9a-f]/.test(s[i]!) ? '0' : 'x';
  return s.slice(0, i) + c + s.slice(i + 1);
}

type Row = Record<Column, unknown>;

/** Applies one tampering with raw SQL and returns the seq that verification must name. */
function tamper(path: string, t: Tamper): number {
  const db = new Database(path);
  // The append-only triggers are dropped for the edit and put back exactly as they were: a file
  // without them is refused on open (db/schema-check.ts), so an attacker who wants it read restores them.
  const guards = db.prepare("SELECT sql FROM sqlite_schema WHERE name IN ('events_no_update', 'events_no_delete')").pluck().all() as string[];
  try {
    db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
    const row = (seq: number) => db.prepare('SELECT * FROM events WHERE seq = ?').get(seq) as Row;
    const n = events;
    switch (t.type) {
      case 'edit': {
        const seq = 1 + (t.pos % n);
        const before = row(seq)[t.column];
        db.prepare(`UPDATE events SET ${t.column} = ? WHERE seq = ?`).run(changed(t.column, before, t.at, n), seq);
        return seq;
      }
      case 'delete': {
        const seq = t.where === 'first' ? 1 : t.where === 'last' ? n : 2 + (t.pos % (n - 2));
        db.prepare('DELETE FROM events WHERE seq = ?').run(seq);
        return seq;
      }
      case 'swap': {
        const a = 1 + (t.a % n);
        let b = 1 + (t.b % n);
        if (b === a) b = a === n ? 1 : a + 1;
        const [ra, rb] = [row(a), row(b)];
        const cols = COLUMNS.filter((c) => c !== 'seq');
        const set = db.prepare(`UPDATE events SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE seq = @seq`);
        db.transaction(() => {
          db.prepare("UPDATE events SET id = 'swap-' || seq WHERE seq IN (?, ?)").run(a, b);
          set.run({ ...ra, seq: b });
          set.run({ ...rb, seq: a });
        })();
        return Math.min(a, b);
      }
      case 'forge': {
        const head = row(n);
        const seq = t.where === 'append' ? n + 1 : t.where === 'before-first' ? 0 : n + 7;
        const hash = t.hashKind === 'random' ? randomHex(n) : String(head.hash);
        db.prepare(
          `INSERT INTO events (seq, id, at, actor, kind, entity_type, entity_id, claim_id, payload, rationale, prev_hash, hash)
           VALUES (?, ?, ?, 'analyst', 'claim.status', 'claim', ?, ?, '{"after":{"status":"supported"}}', 'forged', ?, ?)`,
        ).run(seq, `forged-${seq}`, String(head.at), String(head.entity_id), head.claim_id, String(head.hash), hash);
        return t.where === 'after-gap' ? n + 1 : seq;
      }
    }
  } finally {
    db.exec(guards.join(";\n"));
    db.close();
  }
}

const tamperArb: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ type: fc.constant('edit' as const), pos: fc.nat(), column: fc.constantFrom(...COLUMNS), at: fc.nat() }),
  fc.record({ type: fc.constant('delete' as const), where: fc.constantFrom('first' as const, 'middle' as const, 'last' as const), pos: fc.nat() }),
  fc.record({ type: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    type: fc.constant('forge' as const),
    where: fc.constantFrom('append' as const, 'before-first' as const, 'after-gap' as const),
    hashKind: fc.constantFrom('random' as const, 'copied' as const),
  }),
);

function verifyApi(path: string): VerifyResult {
  const h = openCase(path);
  try {
    return createApi(h.db, { path }).invoke('history.verify', {});
  } finally {
    closeCase(h);
  }
}

async function verifyCli(path: string): Promise<{ code: number; result: VerifyResult }> {
  const out: string[] = [];
  const code = await runCli(['--case', path, '--json', 'verify'], { out: (s) => out.push(s), err: (s) => out.push(s) });
  return { code, result: JSON.parse(out.join('\n')) as VerifyResult };
}

describe('tamper-evident history', () => {
  beforeAll(() => {
    process.env.CLAIMTRAIL_HOME = join(dir, 'home');
    prepared = buildCase();
  });
  afterAll(() => {
    if (savedHome === undefined) delete process.env.CLAIMTRAIL_HOME;
    else process.env.CLAIMTRAIL_HOME = savedHome;
  });

  it('an untouched copy verifies, by the API and the CLI', async () => {
    expect(events).toBeGreaterThan(100);
    const copy = join(dir, 'clean.claimtrail');
    copyFileSync(prepared, copy);
    expect(verifyApi(copy)).toMatchObject({ ok: true, events, firstBroken: null });
    const cli = await verifyCli(copy);
    expect(cli.code).toBe(0);
    expect(cli.result.ok).toBe(true);
  });

  it('detects every random tampering and names the first broken event', async () => {
    let i = 0;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(tamperArb, async (t) => {
        const copy = join(dir, `t${i++}.claimtrail`);
        copyFileSync(prepared, copy);
        const expected = tamper(copy, t);
        seen.add(t.type === 'edit' ? `edit:${t.column}` : t.type === 'delete' ? `delete:${t.where}` : t.type === 'forge' ? `forge:${t.where}` : t.type);
        const api = verifyApi(copy);
        expect(api.ok).toBe(false);
        expect(api.firstBroken?.seq).toBe(expected);
        const cli = await verifyCli(copy);
        expect(cli.code).toBe(1);
        expect(cli.result.firstBroken?.seq).toBe(expected);
      }),
      { numRuns: stress(1000, 1000) },
    );
    // Every kind of tampering was exercised.
    expect(seen.size).toBe(COLUMNS.length + 3 + 1 + 3);
  }, 600_000); // 1,000 copies, each opened and verified twice (API and CLI): minutes on a loaded 2-core machine
});
