/** The pure parts of forgiving search: amounts, script splitting, edit distance and suggestions. */
import { describe, expect, it } from 'vitest';
import { amountForms, readAmount } from '../../../core/search/amounts';
import { parseQuery } from '../../../core/search/parse';
import { splitScripts } from '../../../core/search/scripts';
import { closestStems, editDistance, replaceWords } from '../../../core/search/suggest';

const amount = (q: string) => parseQuery(q).clauses.flat().find((t) => t.amount)?.amount ?? null;

describe('amounts', () => {
  it('reads the ways people write an amount, and leaves bare numbers alone', () => {
    for (const q of ['6mn', 'USD 6mn', '$6 million', '6 million dollars', 'USD6mn', 'US$6m', '6,000,000 USD'])
      expect(amount(q)?.value, q).toBe(6_000_000);
    expect(amount('$6 million')?.unit).toBe('USD');
    expect(amount('6mn')?.unit).toBeNull();
    expect(amount('RMB5bn')).toEqual({ value: 5e9, unit: 'CNY' });
    expect(amount('$5.6 million')?.value).toBeCloseTo(5_600_000);
    for (const q of ['800', '2025', 'H800', 'A100', 'million', 'USD']) expect(amount(q), q).toBeNull();
    expect(readAmount(['6', 'million', 'dollars', 'training'], 0)?.used).toBe(3);
    // Found by the search property in CI: `$0.1` was an amount with no written form, and searched as `()`.
    expect(amount('$0.1')).toEqual({ value: 0.1, unit: 'USD' });
    expect(amountForms({ value: 0.1, unit: 'USD' })).toEqual(expect.arrayContaining(['0.1', 'usd0.1']));
    expect(amount('$0.001')).toBeNull();
  });

  it('lists the written forms text uses, glued currency prefixes included', () => {
    const forms = amountForms({ value: 6e6, unit: 'USD' });
    for (const f of ['6mn', '6 million', '6m', '6,000,000', '6000000', 'usd6mn']) expect(forms).toContain(f);
    expect(forms).not.toContain('cny6mn');
    expect(amountForms({ value: 1.5e9, unit: null })).toEqual(expect.arrayContaining(['1.5bn', '1.5 billion', 'cny1.5bn']));
  });
});

describe('scripts', () => {
  it('cuts words glued to another script and Chinese/Japanese runs into words', () => {
    expect(splitScripts('H800芯片')).toEqual([
      { text: 'H800', cjk: false },
      { text: '芯片', cjk: true },
    ]);
    expect(splitScripts('chips')).toEqual([{ text: 'chips', cjk: false }]);
    const words = splitScripts('模型训练').map((p) => p.text);
    expect(words.join('')).toBe('模型训练');
    expect(words.length).toBeGreaterThanOrEqual(1);
  });

  it('treats AND and NOT as operators, not words', () => {
    const p = parseQuery('chips AND export NOT rumour');
    expect(p.clauses.map((c) => c.map((t) => t.text))).toEqual([['chips'], ['export']]);
    expect(p.excluded.map((t) => t.text)).toEqual(['rumour']);
    expect(parseQuery('"AND"').clauses[0]![0]!.text).toBe('AND'); // quoted: the word itself
  });
});

describe('suggestions', () => {
  it('counts edits with transpositions, capped', () => {
    expect(editDistance('trainng', 'training', 3)).toBe(1);
    expect(editDistance('nvidai', 'nvidia', 3)).toBe(1);
    expect(editDistance('abc', 'xyz123', 2)).toBe(3);
  });

  it('prefers the closest stems, then the most used, and a stem the word starts like', () => {
    const vocab = [
      { term: 'train', docs: 10 },
      { term: 'rain', docs: 50 },
      { term: 'trainer', docs: 1 },
      { term: 'cost', docs: 5 },
    ];
    expect(closestStems('trainng', vocab, 2).map((v) => v.term)).toEqual(['train', 'trainer']);
    expect(closestStems('qqqqzzzz', vocab, 2)).toEqual([]);
    expect(replaceWords('Trainng  cost', new Map([['trainng', 'training']]))).toBe('training cost');
  });
});
