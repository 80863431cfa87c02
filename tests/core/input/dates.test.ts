/** Dates typed the way people write them, read into ISO (core/input/dates.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, describeIsoDate, parseDate } from '../../../core/input/dates';
import { stress } from '../../helpers';

const RUNS = stress(500, 20_000);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A real calendar date (year 1000–9999). */
const dateArb = fc
  .record({ y: fc.integer({ min: 1000, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));
const isoOf = ({ y, m, d }: { y: number; m: number; d: number }) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

const iso = (s: string) => {
  const r = parseDate(s);
  return r.ok ? r.iso : `refused: ${r.message}`;
};

describe('parseDate', () => {
  it('reads the forms people write', () => {
    const cases: [string, string][] = [
      ['28 Jan 2025', '2025-01-28'],
      ['28 January 2025', '2025-01-28'],
      ['28th Jan. 2025', '2025-01-28'],
      ['28-Jan-2025', '2025-01-28'],
      ['Jan 28, 2025', '2025-01-28'],
      ['January 28th 2025', '2025-01-28'],
      ['sept 3, 2024', '2024-09-03'],
      ['28/01/2025', '2025-01-28'],
      ['28.01.2025', '2025-01-28'],
      ['03/04/2025', '2025-04-03'],
      ['2025/01/28', '2025-01-28'],
      ['2025-1-5', '2025-01-05'],
      ['2025-01', '2025-01'],
      ['January 2025', '2025-01'],
      ['Jan 2025', '2025-01'],
      ['01/2025', '2025-01'],
      ['2025', '2025'],
      ['  29 Feb 2024 ', '2024-02-29'],
      ['２０２５-０１-２８', '2025-01-28'],
    ];
    for (const [typed, want] of cases) expect(iso(typed), typed).toBe(want);
  });

  it('refuses what it would have to guess, saying why', () => {
    expect(iso('29 Feb 2025')).toBe('refused: February 2025 has no day 29 (it has 28 days)');
    expect(iso('01/28/2025')).toBe('refused: there is no month 28 (months are 1 to 12)');
    expect(iso('28/01/25')).toMatch(/year in full/);
    expect(iso('2025-13')).toMatch(/no month 13/);
    expect(iso('yesterday')).toMatch(/not a date I can read; write it like 28 Jan 2025/);
    expect(iso('32 Jan 2025')).toMatch(/has no day 32/);
    expect(iso('28 Janvier 2025')).toMatch(/not a date/);
    expect(iso('')).toBe('refused: is empty');
  });

  it('property: ISO in → the same ISO out, at every precision', () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(4, 7, 10), (d, len) => {
        const s = isoOf(d).slice(0, len);
        expect(iso(s)).toBe(s);
      }),
      { numRuns: RUNS },
    );
  });

  it('property: the same date written as people write it reads back as its ISO', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 5 }), (d, style) => {
        const name = MONTHS[d.m - 1]!;
        const written = [
          `${d.d} ${name} ${d.y}`,
          `${d.d} ${name.slice(0, 3)} ${d.y}`,
          `${name} ${d.d}, ${d.y}`,
          `${name.slice(0, 3)} ${d.d} ${d.y}`,
          `${pad(d.d)}/${pad(d.m)}/${d.y}`,
          `${d.d}.${d.m}.${d.y}`,
        ][style]!;
        expect(iso(written)).toBe(isoOf(d));
      }),
      { numRuns: RUNS },
    );
  });

  it('describes an ISO date in words', () => {
    expect(describeIsoDate('2025-01-28')).toBe('28 January 2025');
    expect(describeIsoDate('2025-01')).toBe('January 2025');
    expect(describeIsoDate('2025')).toBe('2025');
  });
});
