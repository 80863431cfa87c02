import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../core/transfer/decode';
import { IMPORT_FORMATS } from '../../../core/transfer/types';
import type { CaseApi } from '../../../db/api';
import { stress, tempCase } from '../../helpers';

const fixtures = join(__dirname, '../../fixtures/transfer');
const SEEDS = [
  readFileSync(join(fixtures, 'zotero.csl.json'), 'utf8'),
  readFileSync(join(fixtures, 'claimreview.jsonld'), 'utf8'),
  'text,claimant,label,tags\n"A claim, quoted",someone,false,"a,b"\nAnother,x,true,\n',
  '1\tfalse\tA TSV claim "with quotes\tabortion\tspeaker\tjob\tstate\tparty\t0\t0\t0\t0\t0\tctx\n',
  // ClaimTrail JSON with the case's title and settings (validated like settings.update) and a signed head.
  JSON.stringify({
    format: 'claimtrail-case',
    version: 1,
    exportedAt: '2025-01-01T00:00:00Z',
    case: { title: 'Chips', settings: { analystName: 'Ana', caveat: 'Internal', backupsToKeep: 3 } },
    claims: [{ id: 'c1', text: 'A claim', status: 'unverified' }],
    signedHead: { type: 'claimtrail-signed-head', version: 1, events: 1 },
  }),
];

const rows = (api: CaseApi) => {
  const c = api.invoke('case.info', {}).counts;
  return [c.claims, c.sources, c.evidence, c.disputes, c.events, c.trash];
};

type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** Byte-level damage: truncation, stray invalid bytes, BOMs, UTF-16, NULs, splices. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('byte' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.string({ unit: 'binary', maxLength: 40 }) }),
  fc.record({ kind: fc.constant('bom' as const) }),
  fc.record({ kind: fc.constant('utf16' as const) }),
);

function damage(seed: string, muts: Of<typeof mutation>[]): Uint8Array {
  let bytes = new TextEncoder().encode(seed);
  for (const m of muts) {
    const at = 'at' in m ? Math.floor(m.at * bytes.length) : 0;
    if (m.kind === 'truncate') bytes = bytes.slice(0, at);
    if (m.kind === 'byte') bytes = new Uint8Array([...bytes.slice(0, at), m.byte, ...bytes.slice(at)]);
    if (m.kind === 'splice') bytes = new Uint8Array([...bytes.slice(0, at), ...new TextEncoder().encode(m.text), ...bytes.slice(at)]);
    if (m.kind === 'bom') bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    if (m.kind === 'utf16') {
      const s = new TextDecoder().decode(bytes);
      const out = new Uint8Array(2 + s.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < s.length; i++) out.set([s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8], 2 + i * 2);
      bytes = out;
    }
  }
  return bytes;
}

/** Every outcome is a clean ok or a clean error that names where; an error never leaves rows behind. */
function importClean(api: CaseApi, content: string, format: (typeof IMPORT_FORMATS)[number] | undefined, fileName: string): void {
  const before = rows(api);
  const r = api.call('transfer.import', { content, format, fileName });
  if (!r.ok) {
    expect(['invalid', 'conflict']).toContain(r.error.code);
    expect(rows(api)).toEqual(before);
    return;
  }
  const report = r.value as { ok: boolean; errors: { file: string; line?: number; record?: string; field: string; message: string }[] };
  if (!report.ok) {
    expect(report.errors.length).toBeGreaterThan(0);
    for (const e of report.errors) {
      expect(e.file).toBe(fileName);
      expect(e.field.length).toBeGreaterThan(0);
      expect(e.message.length).toBeGreaterThan(0);
      if (e.field !== 'file' && e.field !== 'labels') expect(e.line !== undefined || e.record !== undefined).toBe(true);
    }
    expect(rows(api)).toEqual(before);
  }
  expect(api.invoke('history.verify', {}).ok).toBe(true);
}

describe('fuzzed imports', () => {
  it('damaged bytes in every format: 0 crashes, 0 partial imports, every rejection names where', () => {
    const t = tempCase({ sample: true });
    fc.assert(
      fc.property(fc.nat(SEEDS.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom(undefined, ...IMPORT_FORMATS), (i, muts, format) => {
        const decoded = decodeBytes(damage(SEEDS[i]!, muts));
        if (!decoded.ok) {
          expect(decoded.line).toBeGreaterThan(0);
          return;
        }
        importClean(t.api, decoded.text, format, `seed${i}`);
      }),
      { numRuns: stress(300, 10_000) },
    );
  }, 900_000);

  it('wrong-typed and hostile structured records are refused by record and field', () => {
    const t = tempCase({ sample: true });
    const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 }));
    const record = fc.dictionary(fc.constantFrom('id', 'text', 'title', 'claimId', 'sourceId', 'stance', 'status', 'prior', 'tags', 'URL', 'DOI', 'issued', 'author', 'claimReviewed', 'reviewRating', '@type', '__proto__', 'constructor'), value, { maxKeys: 6 });
    fc.assert(
      fc.property(fc.constantFrom('json', 'csl-json', 'claimreview'), fc.array(record, { maxLength: 4 }), (format, recs) => {
        const content =
          format === 'json'
            ? JSON.stringify({ format: 'claimtrail-case', version: 1, claims: recs, sources: recs, evidence: recs })
            : format === 'claimreview'
              ? JSON.stringify({ '@graph': recs.map((r) => ({ ...r, '@type': 'ClaimReview' })) })
              : JSON.stringify(recs);
        importClean(t.api, content, format as 'json', 'hostile.json');
      }),
      { numRuns: stress(300, 10_000) },
    );
  }, 900_000);

  it('a 10 MB field is refused cleanly with its line and field', () => {
    const t = tempCase();
    const huge = 'x'.repeat(10_000_000);
    const r = t.api.invoke('transfer.import', { content: `text,claimant\nshort,a\n${huge},b\n`, fileName: 'huge.csv' });
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({ line: 3, field: 'text (column 1)' });
    expect(rows(t.api)).toEqual([0, 0, 0, 0, 0, 0]);
    const json = JSON.stringify({ format: 'claimtrail-case', version: 1, claims: [{ id: 'c1', text: huge }] });
    const j = t.api.invoke('transfer.import', { content: json, fileName: 'huge.json' });
    expect(j.errors[0]).toMatchObject({ record: 'claims[0]', field: 'text' });
    expect(rows(t.api)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
