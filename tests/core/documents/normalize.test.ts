import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForMatch, normalizeQuote, originalSpan } from '../../../core/documents/normalize';
import { stress } from '../../helpers';

/** Characters the normalization treats specially, mixed with plain letters. */
const PIECES = ['a', 'b', 'Z', 'é', 'e\u0301', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2009', '-', '\u2013', '\u2014', '\u2212',
  '\u00ad', '\u200b', '\ufeff', '\u202e', '\ufb01', '\ufb02', '\u2018', '\u2019', '\u201c', '\u201d', '\u00ab', 'x', '1', '.', ',',
  '\u{1d400}', '😀', '\uff21', '\u00bd', '\u2126'];
const messy = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''));

describe('normalizeForMatch', () => {
  it.each([
    ['infor-\nmation', 'information'],
    ['infor-  \r\n  mation', 'information'],
    ['infor\u00ad\nmation', 'information'],
    ['soft\u00adhyphen', 'softhyphen'],
    ['well-known', 'wellknown'],
    ['well\u2010known', 'wellknown'],
    ['1990\u20132000', '1990-2000'],
    ['yes \u2014 no', 'yes - no'],
    ['a \u00a0\n\t b', 'a b'],
    ['the \ufb01rst \ufb02oor', 'the first floor'],
    ['\u201cquoted\u201d and \u2018single\u2019', '"quoted" and \'single\''],
    ['caf\u0065\u0301', 'caf\u00e9'],
    ['zero\u200bwidth\ufeff', 'zerowidth'],
    ['\uff21\uff22', 'AB'],
    ['end-\n\n2', 'end- 2'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForMatch(input).text).toBe(expected);
  });

  it('maps a match back to the original span', () => {
    const original = 'The \ufb01nal  infor-\nmation was \u201cnew\u201d.';
    const n = normalizeForMatch(original);
    const at = n.text.indexOf('final information');
    expect(at).toBeGreaterThan(0);
    const span = originalSpan(n, at, at + 'final information'.length);
    expect(original.slice(span.start, span.end)).toBe('\ufb01nal  infor-\nmation');
    const q = n.text.indexOf('"new"');
    const s2 = originalSpan(n, q, q + 5);
    expect(original.slice(s2.start, s2.end)).toBe('\u201cnew\u201d');
  });

  it('refuses a span outside the text', () => {
    const n = normalizeForMatch('abc');
    expect(() => originalSpan(n, 2, 5)).toThrow(/outside 0…3/);
    expect(() => originalSpan(n, 1, 1)).toThrow(RangeError);
  });

  it('trims quotes', () => {
    expect(normalizeQuote('  \n“It was  so.”\n')).toBe('"It was so."');
  });

  it('property: the offset map is monotone and inside the input', () => {
    fc.assert(
      fc.property(messy, (s) => {
        const n = normalizeForMatch(s);
        expect(n.starts.length).toBe(n.text.length);
        expect(n.ends.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.starts[i]).toBeGreaterThanOrEqual(0);
          expect(n.ends[i]!).toBeGreaterThan(n.starts[i]!);
          expect(n.ends[i]).toBeLessThanOrEqual(s.length);
          if (i > 0) {
            expect(n.starts[i]!).toBeGreaterThanOrEqual(n.starts[i - 1]!);
            expect(n.ends[i]!).toBeGreaterThanOrEqual(n.ends[i - 1]!);
            // A character never comes from text before the previous one's source ends, unless both share it.
            if (n.starts[i]! !== n.starts[i - 1]!) expect(n.starts[i]!).toBeGreaterThanOrEqual(n.ends[i - 1]!);
          }
        }
      }),
      { numRuns: stress(500, 20_000) },
    );
  });

  it('property: every normalized span round-trips through the original text', () => {
    fc.assert(
      fc.property(messy, fc.nat(), fc.nat(), (s, x, y) => {
        const n = normalizeForMatch(s);
        fc.pre(n.text.length > 0);
        const a = x % n.text.length;
        const b = a + 1 + (y % (n.text.length - a));
        // Spans that cut a surrogate pair in two are not spans of text.
        fc.pre(!/^[\udc00-\udfff]/.test(n.text.slice(a)) && !/[\ud800-\udbff]$/.test(n.text.slice(0, b)));
        const span = originalSpan(n, a, b);
        const again = normalizeForMatch(s.slice(span.start, span.end)).text;
        // A span that cuts an expansion (ﬁ → fi, ½ → 1⁄2) maps to the whole character: it then contains the span.
        const whole = (a === 0 || n.starts[a] !== n.starts[a - 1]) && (b === n.text.length || n.ends[b] !== n.ends[b - 1]);
        if (whole) expect(again).toBe(n.text.slice(a, b));
        else expect(again).toContain(n.text.slice(a, b));
      }),
      { numRuns: stress(1000, 50_000) },
    );
  });

  it('property: normalizing twice changes nothing more', () => {
    fc.assert(
      fc.property(messy, (s) => {
        const once = normalizeForMatch(s).text;
        expect(normalizeForMatch(once).text).toBe(once);
      }),
      { numRuns: stress(500, 20_000) },
    );
  });
});
