/**
 * The shapes derived from the record declarations (core/records/records.ts), listed per record, and a
 * check that the places that used to spell a record's fields out by hand no longer do: the INSERT
 * column lists in db/repos and db/transfer/insert.ts, the patch maps, the contract's input fields and
 * the transfer/domain shapes. README "Adding a field" lists the same shapes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { apiColumns, columnsOf, declare, f, type ApiShape, type RecordDecl, type RowOf } from '../../core/records/define';
import { claimRecord, disputeRecord, disputeResponseRecord, evidenceRecord, sourceRecord } from '../../core/records/records';
import { inputFields } from '../../core/contract/from-record';
import { claimMethods } from '../../core/contract/claims';
import { sourceMethods } from '../../core/contract/sources';
import { evidenceMethods } from '../../core/contract/evidence';
import { disputeMethods } from '../../core/contract/disputes';
import type { ClaimFields, EvidenceFields } from '../../core/transfer/types';
import type { DisputeFields, SourceFields } from '../../core/types';
import { CLAIM_NOT_PATCHED, CLAIM_UPDATABLE } from '../../db/repos/claims';
import { SOURCE_NOT_PATCHED } from '../../db/repos/sources';
import { insertSql, updateSql } from '../../db/records/write';

const ROOT = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

/** Per record: the contract methods whose plain fields are derived (method → its derived API names). */
const DERIVED = [
  {
    record: claimRecord,
    inserts: ['db/repos/claims.ts insertClaim', 'db/transfer/insert.ts insertFullClaim'],
    updates: ['db/repos/claims.ts patchClaim (CLAIM_UPDATABLE)'],
    contract: {
      'claims.create': ['text', 'claimant', 'notes', 'context', 'kind', 'kindRationale', 'status', 'statusRationale'],
      'claims.update': ['text', 'claimant', 'notes', 'context', 'kind', 'kindRationale'],
    },
    transfer: 'ClaimFields (core/transfer/types.ts), SnapshotClaim',
  },
  {
    record: sourceRecord,
    inserts: ['db/repos/sources.ts insertSource', 'db/transfer/insert.ts insertFullSource'],
    updates: ['db/repos/sources.ts patchSource'],
    contract: {
      'sources.create': ['title', 'publisher', 'kind', 'doi', 'notes', 'speaksFor'],
      'sources.update': ['title', 'publisher', 'kind', 'doi', 'notes', 'speaksFor'],
    },
    transfer: 'SourceFields (core/types.ts), BundleSource, SnapshotSource',
  },
  {
    record: evidenceRecord,
    inserts: ['db/repos/evidence.ts insertEvidence', 'db/transfer/insert.ts insertFullEvidence'],
    updates: ['db/repos/evidence.ts updateEvidenceRow'],
    contract: { 'evidence.create': ['excerpt', 'locator', 'note'], 'evidence.update': ['excerpt', 'locator', 'note'] },
    transfer: 'EvidenceFields (core/transfer/types.ts), BundleEvidence',
  },
  {
    record: disputeRecord,
    inserts: ['db/repos/disputes.ts insertDispute', 'db/transfer/insert.ts insertFullDispute'],
    updates: ['db/repos/disputes.ts resolveDisputeRow'],
    contract: { 'disputes.open': ['raisedBy', 'position'] },
    transfer: 'DisputeFields (core/types.ts), BundleDispute, SnapshotDispute',
  },
  {
    record: disputeResponseRecord,
    inserts: ['db/repos/disputes.ts insertResponse'],
    updates: [],
    contract: { 'disputes.respond': ['author', 'text'] },
    transfer: 'BundleDispute.responses (still written out)',
  },
] as const;

const METHODS = { ...claimMethods, ...sourceMethods, ...evidenceMethods, ...disputeMethods } as Record<string, { input: z.ZodType }>;

/** The object shape of a method's input (through a .default() wrapper). */
function shapeOf(method: string): Record<string, z.ZodType> {
  let s: z.ZodType = METHODS[method]!.input;
  while (!(s instanceof z.ZodObject)) s = (s as unknown as { def: { innerType: z.ZodType } }).def.innerType;
  return s.shape as Record<string, z.ZodType>;
}

/** What a schema says to a value (the first issue's message, or 'ok'). */
function verdict(schema: z.ZodType, value: unknown): string {
  const r = schema.safeParse(value);
  return r.success ? 'ok' : r.error.issues[0]!.message;
}

const snake = (api: string) => api.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe('derived shapes, per record', () => {
  it('no hand-written INSERT column list for a derived record in db/repos or the import writer', () => {
    const files = [...readdirSync(join(ROOT, 'db/repos')).map((f) => `db/repos/${f}`), 'db/transfer/insert.ts'];
    const tables = DERIVED.map((d) => d.record.table).join('|');
    const handWritten = new RegExp(`INSERT INTO (${tables}) \\(`);
    for (const file of files) expect(read(file), file).not.toMatch(handWritten);
    // Each listed insert function goes through insertRow with its record's declaration.
    for (const d of DERIVED)
      for (const where of d.inserts) {
        const [file, fn] = where.split(' ') as [string, string];
        const body = read(file).split(`function ${fn}(`)[1]!.split('\n}\n')[0]!;
        expect(body, where).toMatch(new RegExp(`insertRow\\(db, ${Object.entries({ claimRecord, sourceRecord, evidenceRecord, disputeRecord, disputeResponseRecord }).find(([, r]) => r === d.record)![0]}`));
      }
  });

  it('the patch maps are the declared fields by API name, less a named few', () => {
    expect(Object.values(CLAIM_UPDATABLE).sort()).toEqual(columnsOf(claimRecord).filter((c) => !(CLAIM_NOT_PATCHED as readonly string[]).includes(c)).sort());
    expect(CLAIM_UPDATABLE).toMatchObject({ claimedAt: 'claimed_at', overrideP: 'override_p', qtyAsOf: 'qty_as_of', reviewUrl: 'review_url' });
    expect(Object.keys(apiColumns(sourceRecord, SOURCE_NOT_PATCHED)).sort()).toEqual(
      ['title', 'url', 'publisher', 'authors', 'publishedAt', 'accessedAt', 'kind', 'reliability', 'doi', 'notes', 'fileSha256', 'csl', 'speaksFor'].sort(),
    );
  });

  it("the contract's derived fields enforce exactly the declared limit, nullability and values", () => {
    for (const d of DERIVED)
      for (const [method, names] of Object.entries(d.contract)) {
        const shape = shapeOf(method);
        for (const name of names) {
          const decl = (d.record as RecordDecl).fields[snake(name)]!;
          const schema = shape[name]!;
          const where = `${method}.${name}`;
          expect(schema, where).toBeDefined();
          if (decl.values) {
            expect(verdict(schema, 'no such value'), where).toBe(`must be one of: ${decl.values.join(', ')}`);
            expect(verdict(schema, decl.values[0]), where).toBe('ok');
          } else {
            const max = decl.max ?? 200_000;
            expect(verdict(schema, 'x'.repeat(max)), where).toBe('ok');
            expect(verdict(schema, 'x'.repeat(max + 1)), where).toBe(`must be at most ${max} characters`);
          }
          expect(verdict(schema, null) === 'ok', `${where} takes null`).toBe(decl.nullable);
        }
      }
  });

  it('the transfer and domain shapes are typed by the declarations', () => {
    expectTypeOf<ClaimFields['claimedAt']>().toEqualTypeOf<RowOf<typeof claimRecord>['claimed_at']>();
    expectTypeOf<ClaimFields['status']>().toEqualTypeOf<RowOf<typeof claimRecord>['status']>();
    expectTypeOf<ClaimFields['reviewUrl']>().toEqualTypeOf<RowOf<typeof claimRecord>['review_url'] | undefined>();
    expectTypeOf<SourceFields['fileSha256']>().toEqualTypeOf<RowOf<typeof sourceRecord>['file_sha256']>();
    expectTypeOf<EvidenceFields['credibility']>().toEqualTypeOf<RowOf<typeof evidenceRecord>['credibility']>();
    expectTypeOf<DisputeFields>().toEqualTypeOf<
      ApiShape<typeof disputeRecord, 'raised_by' | 'position' | 'opened_at' | 'status' | 'resolution' | 'resolved_at'>
    >();
  });
});

describe('a field added to the claim declaration reaches every derived shape', () => {
  const claimWithNote = declare({ ...claimRecord, fields: { ...claimRecord.fields, confidence_note: f.optionalText({ label: 'confidence note', max: 2000 }) } });

  it('the INSERT and UPDATE column lists', () => {
    expect(insertSql(claimWithNote, { id: 'c1', text: 'x', confidence_note: 'n' }).text).toBe('INSERT INTO claims (id, text, confidence_note) VALUES (?, ?, ?)');
    expect(updateSql(claimWithNote, 7, { confidence_note: 'n', updated_at: 't' }).text).toBe('UPDATE claims SET updated_at = ?, confidence_note = ? WHERE rowid = ?');
    expect(() => insertSql(claimRecord, { confidence_note: 'n' } as never)).toThrow(/not an allowed identifier: confidence_note/);
  });

  it('the patch map and the contract field', () => {
    expect(apiColumns(claimWithNote, CLAIM_NOT_PATCHED)).toMatchObject({ confidenceNote: 'confidence_note' });
    const { confidenceNote } = inputFields(claimWithNote, ['confidence_note']);
    expect(verdict(confidenceNote, null)).toBe('ok');
    expect(verdict(confidenceNote, 'x'.repeat(2001))).toBe('must be at most 2000 characters');
  });

  it('the transfer shape type', () => {
    expectTypeOf<ApiShape<typeof claimWithNote, 'confidence_note'>>().toEqualTypeOf<{ confidenceNote: string | null }>();
  });
});

it('lists every derived record (the README names the same)', () => {
  expect(DERIVED.map((d) => d.record.entity)).toEqual(['claim', 'source', 'evidence', 'dispute', 'dispute response']);
});
