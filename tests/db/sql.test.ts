import { describe, expect, it } from 'vitest';
import { all, cachedStatements, get, join, list, MAX_CACHED_STATEMENTS, run, sql, statementFor, trustedIdentifier } from '../../db/sql';
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

describe('prepared statement cache', () => {
  it('re-uses the statement of the same SQL text, whatever the values, and never shares one between different texts', () => {
    const c = tempCase();
    const db = c.handle.db;
    const a = statementFor(db, sql`SELECT value FROM meta WHERE key = ${'x'}`);
    expect(statementFor(db, sql`SELECT value FROM meta WHERE key = ${'y'}`)).toBe(a);
    // Texts that differ only in a space, a case or a parameter count are different statements.
    const others = [
      sql`SELECT value FROM meta WHERE key  = ${'x'}`,
      sql`select value FROM meta WHERE key = ${'x'}`,
      sql`SELECT value FROM meta WHERE key IN ${list(['x'])}`,
      sql`SELECT value FROM meta WHERE key IN ${list(['x', 'y'])}`,
    ].map((q) => statementFor(db, q));
    expect(new Set([a, ...others]).size).toBe(5);
    others.forEach((s, i) => expect(s.source).toBe([
      'SELECT value FROM meta WHERE key  = ?',
      'select value FROM meta WHERE key = ?',
      'SELECT value FROM meta WHERE key IN (?)',
      'SELECT value FROM meta WHERE key IN (?, ?)',
    ][i]));
    // A re-used statement answers for its own values each time.
    run(db, sql`INSERT INTO meta (key, value) VALUES (${'k1'}, ${'one'}), (${'k2'}, ${'two'})`);
    expect(get<{ value: string }>(db, sql`SELECT value FROM meta WHERE key = ${'k1'}`)?.value).toBe('one');
    expect(get<{ value: string }>(db, sql`SELECT value FROM meta WHERE key = ${'k2'}`)?.value).toBe('two');
    expect(statementFor(db, sql`SELECT value FROM meta WHERE key = ${'k2'}`)).toBe(a);
    c.close();
  });

  it('keeps each connection its own statements', () => {
    const [c1, c2] = [tempCase(), tempCase()];
    const q = sql`SELECT count(*) AS n FROM meta`;
    expect(statementFor(c1.handle.db, q)).not.toBe(statementFor(c2.handle.db, q));
    expect(statementFor(c1.handle.db, q).database).toBe(c1.handle.db);
    c1.close();
    c2.close();
  });

  it('is bounded: the least recently used text is dropped first, and a dropped text is prepared again', () => {
    const c = tempCase();
    const db = c.handle.db;
    const first = statementFor(db, sql`SELECT ${0} AS n, 'first' AS t`);
    const kept = statementFor(db, sql`SELECT ${0} AS n, 'kept' AS t`);
    for (let i = 0; i < MAX_CACHED_STATEMENTS; i++) {
      // Using `kept` now and then keeps it among the recent ones.
      if (i % 100 === 0) expect(statementFor(db, sql`SELECT ${1} AS n, 'kept' AS t`)).toBe(kept);
      const name = `c${i}`;
      expect(get(db, sql`SELECT ${i} AS ${trustedIdentifier(name, [name])}`)).toEqual({ [name]: i });
    }
    expect(cachedStatements(db)).toBe(MAX_CACHED_STATEMENTS);
    expect(statementFor(db, sql`SELECT ${0} AS n, 'kept' AS t`)).toBe(kept);
    const again = statementFor(db, sql`SELECT ${0} AS n, 'first' AS t`);
    expect(again).not.toBe(first);
    expect(again.get(7)).toEqual({ n: 7, t: 'first' });
    c.close();
  });
});
