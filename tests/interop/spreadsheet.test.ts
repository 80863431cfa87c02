/**
 * Spreadsheets: a CSV of claims with their sources and quotes becomes a full case (claims, graded
 * sources, evidence), "skip bad rows" reports each row it leaves out, and the CSV export starts with
 * a UTF-8 byte-order mark unless asked not to.
 */
import { describe, expect, it } from 'vitest';
import { tempCase } from '../helpers';
import { fixture } from './consumers';

const csv = () => fixture('claims-with-sources.csv');

describe('CSV/TSV import of evidence with its source', () => {
  it('rows of claims with sources, quotes and grades become claims, sources and evidence; repeated claims and URLs are one', () => {
    const t = tempCase();
    const r = t.api.invoke('transfer.import', { content: csv(), fileName: 'claims.csv' });
    expect(r).toMatchObject({ ok: true, format: 'csv', counts: { records: 4, claims: 3, sources: 2, evidence: 3, duplicatesSkipped: { claims: 1, sources: 1 } } });
    const claims = t.api.invoke('claims.list', { limit: 10, sort: 'created', direction: 'asc' }).items;
    const cost = t.api.invoke('claims.get', { id: claims[0]!.id });
    expect(cost.claim).toMatchObject({ text: 'DeepSeek trained V3 for about USD 6 million.', claimant: 'Viral post', claimedAt: '2025-01-27', status: 'disputed' });
    expect(cost.evidence.map((e) => [e.stance, e.credibility, e.source.reliability, e.locator, e.excerpt])).toEqual([
      ['refutes', 2, 'B', 'p. 5', 'The training cost of 2.788M H800 GPU hours — about $5.576M — excludes prior research.'],
      ['refutes', 3, 'C', null, 'Analysts put the full cost far higher.'],
    ]);
    expect(cost.evidence[1]!.source).toMatchObject({ title: 'Chips, costs and Ünïcödé — a review', publisher: 'Example News', url: 'https://news.example/review' });
    const h800 = t.api.invoke('claims.get', { id: claims[1]!.id });
    expect(h800.evidence[0]).toMatchObject({ stance: 'supports', source: { id: cost.evidence[0]!.source.id } });
    expect(t.api.invoke('claims.get', { id: claims[2]!.id }).evidence).toEqual([]);
  });

  it('TSV reads the same columns', () => {
    const t = tempCase();
    const tsv = 'claim\tsource\turl\treliability\tquote\tstance\tcredibility\nX rose.\tStats office\thttps://stats.example/x\tA\tX rose 4%.\tsupports\t1\n';
    const r = t.api.invoke('transfer.import', { content: tsv, fileName: 'x.tsv' });
    expect(r).toMatchObject({ ok: true, format: 'tsv', counts: { claims: 1, sources: 1, evidence: 1 } });
    const c = t.api.invoke('claims.list', { limit: 1 }).items[0]!;
    expect(t.api.invoke('claims.get', { id: c.id }).evidence[0]).toMatchObject({ credibility: 1, excerpt: 'X rose 4%.', source: { reliability: 'A' } });
  });

  const bad = [
    'claim,verdict,source,url,reliability,quote,stance,credibility',
    'Good one.,true,Src,https://a.example,B,quoted,supports,2',
    'Bad label.,sorta,Src,https://a.example,B,quoted,supports,2',
    'Bad grade.,true,Src,https://b.example,Z,quoted,supports,9',
    'Quote without source.,,,,,"a quote",refutes,',
    'Short row,true',
    'Also good.,false,Other,https://c.example,C,"said so",refutes,3',
  ].join('\n');

  it('by default one bad row refuses the file and nothing is written', () => {
    const t = tempCase();
    const r = t.api.invoke('transfer.import', { content: bad, fileName: 'bad.csv' });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 4, 5, 6]);
    expect(t.api.invoke('case.info', {}).counts).toMatchObject({ claims: 0, sources: 0, evidence: 0 });
  });

  it('"skip bad rows" imports the good rows and reports each skipped row with its error; the dry run says the same', () => {
    const t = tempCase();
    const input = { content: bad, fileName: 'bad.csv', skipBadRows: true };
    const dry = t.api.invoke('transfer.dryRun', input);
    const r = t.api.invoke('transfer.import', input);
    expect(r.counts).toEqual(dry.counts);
    expect(r).toMatchObject({ ok: true, counts: { records: 6, claims: 2, sources: 2, evidence: 2 } });
    expect(r.skipped!.map((e) => [e.line, e.field])).toEqual([
      [3, 'label (column 2, "verdict")'],
      [4, 'reliability (column 5)'],
      [4, 'credibility (column 8)'],
      [5, 'quote (column 6)'],
      [6, 'row'],
    ]);
    expect(dry.skipped).toEqual(r.skipped);
    expect(t.api.invoke('claims.list', { limit: 10 }).items.map((c) => c.text).sort()).toEqual(['Also good.', 'Good one.']);
  });
});

describe('CSV export byte-order mark', () => {
  it('starts with a UTF-8 BOM by default and without one when asked; both re-import the same claims', () => {
    const t = tempCase({ sample: true });
    const withBom = t.api.invoke('transfer.export', { format: 'csv' }).content;
    const without = t.api.invoke('transfer.export', { format: 'csv', bom: false }).content;
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(without.startsWith('id,text,')).toBe(true);
    expect(withBom.slice(1)).toBe(without);
    const a = tempCase().api.invoke('transfer.import', { content: withBom, fileName: 'a.csv' });
    const b = tempCase().api.invoke('transfer.import', { content: without, fileName: 'b.csv' });
    expect(a.counts).toEqual(b.counts);
    expect(a.ok).toBe(true);
  });
});
