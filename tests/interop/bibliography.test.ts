/**
 * BibTeX / BibLaTeX and RIS import through citation-js, on real exports (Better BibTeX's test
 * library, JabRef's RIS samples from ScienceDirect and Scopus): dry run = import, all or nothing,
 * errors that name the line or the entry.
 */
import { describe, expect, it } from 'vitest';
import { tempCase } from '../helpers';
import { bibliography, thirdParty, withThirdParty } from './consumers';

type Item = Record<string, unknown>;

describe('BibTeX and RIS import', () => {
  withThirdParty('real BibTeX / BibLaTeX files: every entry becomes a source; dry run reports exactly what the import adds', () => {
    for (const [file, entries] of [['bibtex/Better BibTeX.001.bib', 2], ['bibtex/BibLaTeX Patent author handling, type #1060.bib', 2]] as const) {
      const t = tempCase();
      const input = { content: thirdParty(file), fileName: file.split('/').pop()! };
      const dry = t.api.invoke('transfer.dryRun', input);
      expect(dry, file).toMatchObject({ ok: true, format: 'bibtex', errors: [], counts: { records: entries, sources: entries } });
      expect(t.api.invoke('case.info', {}).counts.sources).toBe(0);
      const real = t.api.invoke('transfer.import', input);
      expect(real.counts).toEqual(dry.counts);
      const items = JSON.parse(t.api.invoke('transfer.export', { format: 'csl-json' }).content) as Item[];
      expect(items).toHaveLength(entries);
      for (const i of items) expect(typeof i.title === 'string' && (i.author as unknown[]).length > 0, String(i.id)).toBe(true);
      expect(bibliography(items)).toHaveLength(entries);
    }
  });

  withThirdParty('keeps what a BibTeX entry says: citation key, authors, journal, year, DOI', () => {
    const t = tempCase();
    t.api.invoke('transfer.import', { content: thirdParty('bibtex/Better BibTeX.001.bib'), fileName: 'a.bib' });
    const sources = t.api.invoke('sources.list', { limit: 10 }).items;
    const volcano = sources.find((s) => s.publisher === 'Bulletin of Volcanology')!;
    expect(volcano.authors.slice(0, 2)).toEqual(['Adams, Nancy K', 'DeSilva, Shanaka L']);
    expect(volcano.csl).toMatchObject({ 'container-title': 'Bulletin of Volcanology', type: 'article-journal' });
    expect(typeof volcano.csl!['citation-key']).toBe('string');
  });

  withThirdParty('a file the converter cannot read is refused with its line; nothing is written', () => {
    for (const file of ['bibtex/Endnote should parse.bib', 'bibtex/web_page and other mendeley idiocy.bib']) {
      const t = tempCase();
      const r = t.api.invoke('transfer.import', { content: thirdParty(file), fileName: 'x.bib' });
      expect(r.ok, file).toBe(false);
      expect(r.errors[0], file).toMatchObject({ field: 'entry', line: expect.any(Number), message: expect.stringMatching(/^BibTeX could not be read: expected/) });
      expect(t.api.invoke('case.info', {}).counts.sources).toBe(0);
    }
  });

  it('one entry that breaks a rule refuses the whole file, naming the entry by its key', () => {
    const t = tempCase();
    const bib = '@article{good2020, title = {Fine}, author = {Doe, Jane}, year = {2020}}\n@online{bad2021, title = {Bad link}, url = {javascript:alert(1)}, year = {2021}}\n';
    const r = t.api.invoke('transfer.import', { content: bib, fileName: 'x.bib' });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([expect.objectContaining({ record: 'entry[1] (bad2021)', field: 'URL' })]);
    expect(t.api.invoke('case.info', {}).counts.sources).toBe(0);
  });

  withThirdParty('real RIS exports (ScienceDirect, Scopus): authors, journal, year, DOI without its resolver prefix, a protocol-relative URL read as https', () => {
    const t = tempCase();
    const sci = t.api.invoke('transfer.import', { content: thirdParty('ris/RisImporterTestScience.ris'), fileName: 'science.ris' });
    const sco = t.api.invoke('transfer.import', { content: thirdParty('ris/RisImporterTestScopus.ris'), fileName: 'scopus.ris' });
    expect([sci.format, sci.ok, sco.ok]).toEqual(['ris', true, true]);
    const sources = t.api.invoke('sources.list', { limit: 10 }).items;
    expect(sources.find((s) => s.title.startsWith('Phase separation'))).toMatchObject({
      authors: ['Ghosh, Chanchal', 'Basu, Joysurya', 'Ramachandran, Divakar', 'Mohandas, E.'],
      publishedAt: '2016-12',
      doi: '10.1016/j.actamat.2016.09.028',
      url: 'https://www.sciencedirect.com/science/article/pii/S1359645416307273',
    });
    expect(sources.find((s) => s.title.startsWith('A transversely'))).toMatchObject({
      publisher: 'Journal of the Mechanics and Physics of Solids', publishedAt: '2004', authors: ['Federico, S.', 'Grillo, A.', 'Herzog, W.'],
    });
    const scopus = (JSON.parse(t.api.invoke('transfer.export', { format: 'csl-json' }).content) as Item[]).find((i) => String(i.title).startsWith('A transversely'))!;
    expect(scopus.note).toBe('Cited By :44\nExport Date: 1 April 2016');
  });
});
