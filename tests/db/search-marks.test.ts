/** Snippets of long texts made without FTS5 (documents search): where the query's words stand as typed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../core/search/parse';
import { formCandidates, plainWords, splitHighlight, writtenSnippet } from '../../db/search-marks';
import { stress } from '../helpers';

const snip = (text: string, q: string) => {
  const s = writtenSnippet(text, parseQuery(q).clauses);
  return s === null ? null : splitHighlight(s);
};
const marks = (text: string, q: string) => snip(text, q)?.filter((s) => s.match).map((s) => s.text) ?? null;

describe('writtenSnippet', () => {
  const text = `${'Lead words here. '.repeat(20)}The Tariff on turbines was set; tariffs rose.\nA second turbine line. ${'Tail words there. '.repeat(20)}`;

  it('cuts around the first place a word stands, at spaces, and marks every place it stands in the cut', () => {
    const s = snip(text, 'tariff')!;
    const plain = s.map((x) => x.text).join('');
    expect(plain.startsWith('…')).toBe(true);
    expect(plain.endsWith('…')).toBe(true);
    expect(plain).toContain('The Tariff on turbines was set; tariffs rose. A second turbine line.');
    expect(plain.length).toBeLessThan(300);
    // Whole words only: "tariffs" is another form (FTS5 would mark it; this does not claim it).
    expect(marks(text, 'tariff')).toEqual(['Tariff']);
    expect(marks(text, 'tariff turbine')).toEqual(['Tariff', 'turbine']);
    expect(marks(text, 'tariff*')).toEqual(['Tariff', 'tariffs']);
    expect(marks(text, '"second turbine"')).toEqual(['second turbine']);
    expect(marks(text, '"rose. A second"')).toEqual(['rose. A second']);
    expect(marks(text, 'turbines OR nothing')).toEqual(['turbines']);
  });

  it('gives up (null: FTS5 makes the snippet) when a clause stands in the text only in another form', () => {
    expect(snip(text, 'turbin')).toBeNull();
    expect(snip(text, 'tariff cranes')).toBeNull();
    expect(snip('Le café de Zürich', 'cafe')).toBeNull();
    expect(snip(text, 'cranes OR tariff')).not.toBeNull();
  });

  it('marks the other forms it is given for a plain word (what the index takes for it)', () => {
    const [[t]] = parseQuery('turbine').clauses as [[import('../../core/search/parse').Term]];
    const s = writtenSnippet(text, [[t!]], { forms: new Map([[t!, ['turbines']]]) });
    expect(splitHighlight(s!).filter((x) => x.match).map((x) => x.text)).toEqual(['turbines', 'turbine']);
    expect(formCandidates([text], [t!])).toEqual(new Set(['turbines', 'turbine']));
    expect(plainWords(parseQuery('turbine tariff* "a b" 6mn').clauses).map((x) => x.text)).toEqual(['turbine']);
  });

  it('regex characters in the query are plain text; an amount is marked in its written forms', () => {
    expect(marks('It cost USD6mn (about $6 million) [sic].', '6mn')).toEqual(['USD6mn', '6 million']);
    expect(snip('a+b (c)', '"a+b"')).not.toBeNull();
    expect(snip('plain text', '"(.*)"')).toBeNull();
  });

  it('property: the cut is the text (spaces folded) and every mark is a query word as it stands', () => {
    const WORDS = ['harbour', 'crane', 'Crane', 'ship', 'ships', 'tanker', 'dock', 'quay'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 300 }), fc.array(fc.constantFrom(' ', '\n', ', '), { minLength: 1 }), fc.constantFrom(...WORDS), (words, seps, q) => {
        const text = words.map((w, i) => w + seps[i % seps.length]).join('');
        const s = snip(text, q);
        const present = words.some((w) => w.toLowerCase() === q.toLowerCase());
        expect(s !== null).toBe(present);
        if (!s) return;
        const plain = s.map((x) => x.text).join('').replace(/^…|…$/g, '');
        expect(text.replace(/\s+/g, ' ')).toContain(plain);
        const m = s.filter((x) => x.match);
        expect(m.length).toBeGreaterThan(0);
        for (const x of m) expect(x.text.toLowerCase()).toBe(q.toLowerCase());
      }),
      { numRuns: stress(300, 5_000) },
    );
  });
});
