/**
 * The JSON case export carries captured documents (issue 13): bytes in base64, re-imported
 * byte-identical under their SHA-256 (checked: one mismatch refuses the whole import), text extracted
 * again, a capture.added event each; export → import → export is exact. A case without captures
 * still writes the version 1 file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CAPTURE_BYTES } from '../../core/contract/captures';
import type { CaseSnapshot } from '../../core/transfer/snapshot';
import type { ImportReport } from '../../core/transfer/types';
import type { CaseApi } from '../../db/api';
import { exportJson, importJson } from '../../db/transfer/json';
import { all, run, sql } from '../../db/sql';
import { hostileValue } from '../reliability/hostile';
import { stress, tempCase } from '../helpers';

const b64 = (s: string) => Buffer.from(s).toString('base64');

function caseWithCaptures(): { api: CaseApi; ids: string[] } {
  const { api } = tempCase();
  const a = api.invoke('sources.create', { title: 'Port authority notice', url: 'https://example.org/notice' });
  const b = api.invoke('sources.create', { title: 'Newspaper reprint' });
  const claim = api.invoke('claims.create', { text: 'The harbour closes at dusk on 12 March.' });
  api.invoke('evidence.create', { claimId: claim.id, sourceId: a.id, stance: 'supports', credibility: 2, excerpt: 'the harbour closes at dusk' });
  const shared = b64('Notice: the harbour closes at dusk on 12 March.\n\nSigned, the harbour master.');
  const ids = [
    api.invoke('captures.attach', { sourceId: a.id, bytes: shared, fileName: 'notice.txt', accessedAt: '2026-03-12' }).capture.id,
    api.invoke('captures.attach', { sourceId: b.id, bytes: shared, fileName: 'reprint.md' }).capture.id,
    api.invoke('captures.attach', { sourceId: b.id, bytes: b64('# Reprint\n\nA later page, with *emphasis*.'), fileName: 'later.md' }).capture.id,
  ];
  return { api, ids };
}

const withoutTime = (content: string) => {
  const { exportedAt: _t, ...rest } = JSON.parse(content) as Record<string, unknown>;
  return rest;
};

const count = (api: CaseApi, table: 'blobs' | 'captures' | 'claims' | 'events') =>
  all<{ n: number }>(api.db, { blobs: sql`SELECT count(*) AS n FROM blobs`, captures: sql`SELECT count(*) AS n FROM captures`, claims: sql`SELECT count(*) AS n FROM claims`, events: sql`SELECT count(*) AS n FROM events` }[table])[0]!.n;

describe('captured documents in the JSON export', () => {
  it('exports the bytes, re-imports them byte-identical with their events, and a second export is identical', () => {
    const { api, ids } = caseWithCaptures();
    const exported = exportJson(api);
    const doc = JSON.parse(exported) as CaseSnapshot;
    expect(doc.version).toBe(2);
    expect(doc.captures!.map((c) => c.id)).toEqual(ids);

    const target = tempCase().api;
    const report = importJson(target, exported, 'case.json');
    expect(report.errors).toEqual([]);
    expect(report.counts.captures).toBe(3);
    expect(count(target, 'blobs')).toBe(2);
    for (const id of ids) {
      expect(target.invoke('captures.bytes', { id }).bytes).toBe(api.invoke('captures.bytes', { id }).bytes);
      expect(target.invoke('captures.get', { id })).toEqual(api.invoke('captures.get', { id }));
    }
    expect(withoutTime(exportJson(target))).toEqual(withoutTime(exported));

    const added = target.invoke('history.recent', { limit: 100 }).filter((e) => e.kind === 'capture.added');
    expect(added.map((e) => (e.payload as { captureId: string }).captureId).sort()).toEqual([...ids].sort());
    expect(added[0]!.payload).toHaveProperty('importId');
    expect(target.invoke('history.verify', {})).toMatchObject({ ok: true, captures: { captures: 3, blobs: 2, problems: [] } });

    // Importing the same file again adds no capture: the ids (and bytes) are already there.
    const again = importJson(target, exported, 'case.json');
    expect(again.errors).toEqual([]);
    expect(again.counts.captures).toBe(0);
    expect(again.notices.filter((n) => /already holds these bytes/.test(n))).toHaveLength(3);
    expect(count(target, 'captures')).toBe(3);
  });

  it('refuses the whole import when one capture’s bytes do not match its SHA-256, naming it', () => {
    const { api } = caseWithCaptures();
    const doc = JSON.parse(exportJson(api)) as CaseSnapshot;
    const bytes = Buffer.from(doc.captures![2]!.bytes, 'base64');
    bytes[3] = bytes[3]! ^ 0x20; // one letter's case flipped: same size, other bytes
    doc.captures![2]!.bytes = bytes.toString('base64');
    const target = tempCase().api;
    const before = count(target, 'events');
    const report = importJson(target, JSON.stringify(doc), 'tampered.json');
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      expect.objectContaining({
        file: 'tampered.json',
        record: 'captures[2]',
        field: 'bytes',
        message: expect.stringMatching(new RegExp(`^do not hash to the recorded SHA-256 ${doc.captures![2]!.sha256} \\(they hash to [0-9a-f]{64}\\)`)),
      }),
    ]);
    expect([count(target, 'claims'), count(target, 'captures'), count(target, 'blobs'), count(target, 'events')]).toEqual([0, 0, 0, before]);
  });

  it('refuses malformed capture records with the field named, and a capture of an unknown source', () => {
    const { api } = caseWithCaptures();
    const doc = JSON.parse(exportJson(api)) as CaseSnapshot & { captures: Record<string, unknown>[] };
    doc.captures[0]!.byteSize = 5;
    doc.captures[1]!.bytes = 'not base64!';
    const report = importJson(tempCase().api, JSON.stringify(doc), 'bad.json');
    expect(report.ok).toBe(false);
    const said = report.errors.map((e) => `${e.record} ${e.field}: ${e.message}`);
    expect(said).toEqual([expect.stringMatching(/^captures\[0\] bytes: hold \d+ bytes, but byteSize says 5$/), 'captures[1] bytes: must be base64']);
    const orphan = JSON.parse(exportJson(api)) as CaseSnapshot & { captures: Record<string, unknown>[] };
    orphan.captures[2]!.sourceId = 'no-such-source';
    const target = tempCase().api;
    const r2 = importJson(target, JSON.stringify(orphan), 'orphan.json');
    expect(r2.errors.map((e) => `${e.record} ${e.field}: ${e.message}`)).toEqual(['captures[2] sourceId: no source no-such-source in the file or the case']);
    expect(count(target, 'captures') + count(target, 'claims')).toBe(0);
  });

  it('a case without captures still writes version 1 with no captures section', () => {
    const { api } = tempCase();
    api.invoke('sources.create', { title: 'Plain' });
    const doc = JSON.parse(exportJson(api)) as CaseSnapshot;
    expect(doc.version).toBe(1);
    expect(doc).not.toHaveProperty('captures');
    // The other formats never carry bytes.
    const { api: withDocs } = caseWithCaptures();
    expect(withDocs.invoke('transfer.export', { format: 'md' }).content).not.toContain(b64('Notice'));
  });

  it('refuses, before reading any bytes, an export the import could not read back', () => {
    const { api } = caseWithCaptures();
    // Four captures recorded as 64 MiB each (the size column only: the check must not need the bytes).
    const sources = api.invoke('sources.list', {}).items;
    for (let i = 0; i < 4; i++) {
      const blob = run(api.db, sql`INSERT INTO blobs (sha256, size, bytes) VALUES (${String(i).repeat(64)}, ${MAX_CAPTURE_BYTES}, ${Buffer.from('x')})`).lastInsertRowid;
      run(
        api.db,
        sql`INSERT INTO captures (id, source_rowid, blob_rowid, media_type, origin, captured_at, extraction)
            SELECT ${`big-${i}`}, rowid, ${blob}, 'application/pdf', 'file', '2026-01-01T00:00:00.000Z', 'text' FROM sources WHERE id = ${sources[0]!.id}`,
      );
    }
    const r = api.call('transfer.export', { format: 'json' });
    expect(!r.ok && r.error).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^The JSON export would be at least \d+ characters, and an import reads at most 256000000 .*claimtrail backup --out FILE/),
    });
    expect(api.call('transfer.export', { format: 'csv' }).ok).toBe(true);
  });

  it('a dry run of a file with captures counts them and writes nothing', () => {
    const { api } = caseWithCaptures();
    const target = tempCase().api;
    const events = count(target, 'events');
    const dry = target.invoke('transfer.dryRun', { format: 'json', content: exportJson(api), fileName: 'case.json' });
    expect(dry).toMatchObject({ ok: true, dryRun: true, counts: { captures: 3, sources: 2 } });
    expect([count(target, 'captures'), count(target, 'blobs'), count(target, 'events')]).toEqual([0, 0, events]);
  });

  it('fuzzed capture records: never a throw, a refusal names captures[N], and a refused import writes nothing', () => {
    const { api } = caseWithCaptures();
    const doc = JSON.parse(exportJson(api)) as CaseSnapshot & { captures: Record<string, unknown>[] };
    const fields = [...Object.keys(doc.captures[0]!), 'sourceId', 'extra'];
    const target = tempCase().api;
    const state = () => [count(target, 'claims'), count(target, 'captures'), count(target, 'blobs'), count(target, 'events')];
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(2), fc.constantFrom(...fields), hostileValue, (i, field, value) => {
        const copy = structuredClone(doc);
        copy.captures[i]![field] = value;
        let json: string;
        try {
          json = JSON.stringify(copy);
        } catch {
          return; // a BigInt cannot be in a JSON file
        }
        const before = state();
        const r = target.call('transfer.import', { format: 'json', content: json, fileName: 'fuzz.json' });
        expect(r.ok || r.error.code).not.toBe('internal');
        const report = r.ok ? (r.value as ImportReport) : null;
        if (report && !report.ok) {
          refused++;
          for (const e of report.errors) expect(e.record).toMatch(/^captures\[\d\]$/);
          expect(state()).toEqual(before);
        }
      }),
      { numRuns: stress(60, 1_000) },
    );
    expect(refused).toBeGreaterThan(0);
    expect(target.invoke('history.verify', {}).ok).toBe(true);
  });
});
