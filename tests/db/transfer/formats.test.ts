import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDelimited, unneutralize } from '../../../core/transfer/csv';
import { tempCase } from '../../helpers';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/transfer', name), 'utf8');

describe('CSL-JSON import (Zotero)', () => {
  it('turns every item into a source with authors, dates, container, URL, DOI and the raw CSL; duplicates by URL are skipped', () => {
    const t = tempCase();
    const r = t.api.invoke('transfer.import', { content: fixture('zotero.csl.json'), fileName: 'zotero.csl.json', format: 'csl-json' });
    expect(r.ok).toBe(true);
    expect(r.counts).toMatchObject({ records: 5, sources: 4, duplicatesSkipped: { sources: 1 } });
    expect(r.duplicates[0]).toMatchObject({ kind: 'source', record: 'item[4]' });
    const all = t.api.invoke('sources.list', { limit: 10 }).items;
    const paper = all.find((s) => s.title === 'DeepSeek-V3 Technical Report')!;
    expect(paper).toMatchObject({ kind: 'paper', authors: ['Liu, Aixin', 'DeepSeek-AI'], publishedAt: '2024-12-27', publisher: 'arXiv', doi: '10.48550/arXiv.2412.19437' });
    expect(paper.csl).toMatchObject({ id: 'http://zotero.org/users/1/items/ABC', type: 'article-journal' });
    expect(all.find((s) => s.title.startsWith('Chip'))).toMatchObject({ kind: 'news', publishedAt: '2025-01', authors: ['van der Berg, Ann'] });
    expect(all.find((s) => s.title.startsWith('A thread'))).toMatchObject({ kind: 'social post', publishedAt: '2025' });
    expect(all.find((s) => s.title.startsWith('Export'))).toMatchObject({ kind: 'official statement', publisher: 'BIS' });
    const csl = JSON.parse(t.api.invoke('transfer.export', { format: 'csl-json' }).content) as Record<string, unknown>[];
    expect(csl).toHaveLength(4);
    expect(csl.find((i) => i.title === 'DeepSeek-V3 Technical Report')).toMatchObject({ type: 'article-journal', author: [{ family: 'Liu', given: 'Aixin' }, { literal: 'DeepSeek-AI' }] });
  });

  it('names the item and field of a bad record', () => {
    const t = tempCase();
    const r = t.api.invoke('transfer.import', { content: '[{"title":"ok"},{"title":"x","URL":"javascript:alert(1)"},{"issued":{"date-parts":[["x"]]},"title":"y"}]', fileName: 'z.json', format: 'csl-json' });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => `${e.record} ${e.field}`)).toEqual(['item[1] URL', 'item[2] issued']);
    expect(t.api.invoke('case.info', {}).counts.sources).toBe(0);
  });
});

describe('ClaimReview import', () => {
  it('reads an @graph: claim text, claimant, date, rating → status and prior, appearances as attribution sources, the reviewer as a source with evidence', () => {
    const t = tempCase();
    const r = t.api.invoke('transfer.import', { content: fixture('claimreview.jsonld'), fileName: 'cr.jsonld' });
    expect(r).toMatchObject({ ok: true, format: 'claimreview', counts: { records: 2, claims: 2, sources: 4, evidence: 4 } });
    const items = t.api.invoke('claims.list', { limit: 10, sort: 'created', direction: 'asc' }).items;
    const cost = t.api.invoke('claims.get', { id: items[0]!.id });
    expect(cost.claim).toMatchObject({
      text: 'DeepSeek trained V3 for about USD 6 million.',
      claimant: 'Viral post',
      claimedAt: '2025-01-27',
      status: 'disputed',
      statusRationale: 'Imported label: Misleading',
      prior: 0.25,
    });
    expect(cost.evidence.filter((e) => e.attribution).map((e) => e.source.url).sort()).toEqual(['https://social.example/p/1', 'https://social.example/p/2']);
    expect(cost.evidence.find((e) => !e.attribution)).toMatchObject({ stance: 'context', source: { title: 'Did DeepSeek train V3 for $6 million?', url: 'https://factcheck.example/deepseek-cost' } });
    const h800 = t.api.invoke('claims.get', { id: items[1]!.id });
    expect(h800.claim).toMatchObject({ status: 'refuted', claimant: 'DeepSeek', prior: 0.1 });
    expect(h800.evidence.find((e) => !e.attribution)!.stance).toBe('refutes');
  });

  it('accepts a single object and a list, and exports verdicts that re-import', () => {
    const one = { '@type': 'ClaimReview', claimReviewed: 'X is true', reviewRating: { alternateName: 'True' }, author: { name: 'FC' } };
    const t = tempCase();
    expect(t.api.invoke('transfer.import', { content: JSON.stringify(one), fileName: 'a.json', format: 'claimreview' }).counts.claims).toBe(1);
    expect(t.api.invoke('transfer.import', { content: JSON.stringify([{ ...one, claimReviewed: 'Y' }]), fileName: 'b.json', format: 'claimreview' }).counts.claims).toBe(1);
    const out = t.api.invoke('transfer.export', { format: 'claimreview' });
    expect(out.mime).toBe('application/ld+json');
    const t2 = tempCase();
    const back = t2.api.invoke('transfer.import', { content: out.content, fileName: out.fileName, format: 'claimreview' });
    expect(back.counts.claims).toBe(2);
    expect(t2.api.invoke('claims.list', { limit: 5 }).items.every((c) => c.status === 'supported')).toBe(true);
  });
});

describe('CSV export', () => {
  it('neutralizes every formula trigger and reads back to the same values; re-imports without a mapping', () => {
    const t = tempCase();
    const texts = ['=SUM(A1:A2)', '+1+1', '-2+3', '@cmd', '\tTabbed', '\rCarriage', "'=already quoted", 'plain, with "quotes"\nand a line'];
    for (const text of texts) t.api.invoke('claims.create', { text, claimant: '=evil()', tags: ['-x'] });
    const csv = t.api.invoke('transfer.export', { format: 'csv' }).content;
    const rows = [...readDelimited(csv, { delimiter: ',', quoted: true })].map((r) => r.fields);
    const header = rows[0]!;
    const textCol = header.indexOf('text');
    for (const row of rows.slice(1)) {
      for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
    }
    const read = rows.slice(1).map((r) => unneutralize(r[textCol]!));
    expect(read.sort()).toEqual(texts.map((s) => s.trim() === s ? s : s.trim()).sort());
    const t2 = tempCase();
    const r = t2.api.invoke('transfer.import', { content: csv, fileName: 'claims.csv' });
    expect(r).toMatchObject({ ok: true, counts: { claims: texts.length } });
    const back = t2.api.invoke('claims.list', { limit: 20 }).items;
    expect(back.map((c) => c.text).sort()).toEqual(read.sort());
    expect(back.every((c) => c.claimant === '=evil()' && c.tags[0] === '-x')).toBe(true);
  });

  it('Markdown export escapes case text', () => {
    const t = tempCase({ sample: true });
    t.api.invoke('claims.create', { text: '<script>alert(1)</script> [link](javascript:x)' });
    const md = t.api.invoke('transfer.export', { format: 'md' }).content;
    expect(md).toContain('\\<script\\>');
    expect(md).not.toContain('](javascript');
    expect(md.split('\n## ').length - 1).toBe(t.api.invoke('case.info', {}).counts.claims);
  });
});
