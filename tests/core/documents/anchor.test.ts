import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorQuote, bestAlignment, CLOSE_THRESHOLD, pageAt, prepareDocument, selectorsFor } from '../../../core/documents/anchor';
import { normalizeQuote } from '../../../core/documents/normalize';
import { deepseekSample } from '../../../core/sample/deepseek';
import { stress } from '../../helpers';

const SEED = '/work/shared/seed';
const brief = readFileSync(join(SEED, readdirSync(SEED).find((f) => f.endsWith('.txt'))!), 'utf8');

/** The brief as a PDF extractor might give it: lines wrapped at 60 columns with hyphenated words, ligatures, straight quotes. */
function asExtracted(text: string): string {
  let out = '';
  let col = 0;
  for (const word of text.split(/ +/)) {
    if (col + word.length > 60 && /^\p{L}{6}/u.test(word) && !word.includes('\n')) {
      const cut = 3;
      out += `${word.slice(0, cut)}-\n${word.slice(cut)} `;
      col = word.length - cut + 1;
    } else {
      out += `${word} `;
      col = word.includes('\n') ? word.length - word.lastIndexOf('\n') : col + word.length + 1;
    }
  }
  return out.replace(/fi/g, '\ufb01').replace(/’/g, "'").replace(/ — /g, ' \u2014\u00a0');
}

describe('anchorQuote', () => {
  it('anchors every quote of the sample case exact in the brief, with selectors in the original text', () => {
    const doc = prepareDocument(brief);
    expect(deepseekSample.evidence.length).toBeGreaterThan(5);
    for (const e of deepseekSample.evidence.filter((x) => x.excerpt)) {
      const r = anchorQuote(doc, e.excerpt);
      expect(r.status, e.excerpt).toBe('exact');
      expect(r.score).toBe(1);
      expect(r.selectors!.exact).toBe(e.excerpt);
      expect(brief.slice(r.selectors!.start, r.selectors!.end)).toBe(e.excerpt);
      expect(brief.slice(0, r.selectors!.start).endsWith(r.selectors!.prefix)).toBe(true);
      expect(r.selectors!.page).toBe(1);
    }
  });

  it('anchors them exact in a re-wrapped, hyphenated, ligatured copy and returns the copy’s own text', () => {
    const extracted = asExtracted(brief);
    expect(extracted).toContain('-\n');
    expect(extracted).toContain('\ufb01');
    const doc = prepareDocument(extracted);
    for (const e of deepseekSample.evidence.filter((x) => x.excerpt)) {
      const r = anchorQuote(doc, e.excerpt);
      expect(r.status, e.excerpt).toBe('exact');
      expect(extracted.slice(r.selectors!.start, r.selectors!.end)).toBe(r.selectors!.exact);
    }
  });

  it('one changed word: close, with a score between the threshold and 1, and the passage as it now reads', () => {
    const quote = deepseekSample.evidence[0]!.excerpt;
    const changed = brief.replace(quote, quote.replace('Nvidia H800 chips', 'Nvidia H100 chips').replace('mathematical', 'mathematic'));
    const r = anchorQuote(prepareDocument(changed), quote);
    expect(r.status).toBe('close');
    expect(r.score).toBeGreaterThanOrEqual(CLOSE_THRESHOLD);
    expect(r.score).toBeLessThan(1);
    expect(r.selectors!.exact).toContain('H100');
    expect(r.selectors!.exact.startsWith('According to DeepSeek')).toBe(true);
    expect(r.selectors!.exact.endsWith('chips.')).toBe(true);
  });

  it('a close passage keeps its punctuation at the ends of the document', () => {
    const r = anchorQuote(prepareDocument('“Officials said the closure was ordered after the gale warning.”'), 'Officials said the closure was ordered after the storm warning.');
    expect(r.status).toBe('close');
    expect(r.selectors!.exact).toBe('Officials said the closure was ordered after the gale warning.');
  });

  it('a removed paragraph: not found, with the best score seen below the threshold', () => {
    const quote = deepseekSample.evidence[0]!.excerpt;
    const paragraph = brief.split('\n').find((p) => p.includes(quote))!;
    const r = anchorQuote(prepareDocument(brief.replace(paragraph, '')), quote);
    expect(r.status).toBe('not-found');
    expect(r.selectors).toBeNull();
    expect(r.score).toBeLessThan(CLOSE_THRESHOLD);
  });

  it('a quote with no word in the document and an empty quote are not found', () => {
    const doc = prepareDocument(brief);
    expect(anchorQuote(doc, 'zzyzx qwerty').status).toBe('not-found');
    expect(anchorQuote(doc, ' \n ').status).toBe('not-found');
    expect(anchorQuote(prepareDocument(''), 'anything').status).toBe('not-found');
  });

  it('several exact hits: the stored prefix/suffix and position choose', () => {
    const text = 'Alpha said the figure is wrong. Beta said the figure is wrong. Gamma said the figure is wrong.';
    const doc = prepareDocument(text);
    const plain = anchorQuote(doc, 'the figure is wrong');
    expect(plain.selectors!.prefix.endsWith('Alpha said ')).toBe(true);
    const second = text.indexOf('Beta said') + 'Beta said '.length;
    const byContext = anchorQuote(doc, 'the figure is wrong', { prefix: 'Beta said ', suffix: '. Gamma' });
    expect(byContext.selectors!.start).toBe(second);
    const third = text.lastIndexOf('the figure');
    expect(anchorQuote(doc, 'the figure is wrong', { start: third }).selectors!.start).toBe(third);
  });

  it('prefers a hit of whole words to one inside a word, even against the position hint', () => {
    const text = 'The shipping lanes were closed. Every ship waited.';
    const r = anchorQuote(prepareDocument(text), 'ship', { start: text.indexOf('shipping') });
    expect(r.selectors!.start).toBe(text.indexOf('ship waited'));
    expect(anchorQuote(prepareDocument('The shipping lanes.'), 'ship').status).toBe('exact');
  });

  it('gives the page the quote starts on', () => {
    const pages = ['First page text about nothing much.', 'Second page: the quote lives here.', 'Third.'];
    const text = pages.join('\n\n');
    const starts = [0, pages[0]!.length + 2, pages[0]!.length + pages[1]!.length + 4];
    const r = anchorQuote(prepareDocument(text, starts), 'the quote lives here');
    expect(r.selectors!.page).toBe(2);
    expect(pageAt(starts, 0)).toBe(1);
    expect(pageAt(starts, starts[2]!)).toBe(3);
    expect(pageAt(starts, starts[2]! - 1)).toBe(2);
  });

  it('stays correct on a 300-page document (the quote near the end, changed)', () => {
    const page = brief.slice(0, 3000);
    const pages = Array.from({ length: 300 }, (_, i) => `Page ${i + 1}. ${page}`);
    const quote = 'The regulator confirmed on Tuesday that the merger review would take another nine months at least.';
    pages[287] += ` ${quote.replace('nine', 'eight')}`;
    const starts: number[] = [];
    let at = 0;
    for (const p of pages) {
      starts.push(at);
      at += p.length + 2;
    }
    const doc = prepareDocument(pages.join('\n\n'), starts);
    const r = anchorQuote(doc, quote);
    expect(r.status).toBe('close');
    expect(r.selectors!.page).toBe(288);
    expect(anchorQuote(doc, deepseekSample.evidence[1]!.excerpt).status).toBe('exact');
  });
});

describe('anchorQuote, property', () => {
  const PIECES = ['port', 'ship', 'the ', ' ', '\n', '-\n', '\u00ad', '\ufb01', '\u2019', '\u201c', '\u2014', 'é', 'e\u0301', '.', '7', 'Zoë '];
  const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 80 }).map((a) => a.join(''));
  // Quotes as analysts take them: whole words (from and to white space), not ending on a line-end hyphen.
  it('any span of whole words of a document, quoted, anchors exact on text that reads the same', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (doc, x, y) => {
        const a = x % doc.length;
        const b = a + 1 + (y % (doc.length - a));
        const quote = doc.slice(a, b);
        const edge = (i: number) => i <= 0 || i >= doc.length || /\s/.test(doc[i]!) || /\s/.test(doc[i - 1]!);
        fc.pre(normalizeQuote(quote).length > 0 && edge(a) && edge(b) && !/[-\u00ad\u2014]\s*$/.test(quote));
        const r = anchorQuote(prepareDocument(doc), quote);
        expect(r.status).toBe('exact');
        const s = r.selectors!;
        expect(doc.slice(s.start, s.end)).toBe(s.exact);
        expect(normalizeQuote(s.exact)).toBe(normalizeQuote(quote));
      }),
      { numRuns: stress(500, 20_000) },
    );
  });
});

describe('selectorsFor', () => {
  it('keeps 32 characters of context and never cuts a surrogate pair', () => {
    const text = `${'x'.repeat(31)}😀QUOTE😀${'y'.repeat(40)}`;
    const start = text.indexOf('QUOTE');
    const s = selectorsFor({ text, pageStarts: [0] }, start, start + 5);
    expect(s.exact).toBe('QUOTE');
    expect(s.prefix).toBe(`${'x'.repeat(31)}😀`.slice(1));
    expect(s.suffix.length).toBeLessThanOrEqual(32);
    expect(s.suffix.startsWith('😀')).toBe(true);
    const cut = selectorsFor({ text: `ab${'😀'.repeat(20)}Q`, pageStarts: [0] }, 42, 43);
    expect(/^[\udc00-\udfff]/.test(cut.prefix)).toBe(false);
  });

  it('refuses a span outside the text', () => {
    expect(() => selectorsFor({ text: 'abc', pageStarts: [0] }, 2, 9)).toThrow(/not inside the text/);
    expect(() => selectorsFor({ text: 'abc', pageStarts: [0] }, 2, 2)).toThrow(RangeError);
  });
});

describe('bestAlignment', () => {
  const c = (s: string) => Array.from(s, (ch) => ch.charCodeAt(0));
  it('finds the best stretch with free ends', () => {
    const text = 'xxxx the quick brown fox yyyy';
    expect(bestAlignment(c('quick brown'), c(text))).toEqual({ distance: 0, start: text.indexOf('quick'), end: text.indexOf(' fox') });
    const a = bestAlignment(c('quack brown'), c(text));
    expect(a.distance).toBe(1);
    expect(text.slice(a.start, a.end)).toBe('quick brown');
  });
});
