/**
 * CSL-JSON both ways, checked by consumers ClaimTrail did not write: ajv with the official CSL-JSON
 * schema on every export, citeproc-js (APA) rendering the same bibliography from the exported
 * library as from the original file, and real files (Better BibTeX exports, CSL test-suite items).
 */
import { describe, expect, it } from 'vitest';
import { tempCase } from '../helpers';
import { bibliography, cslSchemaErrors, entries, fixture, thirdParty, withThirdParty } from './consumers';

type Item = Record<string, unknown>;
const byId = (items: Item[]) => [...items].sort((a, b) => String(a.id).localeCompare(String(b.id)));

function roundTrip(content: string, fileName: string) {
  const t = tempCase();
  const report = t.api.invoke('transfer.import', { content, fileName, format: 'csl-json' });
  const out = t.api.invoke('transfer.export', { format: 'csl-json' });
  return { t, report, exported: JSON.parse(out.content) as Item[] };
}

/** The INPUT block of a CSL test-suite fixture (processor-tests/humans/*.txt). */
const suiteInput = (text: string): Item[] => JSON.parse(/>>=+ INPUT =+>>([\s\S]*?)<<=+ INPUT =+<</.exec(text)![1]!) as Item[];

describe('CSL-JSON round trip of a Zotero-style library', () => {
  const original = JSON.parse(fixture('library.csl.json')) as Item[];

  withThirdParty('exports every imported item unchanged: citation keys, editors, publisher and container, BC, raw, literal, season and circa dates', () => {
    const { report, exported } = roundTrip(fixture('library.csl.json'), 'library.csl.json');
    expect(report.errors).toEqual([]);
    expect(report.counts.sources).toBe(original.length);
    expect(byId(exported)).toEqual(byId(original));
    expect(cslSchemaErrors(exported)).toEqual([]);
  });

  it('citeproc-js renders the same APA bibliography from the export as from the original file', () => {
    const { exported } = roundTrip(fixture('library.csl.json'), 'library.csl.json');
    const before = bibliography(original);
    expect(before.some((e) => e.includes('In J. Wordsworth (Ed.), Poems, in Two Volumes (pp. 147–158). Clarendon Press.'))).toBe(true);
    expect(bibliography(exported)).toEqual(before);
  });

  it('reads what ClaimTrail models: container as publisher, authors without editors, dates it can hold, a derived and marked title', () => {
    const { t } = roundTrip(fixture('library.csl.json'), 'library.csl.json');
    const sources = t.api.invoke('sources.list', { limit: 50 }).items;
    const get = (title: string) => sources.find((s) => s.title === title)!;
    expect(get('Ode: Intimations of Immortality')).toMatchObject({ authors: ['Wordsworth, William'], publisher: 'Poems, in Two Volumes', publishedAt: '1807', kind: 'paper' });
    expect(get('Chip export curbs and Chinese AI')).toMatchObject({ authors: ['van der Berg, Ann', 'King, Martin Luther, Jr.'], publishedAt: '2025-01-28', accessedAt: '2025-02-01' });
    expect(get('Commentarii de Bello Gallico').publishedAt).toBeNull();
    const untitled = sources.find((s) => s.title.startsWith('Untitled document'))!;
    expect(untitled.title).toBe('Untitled document (Doe, Jane, 2024) [untitled-memo]');
    expect(untitled.notes).toContain('Title derived by ClaimTrail');
  });

  it("writes back only what the analyst edited, in the item's own variables", () => {
    const { t } = roundTrip(fixture('library.csl.json'), 'library.csl.json');
    const ode = t.api.invoke('sources.list', { limit: 50 }).items.find((s) => s.title.startsWith('Ode'))!;
    t.api.invoke('sources.update', { id: ode.id, title: 'Ode (revised title)', authors: ['William Wordsworth', 'Dorothy Wordsworth'], publisher: 'Poems (1807)' });
    const item = (JSON.parse(t.api.invoke('transfer.export', { format: 'csl-json' }).content) as Item[]).find((i) => i.id === 'wordsworth1807')!;
    expect(item).toEqual({
      ...original[0],
      title: 'Ode (revised title)',
      author: [{ family: 'Wordsworth', given: 'William' }, { family: 'Wordsworth', given: 'Dorothy' }],
      'container-title': 'Poems (1807)',
    });
  });
});

describe('CSL-JSON of sources made in ClaimTrail', () => {
  withThirdParty('parses "Jane Doe" into family and given, keeps organisations literal, and puts a report\'s publisher in publisher', () => {
    const t = tempCase({ sample: true });
    t.api.invoke('sources.create', {
      title: 'Analyst memo', kind: 'report', publisher: 'Analysis brief (seed)', authors: ['Jane Doe', 'Ludwig van Beethoven', 'World Health Organization'],
      url: null, publishedAt: '2025-02-03', accessedAt: null, reliability: 'C', doi: null, notes: '', fileSha256: null, csl: null,
    });
    const items = JSON.parse(t.api.invoke('transfer.export', { format: 'csl-json' }).content) as Item[];
    expect(cslSchemaErrors(items)).toEqual([]);
    const memo = items.find((i) => i.title === 'Analyst memo')!;
    expect(memo).toMatchObject({
      type: 'report',
      publisher: 'Analysis brief (seed)',
      author: [{ family: 'Doe', given: 'Jane' }, { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }, { literal: 'World Health Organization' }],
    });
    expect(memo['container-title']).toBeUndefined();
    const apa = bibliography(items);
    expect(apa).toContain('Doe, J., van Beethoven, L., & World Health Organization. (2025). Analyst memo. Analysis brief (seed).');
    expect(apa.join('\n')).not.toContain('In Analysis brief');
  });
});

describe('real CSL files', () => {
  const bbt = [
    'zotero-bbt/Export of creator-type fields from embedded CSL variables #365 uppercase DOI #825.csl.json',
    'zotero-bbt/Date export to Better CSL-JSON #360 #811.csl.json',
    'zotero-bbt/Season ranges should be exported as pseudo-months (13-16, or 21-24) #860.csl.json',
    'zotero-bbt/Pandoc-LaTeX-SCHOMD Citation Export.csl.json',
    'zotero-bbt/Postscript error aborts CSL JSON export #1155.csl.json',
    'zotero-bbt/Deterministic ordering for CSL #1178 #1400.csl.json',
  ];
  const suite = ['date_NegativeDateSort', 'date_Uncertain', 'date_SeasonRange1', 'name_ParticleFormatting', 'name_Institution', 'date_LiteralFailGracefullyIfNoValue'];

  withThirdParty.each(bbt)('Better BibTeX export %s: imported whole, exported unchanged, no schema error added, same APA entries', (file) => {
    const original = JSON.parse(thirdParty(file)) as Item[];
    const { report, exported } = roundTrip(JSON.stringify(original), file);
    expect(report.errors).toEqual([]);
    expect(report.counts.sources + report.counts.duplicatesSkipped.sources).toBe(original.length);
    const kept = new Set(exported.map((i) => i.id));
    const same = original.filter((i) => kept.has(i.id));
    expect(byId(exported)).toEqual(byId(same));
    expect(cslSchemaErrors(exported)).toEqual(cslSchemaErrors(same));
    expect(entries(exported)).toEqual(entries(same));
  });

  withThirdParty.each(suite)('CSL test-suite %s: every item accepted and given back unchanged (schema and APA as the original)', (name) => {
    const original = suiteInput(thirdParty(`csl-test-suite/${name}.txt`));
    const { report, exported } = roundTrip(JSON.stringify(original), `${name}.json`);
    expect(report.errors).toEqual([]);
    expect(report.counts.sources).toBe(original.length);
    expect(byId(exported)).toEqual(byId(original));
    expect(cslSchemaErrors(exported)).toEqual(cslSchemaErrors(original));
    expect(entries(exported)).toEqual(entries(original));
  });

  it('names an unreadable date by its own value', () => {
    const t = tempCase();
    const r = t.api.invoke('transfer.import', { content: '[{"id":"a","type":"book","title":"x","issued":{"date-parts":[["spring"]]}}]', fileName: 'a.json', format: 'csl-json' });
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({ record: 'item[0]', field: 'issued', message: 'has the year "spring", which is not a number' });
  });
});
