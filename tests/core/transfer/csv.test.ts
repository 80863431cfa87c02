import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecord, DelimitedError, FORMULA_TRIGGERS, neutralize, readDelimited, unneutralize } from '../../../core/transfer/csv';
import { decodeBytes } from '../../../core/transfer/decode';
import { stress } from '../../helpers';

const read = (text: string, quoted = true, delimiter = ',') => [...readDelimited(text, { delimiter, quoted })];

describe('RFC 4180 reader', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and names the line each record starts on', () => {
    const rows = read('a,b,c\r\n"x, y","he said ""hi""","two\nlines"\r\nlast,,\n');
    expect(rows.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'he said "hi"', 'two\nlines'],
      ['last', '', ''],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('names the line of an unterminated quote and of text after a closing quote', () => {
    expect(() => read('a\n"open\nstill open')).toThrow(DelimitedError);
    try {
      read('a\nb\n"open\nstill');
    } catch (e) {
      expect((e as DelimitedError).line).toBe(3);
    }
    expect(() => read('"x"y,z')).toThrow(/after a closing quote/);
  });

  it('TSV mode treats quotes literally, one record per line', () => {
    const rows = read('1\tHe said "no\tway\n2\t"quoted"\r\n', false, '\t');
    expect(rows.map((r) => r.fields)).toEqual([
      ['1', 'He said "no', 'way'],
      ['2', '"quoted"'],
    ]);
  });

  it('writes what it reads back, for any cells (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom("'=x", '=1', "''+", '-2', '@a', '\tt', '\rr', '"')), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (table) => {
        const width = table[0]!.length;
        const rows = table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
        const text = rows.map((r) => csvRecord(r)).join('');
        const back = read(text).map((r) => r.fields.map(unneutralize));
        const expected = rows.filter((r) => !(r.length === 1 && r[0] === '')).map((r) => r.map((c) => c));
        expect(back).toEqual(expected);
      }),
      { numRuns: stress(200, 5_000) },
    );
  });
});

describe('formula neutralization', () => {
  it('neutralizes every trigger character and nothing else', () => {
    for (const t of FORMULA_TRIGGERS) {
      expect(neutralize(`${t}SUM(A1)`)).toBe(`'${t}SUM(A1)`);
      expect(unneutralize(neutralize(`${t}1+1`))).toBe(`${t}1+1`);
    }
    expect(neutralize('plain')).toBe('plain');
    expect(neutralize("'quoted")).toBe("'quoted");
    expect(unneutralize(neutralize("'=already"))).toBe("'=already");
  });
});

describe('decoding', () => {
  it('accepts UTF-8 with or without BOM and UTF-16 with BOM; refuses invalid UTF-8 naming the line', () => {
    const enc = new TextEncoder();
    expect(decodeBytes(enc.encode('héllo'))).toMatchObject({ ok: true, text: 'héllo' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('x')]))).toMatchObject({ ok: true, text: 'x' });
    const le = new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00]);
    expect(decodeBytes(le)).toMatchObject({ ok: true, text: 'hé' });
    const bad = decodeBytes(new Uint8Array([...enc.encode('a\nb\n'), 0xc3, 0x28]));
    expect(bad).toMatchObject({ ok: false, line: 3 });
    expect(decodeBytes(new Uint8Array([0xed, 0xa0, 0x80]))).toMatchObject({ ok: false });
    expect(decodeBytes(new Uint8Array([0xf0, 0x9f, 0x98]))).toMatchObject({ ok: false });
  });
});
