/** `claimtrail search` prints document hits with their capture time and page (issue 13). */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawCaptureSink } from '../../bench/gen/documents';
import type { SearchResult, Source } from '../../core/types';
import { closeCase, openCase } from '../../db/open';
import { get, sql } from '../../db/sql';
import { tempDir } from '../helpers';
import { cli, cliHome } from './run';

let file: string;
let captureId: string;

beforeAll(async () => {
  cliHome();
  file = join(tempDir(), 'docs.claimtrail');
  expect((await cli('init', file)).code).toBe(0);
  const s = (await cli('--case', file, 'source', 'add', '--title', 'Harbour report \u202eevil', '--reliability', 'b', '--json')).json<Source>();
  const h = openCase(file);
  try {
    const rowid = get<{ rowid: number }>(h.db, sql`SELECT rowid FROM sources WHERE id = ${s.id}`)!.rowid;
    const pages = ['Preface.', 'The harbour master logged 40 tankers.', 'Annex: tanker \u001b[31mred\u001b[0m list.'];
    captureId = h.db.transaction(() => rawCaptureSink(h.db).capture(rowid, { pages, capturedAt: '2026-11-02T10:15:30.000Z' }))();
  } finally {
    closeCase(h);
  }
});

describe('claimtrail search: documents', () => {
  it('names the source, the capture time and the page of each document hit, controls made visible', async () => {
    const r = await cli('--case', file, 'search', 'tankers');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^documents \(2\):$/m);
    expect(r.out).toContain(`${captureId}  Harbour report <U+202E>evil (B), captured 2026-11-02 10:15 UTC, page 2 of 3`);
    expect(r.out).toContain('page 3 of 3');
    expect(r.out).toContain('logged 40 «tankers».');
    expect(r.out).not.toContain('\u001b');
    expect(r.out).not.toContain('\u202e');
  });

  it('--json carries the capture of each hit, and in:documents narrows to that group', async () => {
    const r = (await cli('--case', file, 'search', 'harbour', 'in:documents', '--json')).json<SearchResult>();
    expect(r.groups.sources).toEqual([]);
    expect(r.groups.documents).toHaveLength(1);
    expect(r.groups.documents[0]!.capture).toEqual({ captureId, sourceId: expect.any(String), capturedAt: '2026-11-02T10:15:30.000Z', page: 2, pageCount: 3 });
    const all = (await cli('--case', file, 'search', 'harbour', '--json')).json<SearchResult>();
    expect(all.groups.sources).toHaveLength(1);
  });
});
