/**
 * The streaming JSON import (docs/performance.md, "Streaming import"): a generated file of thousands
 * of records gives exactly the case the whole-file reader gives, read in chunks of any size, and a bad
 * record or a syntax error in the middle leaves the case as it was (real SQLite files).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildScaleCase } from '../../../bench/gen/cache';
import { parseImport } from '../../../core/transfer/parse';
import type { CaseApi } from '../../../db/api';
import { createApi } from '../../../db/api';
import { closeCase, openCase } from '../../../db/open';
import { applyImport } from '../../../db/transfer/apply';
import { fileTextChunks } from '../../../db/transfer/file-text';
import { unit, createCtx } from '../../../db/service/context';
import { tempCase, tempDir } from '../../helpers';

/** Everything but the export time: equal content means an equal case. */
function content(api: CaseApi): unknown {
  const { exportedAt: _t, signedHead: _s, ...rest } = JSON.parse(api.invoke('transfer.export', { format: 'json' }).content) as Record<string, unknown>;
  return rest;
}

const counts = (api: CaseApi) => api.invoke('case.info', {}).counts;

let file = '';
let text = '';

beforeAll(() => {
  // The bench's generator at 3,000 claims: 15,000 evidence items, 600 sources with lineage, disputes.
  const dir = tempDir();
  const path = join(dir, 'gen.claimtrail');
  buildScaleCase(path, 0.03);
  const h = openCase(path);
  try {
    text = createApi(h.db).invoke('transfer.export', { format: 'json' }).content;
  } finally {
    closeCase(h);
  }
  file = join(dir, 'gen.json');
  writeFileSync(file, text);
}, 120_000);

describe('streaming JSON import', () => {
  it('gives the case the whole-file reader gives (exported JSON equal), from the text and from the file in odd-sized chunks', () => {
    // The reader before streaming: the whole text parsed into a bundle, then written.
    const whole = tempCase({ name: 'whole.claimtrail' });
    const parsed = parseImport({ format: 'json', content: text, fileName: 'gen.json' });
    expect(parsed.records).toBeGreaterThan(18_000);
    const w = unit(createCtx(whole.handle.db, { actor: 'tester' }), 'transfer.import', () =>
      applyImport(createCtx(whole.handle.db, { actor: 'tester' }), parsed, { dryRun: false, fileName: 'gen.json' }),
    );
    expect(w.errors).toEqual([]);

    const viaText = tempCase({ name: 'text.claimtrail' });
    const t = viaText.api.invoke('transfer.import', { format: 'json', content: text, fileName: 'gen.json' });
    expect(t.errors).toEqual([]);
    expect(t.counts).toEqual(w.counts);

    const viaFile = tempCase({ name: 'file.claimtrail' });
    const f = viaFile.api.streamImport({ chunks: fileTextChunks(file, file, 997), fileName: 'gen.json', dryRun: false });
    expect(f.counts).toEqual(w.counts);

    const expected = content(whole.api);
    expect(content(viaText.api)).toEqual(expected);
    expect(content(viaFile.api)).toEqual(expected);
    expect((expected as { evidence: unknown[] }).evidence.length).toBe(w.counts.evidence);
    for (const x of [viaText, viaFile]) expect(x.api.invoke('history.verify', {}).ok).toBe(true);
  }, 120_000);

  it('the dry run streams too: exact counts, nothing written', () => {
    const c = tempCase({ sample: true });
    const before = { counts: counts(c.api), content: content(c.api) };
    const r = c.api.streamImport({ chunks: fileTextChunks(file, file, 4096), fileName: 'gen.json', dryRun: true });
    expect(r.ok).toBe(true);
    expect(r.counts.evidence).toBeGreaterThan(10_000);
    expect({ counts: counts(c.api), content: content(c.api) }).toEqual(before);
  }, 60_000);

  it('a malformed record in the middle refuses the whole file by record and field; the case is unchanged', () => {
    const c = tempCase({ sample: true });
    const before = { counts: counts(c.api), content: content(c.api) };
    const doc = JSON.parse(text) as { evidence: Record<string, unknown>[] };
    const mid = Math.floor(doc.evidence.length / 2);
    doc.evidence[mid]!.stance = 'maybe';
    const bad = JSON.stringify(doc, null, 2);
    for (const run of [
      () => c.api.invoke('transfer.import', { format: 'json', content: bad, fileName: 'bad.json' }),
      () => {
        const path = join(tempDir(), 'bad.json');
        writeFileSync(path, bad);
        return c.api.streamImport({ chunks: fileTextChunks(path, path, 65_536), fileName: 'bad.json', dryRun: false });
      },
    ]) {
      const r = run();
      expect(r.ok).toBe(false);
      expect(r.errors).toEqual([expect.objectContaining({ file: 'bad.json', record: `evidence[${mid}]`, field: 'stance' })]);
      expect(r.counts.claims).toBe(0);
      expect({ counts: counts(c.api), content: content(c.api) }).toEqual(before);
    }
    expect(c.api.invoke('history.verify', {}).ok).toBe(true);
  }, 60_000);

  it('a syntax error in the middle is refused with its line, after records were already written; the case is unchanged', () => {
    const c = tempCase({ sample: true });
    const before = { counts: counts(c.api), content: content(c.api) };
    const lines = text.split('\n');
    const at = Math.floor(lines.length * 0.6);
    const i = lines.findIndex((l, k) => k >= at && /"excerpt": "/.test(l));
    lines[i] = lines[i]!.replace('"excerpt": "', '"excerpt": ');
    const r = c.api.invoke('transfer.import', { format: 'json', content: lines.join('\n'), fileName: 'cut.json' });
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(1);
    // The line of the error (or, where JSON.parse names no position, of the record it is in) and the record.
    // Only evidence items have an excerpt: the items before line i are those with one above it.
    const k = lines.slice(0, i).filter((l) => /"excerpt": "/.test(l)).length;
    const e = r.errors[0]!;
    expect(e).toMatchObject({ file: 'cut.json', field: 'file', record: `evidence[${k}]`, message: expect.stringMatching(/^is not valid JSON/) });
    expect(e.line).toBeGreaterThan(i + 1 - 12);
    expect(e.line).toBeLessThanOrEqual(i + 1);
    expect({ counts: counts(c.api), content: content(c.api) }).toEqual(before);
    // Cut short: the same.
    const cut = c.api.invoke('transfer.import', { format: 'json', content: text.slice(0, Math.floor(text.length / 2)), fileName: 'cut.json' });
    expect(cut.errors).toEqual([expect.objectContaining({ field: 'file', message: expect.stringMatching(/cut short/) })]);
    expect({ counts: counts(c.api), content: content(c.api) }).toEqual(before);
  }, 60_000);

  it('sections in any order, and "format" after them, read as the whole-file reader reads them', () => {
    const doc = JSON.parse(text) as Record<string, unknown>;
    const { format, version, ...rest } = doc;
    const reordered = JSON.stringify({ evidence: rest.evidence, disputes: rest.disputes, claims: rest.claims, sources: rest.sources, case: rest.case, version, format });
    const a = tempCase({ name: 'a.claimtrail' });
    const r = a.api.invoke('transfer.import', { format: 'json', content: reordered, fileName: 'x.json' });
    expect(r.errors).toEqual([]);
    const b = tempCase({ name: 'b.claimtrail' });
    b.api.invoke('transfer.import', { format: 'json', content: text, fileName: 'x.json' });
    expect(content(a.api)).toEqual(content(b.api));
  }, 60_000);
});
