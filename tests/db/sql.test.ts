import { describe, expect, it } from 'vitest';
import { all, get, join, list, run, sql, trustedIdentifier } from '../../db/sql';
import { tempCase } from '../helpers';

describe('sql tagged template', () => {
  it('turns every interpolation into a bound parameter', () => {
    const evil = "x'); DROP TABLE claims; --";
    const q = sql`SELECT * FROM claims WHERE text = ${evil} AND prior > ${0.2}`;
    expect(q.text).toBe('SELECT * FROM claims WHERE text = ? AND prior > ?');
    expect(q.values).toEqual([evil, 0.2]);
  });

  it('composes fragments and keeps their parameters in order', () => {
    const a = sql`a = ${1}`;
    const b = sql`b = ${'two'}`;
    const q = sql`SELECT 1 WHERE ${join([a, b], ' AND ')} AND c IN ${list([3, 4])}`;
    expect(q.text).toBe('SELECT 1 WHERE a = ? AND b = ? AND c IN (?, ?)');
    expect(q.values).toEqual([1, 'two', 3, 4]);
    expect(list([]).text).toBe('(NULL)');
  });

  it('maps undefined to NULL and booleans to 0/1', () => {
    expect(sql`${undefined} ${true} ${false}`.values).toEqual([null, 1, 0]);
  });

  it('only accepts identifiers from the allowlist and plain keyword separators', () => {
    expect(trustedIdentifier('text', ['text', 'claimant']).text).toBe('text');
    expect(() => trustedIdentifier('text; DROP TABLE x' as 'text', ['text'])).toThrow(/not an allowed identifier/);
    expect(() => join([], "'; --")).toThrow();
  });

  it('runs against a real case: hostile text is stored verbatim', () => {
    const c = tempCase();
    const evil = "'); DELETE FROM claims; --";
    run(c.handle.db, sql`INSERT INTO meta (key, value) VALUES (${'probe'}, ${evil})`);
    expect(get<{ value: string }>(c.handle.db, sql`SELECT value FROM meta WHERE key = ${'probe'}`)?.value).toBe(evil);
    expect(get<{ n: number }>(c.handle.db, sql`SELECT count(*) AS n FROM meta WHERE key = ${'probe'}`)?.n).toBe(1);
    expect(all(c.handle.db, sql`SELECT key FROM meta WHERE key IN ${list(['probe', 'none'])}`)).toHaveLength(1);
    c.close();
  });
});
