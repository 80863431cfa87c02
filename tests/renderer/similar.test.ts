/**
 * The similar-claim warning against realistic near-duplicates: the DeepSeek sample claims and LIAR
 * statements, hidden among every LIAR training statement (10k+ real claims), typed again the way an
 * analyst would (reworded, reordered, abbreviated, misspelt, or only half typed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deepseekSample } from '../../core/sample/deepseek';
import { claimMatcher, similarClaims } from '../../renderer/src/lib/fuzzy';

const LIAR = join(__dirname, '../../../shared/data/liar/train.tsv');
const liar = readFileSync(LIAR, 'utf8')
  .split('\n')
  .map((line) => line.split('\t')[2])
  .filter((t): t is string => !!t);
const claims = [...deepseekSample.claims.map((c) => c.text), ...liar].map((text, i) => ({ id: String(i), text }));
const idOf = (text: string) => claims.find((c) => c.text === text)!.id;
const match = claimMatcher(claims);
const warned = (draft: string) => similarClaims(match, draft).map((c) => c.text);

/** [existing claim, what the analyst types] */
const NEAR: [string, string][] = [
  ['Training DeepSeek-V3 cost about USD6mn in compute, using Nvidia H800 chips.', 'DeepSeek V3 training cost about USD6mn of compute on H800 chips'],
  ['DeepSeek trained its latest models only on less powerful, sanctions-compliant Nvidia H800 and H20 chips.', 'DeepSeek trained its models only on sanctions-compliant H800 and H20 chips'],
  ['On 27 January Nvidia lost more than USD500bn of market capitalisation.', 'Nvidia lost more than USD500bn of market capitalisation on 27 January'],
  ['DeepSeek was established in 2023.', 'DeepSeek was founded in 2023'],
  ['DeepSeek’s data privacy policies require all user data to be sent to China.', 'DeepSeek privacy policies require user data to be sent to China'],
  ['DeepSeek-R1 is eleven times more likely than OpenAI’s o1 to generate harmful content.', 'DeepSeek R1 is eleven times more likely than o1 to generate harmful content'],
  ['DeepSeek spreads Chinese propaganda.', 'Deepseek spreds chinese propoganda'],
  ['The launch of DeepSeek’s latest open-source model on 20 January erased USD1tn from the US tech market.', 'launch of DeepSeek open-source model on 20 January erased USD1tn from US tech'],
  ['Jim Dunnam has not lived in the district he represents for years now.', 'Jim Dunnam hasnt lived in the district he represents for years'],
  ['Illegal immigration costs state taxpayers over $3 billion every year.', 'illegal immigration costs taxpayers in the state over $3 billion a year'],
  ['Since President Obama took office, 2 million jobs. Gone.', 'Since Obama took office 2 million jobs are gone'],
  ['If you are black or brown, you are nine times more likely to be stopped and frisked in New York City.', 'Black or brown people are nine times more likely to be stopped and frisked in New York'],
  ['The Orlando shooter used a weapon of war.', 'the orlando shooter used weapons of war'],
  ['There are about 350,000 people who succeed in crossing our borders illegally each year.', 'about 350,000 people succeed in crossing the border illegally every year'],
  ['Just about half of rural hospitals operate in the red in Virginia. They operate at a loss.', 'About half of rural hospitals in Virginia operate in the red'],
  ['92 percent of President Barack Obamas administration has never worked outside government.', '92 percent of Obamas administration never worked outside government'],
];

/** Drafts that share words with existing claims but are not any of them. */
const DIFFERENT = [
  'DeepSeek hired more than a hundred engineers from Alibaba last spring',
  'Nvidia will report record data centre revenue next quarter',
  'The city council approved a new budget for public libraries',
  'Bananas are an excellent source of potassium',
  'Says the governor vetoed a bill on school lunches',
  'Obama was born in Hawaii in 1961',
  // share five telling words with 'Florida "has the second-highest foreclosure rate in the nation."'
  'The unemployment rate in Florida is the highest in the nation',
  'Says the governor cut education funding by more than a billion dollars',
];

describe('similar-claim warning on realistic near-duplicates', () => {
  it('the haystack is the real corpus', () => {
    expect(liar.length).toBeGreaterThan(10_000);
  });
  it.each(NEAR)('finds %j when typing %j', (existing, draft) => {
    expect(claims.length).toBeGreaterThan(idOf(existing).length);
    expect(warned(draft)).toContain(existing);
  });
  it.each(DIFFERENT)('stays quiet for %j', (draft) => {
    expect(warned(draft)).toEqual([]);
  });
  it('warns once the first half of an existing claim is typed, word by word', () => {
    for (const [existing] of NEAR) {
      const words = existing.split(' ');
      const half = words.slice(0, Math.max(3, Math.ceil(words.length / 2))).join(' ');
      if (half.length < 24) continue;
      expect(warned(half), half).toContain(existing);
    }
  });
});
