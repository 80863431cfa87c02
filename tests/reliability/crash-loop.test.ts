/**
 * kill -9 during writes (DESIGN §11): a child writes through createApi on one case file and is
 * killed with SIGKILL at a random moment, again and again on the same file. After every kill the
 * case must reopen, hold every acknowledged commit, and be whole (no half-applied transaction).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closeCase, openCase } from '../../db/open';
import type { DB } from '../../db/sql';
import { stress, tempDir } from '../helpers';
import { caseProblems } from './integrity';

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const KILLS = stress(50, 1000);
const SEED = Number(process.env.CT_SEED ?? Date.now()) >>> 0;

interface Ack {
  method: string;
  id: string;
  seq: number;
}

interface Round {
  acks: Ack[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Runs the writer once and kills it `delayMs` after it is ready (or after spawn, when `early`). */
function runAndKill(file: string, seed: number, delayMs: number, early: boolean): Promise<Round> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (early) arm();
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.startsWith('READY\n')) arm();
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code, signal) => {
      // Only whole lines count: a line cut by the kill was never acknowledged.
      const acks = out
        .split('\n')
        .slice(0, -1)
        .filter((l) => l.startsWith('ACK '))
        .map((l) => {
          const [, method, id, seq] = l.split(' ');
          return { method: method!, id: id!, seq: Number(seq) };
        });
      resolve({ acks, signal, code, stderr });
    });
  });
}

const TABLE_OF: Record<string, string> = {
  'claims.create': 'claims',
  'sources.create': 'sources',
  'evidence.create': 'evidence',
  'disputes.open': 'disputes',
};

/** Acknowledged commits that the reopened file does not hold. */
function lostAcks(db: DB, acks: Ack[]): string[] {
  const eventAt = db.prepare('SELECT entity_id FROM events WHERE seq = ?').pluck();
  const lost: string[] = [];
  for (const a of acks) {
    if (eventAt.get(a.seq) !== a.id) lost.push(`${a.method} ${a.id}: event #${a.seq} missing`);
    const table = TABLE_OF[a.method];
    if (table && !db.prepare(`SELECT 1 FROM "${table}" WHERE id = ?`).get(a.id)) lost.push(`${a.method} ${a.id}: row missing`);
  }
  return lost;
}

describe(`crash loop: ${KILLS} × kill -9 during writes (seed ${SEED})`, () => {
  it('loses no acknowledged commit and leaves the case whole after every kill', async () => {
    const file = join(tempDir(), 'crash.claimtrail');
    closeCase(openCase(file, { create: true }));
    let rnd = SEED;
    const next = () => ((rnd = (Math.imul(rnd, 1103515245) + 12345) >>> 0) / 4294967296);
    const all: Ack[] = [];
    let recovered = 0;
    for (let k = 0; k < KILLS; k++) {
      const early = next() < 0.1;
      const round = await runAndKill(file, SEED + k, Math.floor(next() * (early ? 900 : 250)), early);
      const where = `kill ${k + 1} of ${KILLS} (seed ${SEED})`;
      expect(round.signal, `${where}: the writer ended by itself (code ${round.code}): ${round.stderr}`).toBe('SIGKILL');
      const h = openCase(file);
      try {
        if (h.recovered) recovered++;
        expect(lostAcks(h.db, round.acks), where).toEqual([]);
        expect(caseProblems(h.db), where).toEqual([]);
      } finally {
        closeCase(h);
      }
      all.push(...round.acks);
    }
    const h = openCase(file);
    try {
      expect(lostAcks(h.db, all)).toEqual([]);
      const writes = all.length;
      console.log(`crash loop: ${KILLS} kills, ${writes} acknowledged commits, ${recovered} unclean reopenings, 0 lost`);
      expect(writes).toBeGreaterThan(KILLS);
    } finally {
      closeCase(h);
    }
  }, 600_000 + KILLS * 2_000);
});
