/**
 * A checkable history head (issue 12.11): the attack is a case whose whole chain was rewritten and
 * re-hashed, which `verify` alone calls intact. `verify --expect-head` and the signed statement every
 * export carries (`verify-signature FILE --case CASE`) catch it; a modified statement or another key fails.
 */
import Database from 'better-sqlite3';
import { generateKeyPairSync, createPublicKey } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../core/transfer/types';
import { eventHash, GENESIS_HASH, type EventRow } from '../../db/repos/events';
import { caseHoldsHead, checkStatement, keyFile, loadOrCreateSigner, signedHeadStatement } from '../../db/signing';
import { tempDir } from '../helpers';
import { cli, cliHome } from './run';

let home: string;
let dir: string;
let file: string;
let head: string;
let events: number;
beforeAll(async () => {
  home = cliHome();
  dir = tempDir();
  file = join(dir, 'case.claimtrail');
  expect((await cli('init', file, '--sample')).code).toBe(0);
  const v = (await cli('--case', file, '--json', 'verify')).json<{ headHash: string; events: number }>();
  head = v.headHash;
  events = v.events;
});

const out = (name: string) => join(dir, name);

/** The attacker's edit: change the first event's actor, then re-hash every event so the chain is consistent again. */
function rewriteAndRehash(path: string): void {
  const db = new Database(path);
  db.exec('DROP TRIGGER events_no_update');
  const rows = db.prepare('SELECT * FROM events ORDER BY seq').all() as EventRow[];
  let prev = GENESIS_HASH;
  const update = db.prepare('UPDATE events SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  db.transaction(() => {
    for (const r of rows) {
      const actor = r.seq === 1 ? 'mallory' : r.actor;
      const h = eventHash(prev, { ...r, actor });
      update.run(actor, prev, h, r.seq);
      prev = h;
    }
    db.prepare('UPDATE chain_head SET hash = ? WHERE id = 1').run(prev);
  })();
  db.exec(`CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the history is append-only: events cannot be changed'); END`);
  db.close();
}

describe('verify --expect-head', () => {
  it('passes on the right head and exits 1 with a clear message on another', async () => {
    expect((await cli('--case', file, 'verify', '--expect-head', head.toUpperCase())).code).toBe(0);
    const wrong = await cli('--case', file, 'verify', '--expect-head', 'f'.repeat(64));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain(`head MISMATCH: expected ${'f'.repeat(64)}, but the case's head is ${head} after ${events} events`);
  });
});

describe('signed head statements in every export', () => {
  it('every format carries a valid statement (embedded or FILE.sig.json) that names the key, head and count', async () => {
    for (const format of EXPORT_FORMATS) {
      const f = out(`all.${format}`);
      const r = await cli('--case', file, 'export', '--format', format, '--out', f);
      expect(r.code, r.err).toBe(0);
      expect(existsSync(`${f}.sig.json`)).toBe(format === 'csv' || format === 'csl-json');
      const v = await cli('verify-signature', f, '--case', file);
      expect(v.code, `${format}: ${v.out}${v.err}`).toBe(0);
      expect(v.out).toContain('Signature valid');
      expect(v.out).toMatch(/signer key: SHA256:[A-Za-z0-9+/]{43}\n/);
      expect(v.out).toContain(`head: ${head} after ${events} events`);
      expect(v.out).toContain(`contains this head at event #${events}`);
      if (format === 'md') expect(readFileSync(f, 'utf8')).toContain(`History head \`${head}\` after ${events} events (signed;`);
    }
    const key = keyFile(home);
    expect(statSync(key).mode & 0o777).toBe(0o600);
  });

  it('a modified statement fails with exit 1', async () => {
    const f = out('mod.md');
    await cli('--case', file, 'export', '--format', 'md', '--out', f);
    const text = readFileSync(f, 'utf8');
    writeFileSync(f, text.replace(`"events":${events}`, `"events":${events - 1}`));
    const r = await cli('verify-signature', f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/signature INVALID: the signature does not match/);
    const json = out('mod.json');
    await cli('--case', file, 'export', '--format', 'json', '--out', json);
    writeFileSync(json, readFileSync(json, 'utf8').replace(head, 'a'.repeat(64)));
    expect((await cli('verify-signature', json)).code).toBe(1);
  });

  it("another key fails: the statement's key swapped for someone else's", async () => {
    const f = out('key.claimreview');
    await cli('--case', file, 'export', '--format', 'claimreview', '--out', f);
    const other = createPublicKey(generateKeyPairSync('ed25519').privateKey).export({ format: 'jwk' }).x!;
    const own = loadOrCreateSigner(home).publicKey;
    writeFileSync(f, readFileSync(f, 'utf8').replace(own, other));
    const r = await cli('verify-signature', f);
    expect(r.code).toBe(1);
    expect(r.err).toContain('signature INVALID');
  });

  it('a case whose chain was rewritten and re-hashed: verify says intact, the head and the signature do not', async () => {
    const signed = out('before.json');
    await cli('--case', file, 'export', '--format', 'json', '--out', signed);
    const forged = join(dir, 'forged.claimtrail');
    writeFileSync(forged, readFileSync(file));
    rewriteAndRehash(forged);
    expect((await cli('--case', forged, 'verify')).code).toBe(0); // the attack: a consistent, rewritten chain
    expect((await cli('--case', forged, 'verify', '--expect-head', head)).code).toBe(1);
    const r = await cli('verify-signature', signed, '--case', forged);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the case check FAILED: the statement is about another case/);
    expect((await cli('--case', forged, 'verify', '--expect-head', 'nothex')).code).toBe(2);
  });

  it('a file without a statement, or a key file other users can read, is refused clearly', async () => {
    const plain = out('plain.txt');
    writeFileSync(plain, 'no statement here');
    const r = await cli('verify-signature', plain);
    expect(r.code).toBe(1);
    expect(r.err).toContain('carries no signed head statement');
    chmodSync(keyFile(home), 0o644);
    const e = await cli('--case', file, 'export', '--format', 'md', '--out', out('refused.md'), '--force');
    chmodSync(keyFile(home), 0o600);
    expect(e.code).toBe(1);
    expect(e.err).toMatch(/can be read by other users \(mode 644\)/);
  });
});

describe('signedHeadStatement (what briefings and exports embed)', () => {
  it("states the head and the count, and verifies against the case", () => {
    const db = new Database(file, { readonly: true });
    try {
      const p = JSON.parse(signedHeadStatement(db, loadOrCreateSigner(home))) as { headHash: string; events: number };
      expect(p.headHash).toBe(head);
      expect(p.events).toBe(events);
      const check = checkStatement(p);
      expect(check.ok && caseHoldsHead(db, check.statement).ok).toBe(true);
    } finally {
      db.close();
    }
  });
});
