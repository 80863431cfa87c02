/** stemsOf runs words through the index's own tokenizer: its stems agree with what the index finds. */
import { describe, expect, it } from 'vitest';
import { rawCaptureSink } from '../../bench/gen/documents';
import { loadCorpus } from '../../bench/gen/corpus';
import { stemsOf } from '../../db/search-stems';
import { all, sql } from '../../db/sql';
import { tempCase } from '../helpers';

describe('stemsOf', () => {
  it('gives the same stem exactly to the words the word index finds for each other', () => {
    const t = tempCase();
    const db = t.handle.db;
    // Word families from the LIAR statements (words sharing their first 5 letters), one page a word.
    const words = loadCorpus().words.filter((w) => /^[a-z]{6,}$/.test(w));
    const families = new Map<string, string[]>();
    for (const w of words) families.set(w.slice(0, 5), [...(families.get(w.slice(0, 5)) ?? []), w]);
    const chosen = [...families.values()].filter((f) => f.length >= 3).slice(0, 40).flat();
    const src = t.api.invoke('sources.create', { title: 'Words', reliability: 'C' });
    const rowid = db.prepare('SELECT rowid FROM sources WHERE id = ?').pluck().get(src.id) as number;
    db.transaction(() => rawCaptureSink(db).capture(rowid, { pages: chosen, capturedAt: '2026-11-01T00:00:00.000Z' }))();
    const stems = stemsOf(db, 'capture_pages_fts', chosen)!;
    expect(stems.get('filibusters') ?? stemsOf(db, 'capture_pages_fts', ['filibusters'])!.get('filibusters')).toBe('filibust');
    let pairs = 0;
    for (const q of chosen) {
      const found = all<{ text: string }>(db, sql`SELECT p.text FROM capture_pages_fts f JOIN capture_pages p ON p.rowid = f.rowid WHERE capture_pages_fts MATCH ${`"${q}"`}`).map((r) => r.text);
      const same = chosen.filter((w) => stems.get(w) === stems.get(q));
      expect(found.sort(), q).toEqual(same.sort());
      pairs += same.length;
    }
    expect(pairs).toBeGreaterThan(chosen.length); // some words do share stems
    t.close();
  });
});
