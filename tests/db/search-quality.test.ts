/**
 * Search quality (issue 20): natural queries over the sample case, the LIAR validation set and a few
 * Chinese, Japanese and Korean claims, as an analyst types them (singular/plural, amounts, misspellings,
 * operators, CJK words). Each query names the claim(s) it should find; recall@10 over all of them must
 * reach 0.9. The figure is printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseApi } from '../../db/api';
import { tempCase } from '../helpers';

const LIAR = join(__dirname, '../../../shared/data/liar/valid.tsv');
const MAP = '1=ref,2=label,3=text,4=tags,5=claimant,14=context';

/** Claims in Chinese, Japanese and Korean beside the sample (as an analyst logs them from local sources). */
const CJK = [
  '深度求索公司表示其模型仅使用H800芯片训练',
  '英伟达市值一天蒸发超过5000亿美元',
  'ディープシークの利用者データはすべて中国に送られる',
  'ディープシークはオープンソースで透明性が高い',
  '딥시크는 2023년에 설립되었다',
];

type Kind = 'plural' | 'amount' | 'typo' | 'operator' | 'cjk' | 'words';
/** [kind, query, a distinctive piece of each claim it must find]. */
const QUERIES: [Kind, string, string[]][] = [
  // The sample case.
  ['plural', 'chip sanction', ['chips acquired before sanctions']],
  ['plural', 'sanctions-compliant chip', ['H800 and H20 chips']],
  ['plural', 'train cost', ['USD6mn in compute']],
  ['plural', 'rival model deadline', ['tighter deadlines']],
  ['plural', 'guardrail safety concern', ['guardrails around open-source']],
  ['amount', '6mn', ['USD6mn in compute']],
  ['amount', 'USD 6mn', ['USD6mn in compute']],
  ['amount', '$6 million', ['USD6mn in compute']],
  ['amount', '6 million dollars training', ['USD6mn in compute']],
  ['amount', '$1 trillion tech market', ['erased USD1tn']],
  ['amount', '500 billion Nvidia', ['USD500bn of market capitalisation']],
  ['typo', 'trainng cost', ['USD6mn in compute']],
  ['typo', 'propoganda', ['spreads Chinese propaganda', 'propaganda and privacy worries']],
  ['typo', 'semiconducter share prices', ['Semiconductor share prices will recover']],
  ['typo', 'Nvida capitalisation', ['USD500bn of market capitalisation']],
  ['typo', 'roundtabel', ['closed-door roundtable']],
  ['operator', 'nvidia AND stockpile OR hedge', ['hedge fund HighFlyer']],
  ['operator', 'propaganda AND privacy', ['propaganda and privacy worries']],
  ['operator', 'roundtable OR guardrails', ['closed-door roundtable', 'guardrails around open-source']],
  ['operator', '"open source"', ['releasing its models as open source']],
  ['operator', 'sanctions innovate NOT Biden', ['push Chinese firms to innovate faster']],
  ['operator', 'sanctions -Biden -chips', ['push Chinese firms to innovate faster']],
  // Chinese, Japanese, Korean.
  ['cjk', '芯片', ['H800芯片训练']],
  ['cjk', 'H800芯片', ['H800芯片训练']],
  ['cjk', '模型训练', ['H800芯片训练']],
  ['cjk', '英伟达 市值', ['英伟达市值']],
  ['cjk', '利用者データ', ['利用者データ']],
  ['cjk', 'オープンソース', ['オープンソースで透明性']],
  ['cjk', '透明性', ['オープンソースで透明性']],
  ['cjk', '딥시크', ['딥시크는']],
  // LIAR.
  ['plural', 'McCain adviser Trump promise job', ['lose 3.5 million jobs']],
  ['amount', '3.5 million jobs', ['lose 3.5 million jobs']],
  ['amount', '$500 million education', ['Tillis cut almost $500 million']],
  ['amount', 'Tillis 500mn education', ['Tillis cut almost $500 million']],
  ['amount', '$10bn Iraq electricity', ['$10 billion on Iraqs electrical']],
  ['amount', 'Kaine $500 billion Medicare', ['Kaine urged$500 billion']],
  ['amount', '878,300 jobs', ['878,300 jobs']],
  ['amount', 'Sesame Street 211 million', ['$211 million from toy']],
  ['plural', 'Sesame Street toys', ['$211 million from toy']],
  ['plural', 'Branstad immigrant plane', ['124 young illegal immigrants']],
  ['plural', 'Bank of America bonus', ['2010 bonuses']],
  ['plural', 'armed civilian mass shooting', ['armed civilians stop mass shootings']],
  ['plural', 'Tim Kaine Medicare cut', ['Kaine urged$500 billion']],
  ['words', 'Canada created jobs January', ['Canada created more new jobs']],
  ['words', 'green collar workforce', ['green-collar workforce']],
  ['typo', 'Milwaukee County spendng', ['Milwaukee County spending']],
  ['typo', 'Baghdad electrcity', ['$10 billion on Iraqs electrical']],
  ['typo', 'Sesame Steet', ['$211 million from toy']],
  ['typo', 'Medicade fraud McCollum', ['Medicaid fraud']],
  ['operator', 'Sharpe OR Tillis', ['Mark Sharpe has lowered', 'Tillis cut almost $500 million']],
  ['operator', 'Walker AND taxes', ['Milwaukee County spending']],
  ['operator', '"Dont Ask, Dont Tell"', ['enforcing the Dont Ask, Dont Tell']],
];

let api: CaseApi;
let textOf: Map<string, string>;
beforeAll(() => {
  const c = tempCase({ sample: true });
  api = c.api;
  const r = api.invoke('transfer.import', { format: 'tsv', content: readFileSync(LIAR, 'utf8'), fileName: 'valid.tsv', header: false, map: MAP });
  expect(r.ok).toBe(true);
  for (const text of CJK) api.invoke('claims.create', { text });
  const rows = c.handle.db.prepare('SELECT id, text FROM claims WHERE deleted_at IS NULL').all() as { id: string; text: string }[];
  textOf = new Map(rows.map((x) => [x.id, x.text]));
  expect(textOf.size).toBeGreaterThan(1200);
}, 120_000);

/** The one live claim containing `piece` (the fixture must name targets unambiguously). */
function target(piece: string): string {
  const ids = [...textOf].filter(([, t]) => t.includes(piece)).map(([id]) => id);
  if (ids.length !== 1) throw new Error(`target "${piece}" matches ${ids.length} claims`);
  return ids[0]!;
}

describe('search quality', () => {
  it(`recall@10 over ${QUERIES.length} natural queries is at least 0.9`, () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(40);
    const perKind = new Map<Kind, { found: number; total: number }>();
    const missed: string[] = [];
    let found = 0;
    let total = 0;
    for (const [kind, q, pieces] of QUERIES) {
      const top = api.invoke('search.query', { q, limit: 10, kinds: ['claims'] }).groups.claims.map((h) => h.id);
      const k = perKind.get(kind) ?? { found: 0, total: 0 };
      for (const piece of pieces) {
        const hit = top.includes(target(piece));
        total++;
        k.total++;
        if (hit) {
          found++;
          k.found++;
        } else missed.push(`${q} → ${piece}`);
      }
      perKind.set(kind, k);
    }
    const recall = found / total;
    const byKind = [...perKind].map(([kind, v]) => `${kind} ${v.found}/${v.total}`).join(', ');
    console.log(`search quality: recall@10 = ${recall.toFixed(3)} (${found}/${total}; ${byKind})${missed.length ? `; missed: ${missed.join(' | ')}` : ''}`);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
