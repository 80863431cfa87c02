import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseHost } from '../../../db/host/host';
import { checkStatement, keyFile, signerFromPem } from '../../../db/signing';
import { generateKeyPairSync } from 'node:crypto';
import { createApi } from '../../../db/api';
import { closeCase, openCase } from '../../../db/open';
import { tempCase, tempDir } from '../../helpers';

const count = (r: { ok: boolean; value?: unknown }) => (r.value as { counts: { claims: number } }).counts.claims;

describe('CaseHost (database worker thread)', () => {
  it('runs queued calls one at a time, in order, each as its own transaction', async () => {
    const c = tempCase();
    c.close();
    const host = await CaseHost.start({ casePath: c.path, actor: 'tester' });
    try {
      const texts = Array.from({ length: 30 }, (_, i) => `Queued claim ${i}`);
      const results = await Promise.all(texts.map((text) => host.call('claims.create', { text })));
      expect(results.every((r) => r.ok)).toBe(true);
      const list = await host.call('claims.list', { limit: 100, sort: 'created', direction: 'asc' });
      expect(list.ok).toBe(true);
      const items = (list as { value: { items: { text: string }[] } }).value.items.map((i) => i.text);
      expect(items).toEqual(texts);
      expect((await host.call('claims.create', { text: '' })).ok).toBe(false);
      expect(count(await host.call('case.info', {}))).toBe(30);
    } finally {
      await host.close();
    }
  });

  it('creates a case when asked, and saves a consistent copy with the online backup API', async () => {
    const dir = tempDir();
    const path = join(dir, 'new.claimtrail');
    const host = await CaseHost.start({ casePath: path, create: true });
    await host.call('claims.create', { text: 'Backed up claim' });
    const copy = join(dir, 'copy.claimtrail');
    expect(await host.backup(copy)).toEqual({ ok: true, value: null });
    const bad = await host.backup(join(dir, 'missing-folder', 'x.claimtrail'));
    expect(bad.ok).toBe(false);
    await host.close();
    expect(existsSync(copy)).toBe(true);
    const h = openCase(copy);
    try {
      expect(createApi(h.db).invoke('case.info', {}).counts.claims).toBe(1);
    } finally {
      closeCase(h);
    }
  });

  it('refuses to open a missing case without create, and answers calls after close with an error', async () => {
    await expect(CaseHost.start({ casePath: join(tempDir(), 'nope.claimtrail') })).rejects.toThrow(/no case file/);
    const c = tempCase();
    c.close();
    const host = await CaseHost.start({ casePath: c.path });
    const cancelIdle = () => host.cancel();
    expect(cancelIdle).not.toThrow();
    await host.close();
    expect(await host.call('case.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('CaseHost signs what leaves the case (desktop and web mode)', () => {
  it('with a signing folder, exports and saved briefings carry a statement of the head signed by the key kept there', async () => {
    const c = tempCase({ sample: true });
    c.close();
    const keys = tempDir();
    const host = await CaseHost.start({ casePath: c.path, signingDir: keys });
    try {
      const exported = await host.call('transfer.export', { format: 'json' });
      expect(exported.ok).toBe(true);
      const doc = JSON.parse((exported as { value: { content: string } }).value.content) as { signedHead: unknown };
      const check = checkStatement(doc.signedHead);
      expect(check.ok).toBe(true);
      expect(existsSync(keyFile(keys))).toBe(true);
      const saved = await host.call('briefings.save', { selection: { query: 'H800' } });
      const statement = (saved as { value: { briefing: { provenance: { statement: string | null } } } }).value.briefing.provenance.statement;
      expect(checkStatement(JSON.parse(statement!)).ok).toBe(true);
    } finally {
      await host.close();
    }
    // The desktop app hands over its unsealed key instead of a folder: the statement carries that key.
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const desk = await CaseHost.start({ casePath: c.path, signingKeyPem: pem });
    try {
      const r = await desk.call('transfer.export', { format: 'json' });
      const head = (JSON.parse((r as { value: { content: string } }).value.content) as { signedHead: { publicKey: string } }).signedHead;
      expect(checkStatement(head).ok).toBe(true);
      expect(head.publicKey).toBe(signerFromPem(pem).publicKey);
    } finally {
      await desk.close();
    }
    // Without one (tests, tools), nothing is signed and no key is made.
    const plain = await CaseHost.start({ casePath: c.path });
    try {
      const r = await plain.call('briefings.compose', { selection: { query: 'H800' }, signed: true });
      expect((r as { value: { briefing: { provenance: { statement: string | null } } } }).value.briefing.provenance.statement).toBeNull();
    } finally {
      await plain.close();
    }
  });
});
