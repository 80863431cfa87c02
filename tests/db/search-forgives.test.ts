/**
 * Search that forgives (issue 20, item 2): stemming, amounts and quantities, Chinese/Japanese text and
 * mixed-script words, AND/NOT as operators, exact quotes, and a suggestion from the case's vocabulary.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseApi } from '../../db/api';
import { tempCase } from '../helpers';

let api: CaseApi;
const ids: Record<string, string> = {};
const claimIds = (q: string) => api.invoke('search.query', { q }).groups.claims.map((h) => h.id);

beforeAll(() => {
  api = tempCase().api;
  const mk = (key: string, text: string, extra: Record<string, unknown> = {}) => {
    ids[key] = api.invoke('claims.create', { text, ...extra } as never).id;
  };
  mk('cost', 'Training DeepSeek-V3 cost about USD6mn in compute, using Nvidia H800 chips.');
  mk('qty', 'The final run was cheap', { quantity: { value: 6, unit: 'USD mn', scope: 'compute', asOf: null } });
  mk('qtyEur', 'A European lab spent a similar sum', { quantity: { value: 6_000_000, unit: 'EUR', scope: null, asOf: null } });
  mk('chip', 'One chip is enough for inference');
  mk('zh', '深度求索公司表示其模型仅使用H800芯片训练');
  mk('ja', 'ディープシークはエヌビディアのチップで学習したと述べた');
  mk('market', 'Nvidia lost more than USD500bn of market capitalisation');
  const src = api.invoke('sources.create', { title: 'Brief', reliability: 'B' });
  api.invoke('evidence.create', { claimId: ids.cost!, sourceId: src.id, stance: 'supports', credibility: 2, excerpt: 'only cost about USD6mn in compute cost' });
});

describe('search that forgives', () => {
  it('stems: singular and plural find each other', () => {
    expect(claimIds('chip')).toEqual(expect.arrayContaining([ids.cost, ids.chip]));
    expect(claimIds('chips')).toEqual(expect.arrayContaining([ids.cost, ids.chip]));
    expect(claimIds('trained')).toContain(ids.cost);
    // A prefix longer than the stem the index holds (capitalisation → capitalis) still finds the word.
    expect(claimIds('capitalisa*')).toEqual([ids.market]);
  });

  it('reads amounts the ways people write them, in text and in the structured quantity', () => {
    for (const q of ['6mn', 'USD 6mn', '$6 million', '6 million dollars', 'USD6mn', '6,000,000 USD']) {
      const found = claimIds(q);
      expect(found, q).toContain(ids.cost);
      expect(found, q).toContain(ids.qty);
    }
    expect(claimIds('$6 million')).not.toContain(ids.qtyEur); // the currency, when given, must agree
    expect(claimIds('6 million')).toContain(ids.qtyEur);
    expect(claimIds('$500 billion')).toEqual([ids.market]);
    expect(api.invoke('search.query', { q: '6mn' }).groups.evidence).toHaveLength(1);
  });

  it('finds any word inside Chinese and Japanese text, and words glued to another script', () => {
    expect(claimIds('芯片')).toEqual([ids.zh]);
    expect(claimIds('H800')).toEqual(expect.arrayContaining([ids.zh, ids.cost]));
    expect(claimIds('H800芯片')).toEqual([ids.zh]);
    expect(claimIds('模型训练')).toEqual([ids.zh]);
    expect(claimIds('チップ')).toEqual([ids.ja]);
    expect(claimIds('エヌビディア')).toEqual([ids.ja]);
    const hit = api.invoke('search.query', { q: '芯片' }).groups.claims[0]!;
    expect(hit.titleMarks).toContainEqual({ text: '芯片', match: true });
  });

  it('treats AND and NOT as operators', () => {
    expect(claimIds('nvidia AND chips')).toEqual([ids.cost]);
    expect(claimIds('nvidia NOT market')).toEqual([ids.cost]);
    expect(claimIds('chips OR capitalisation').sort()).toEqual([ids.cost, ids.chip, ids.market].sort());
  });

  it('matches quoted text exactly (no stemming)', () => {
    expect(claimIds('"One chip"')).toEqual([ids.chip]);
    expect(claimIds('"One chips"')).toEqual([]);
    expect(claimIds('"H800 chips"')).toEqual([ids.cost]);
  });

  it('on no result, suggests the closest words of the case and shows their results', () => {
    const r = api.invoke('search.query', { q: 'trainng nvidai' });
    expect(r.suggestion).toBe('training nvidia');
    expect(r.groups.claims.map((h) => h.id)).toContain(ids.cost);
    expect(r.notices.join(' ')).toMatch(/No results for “trainng nvidai”\. Showing results for “training nvidia”/);
    const none = api.invoke('search.query', { q: 'qqqqzzzz' });
    expect(none.total).toBe(0);
    expect(none.suggestion).toBeUndefined();
  });

  it('finds new writes through every index (triggers)', () => {
    const id = api.invoke('claims.create', { text: '新的芯片出口规定 in force' } as never).id;
    expect(claimIds('出口')).toEqual([id]);
    api.invoke('claims.update', { id, text: 'Rules changed' } as never);
    expect(claimIds('出口')).toEqual([]);
  });
});
