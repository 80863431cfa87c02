/** Quick open (issue 20): typos across several words still find the claim (`6mn trainng cost`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deepseekSample } from '../../core/sample/deepseek';
import { paletteIndex, searchPalette, type PaletteItem } from '../../renderer/src/lib/fuzzy';

const LIAR = join(__dirname, '../../../shared/data/liar/train.tsv');
const sample: PaletteItem[] = deepseekSample.claims.map((c, i) => ({ kind: 'claim', id: `s${i}`, title: c.text, detail: c.claimant ?? '' }));
const liar: PaletteItem[] = readFileSync(LIAR, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l, i) => ({ kind: 'claim', id: `l${i}`, title: l.split('\t')[2] ?? '', detail: l.split('\t')[4] ?? '' }));
const costId = sample.find((c) => c.title.includes('USD6mn'))!.id;

describe('quick open tolerates typos across words', () => {
  const small = paletteIndex(sample);
  const large = paletteIndex([...sample, ...liar]);
  for (const q of ['6mn trainng cost', 'trainng cost 6mn', 'deepseek v3 6mn', 'trainig cost usd6mn', 'cost trianing'])
    it(`"${q}" puts the USD6mn training-cost claim first, in the sample and among 10,000 LIAR claims`, () => {
      expect(searchPalette(small, q)[0]?.id).toBe(costId);
      expect(searchPalette(large, q).slice(0, 3).map((h) => h.id)).toContain(costId);
    });
  it('characters of the fuzzy engine\'s own syntax are plain text', () => {
    expect(searchPalette(small, "!cost 'trainng ^6mn$ |")[0]?.id).toBe(costId);
  });
});
