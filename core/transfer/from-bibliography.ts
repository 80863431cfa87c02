/**
 * BibTeX / BibLaTeX and RIS (what Zotero, Mendeley, EndNote, JabRef and publishers export) →
 * sources, through citation-js's maintained converters (@citation-js/plugin-bibtex, plugin-ris):
 * each entry becomes a CSL item and then goes through the CSL-JSON importer, so the same rules, dry
 * run and all-or-nothing apply, and the CSL-JSON export gives the converted item back. A file the
 * converter cannot read is refused with the line it names.
 */
import { parserLibraries } from './libraries';
import { addIssue, full, type IssueSink } from './check';
import { cslItemToSource } from './from-csl';
import { emptyBundle, type Bundle } from './types';

const INPUT = { bibtex: '@biblatex/text', ris: '@ris/file' } as const;
const NAME = { bibtex: 'BibTeX', ris: 'RIS' } as const;

/** citation-js writes a repeated RIS note (N1) as a list; CSL wants one text. Lists of categories stay lists. */
function tidy(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(item).map(([k, v]) =>
      k !== 'categories' && Array.isArray(v) && v.every((x) => typeof x === 'string') ? [k, v.join('\n')] : [k, v],
    ),
  );
}

export function parseBibliography(content: string, format: 'bibtex' | 'ris', sink: IssueSink): { bundle: Bundle; records: number } {
  const bundle = emptyBundle();
  let items: Record<string, unknown>[];
  try {
    items = parserLibraries().citationInput(content, { forceType: INPUT[format], generateGraph: false });
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.replace(/:$/, '');
    const line = /at line (\d+)/.exec(message)?.[1];
    addIssue(sink, line ? { line: Number(line) } : {}, 'entry', `${NAME[format]} could not be read: ${message}`);
    return { bundle, records: 0 };
  }
  if (!items.length) addIssue(sink, { record: 'document' }, 'entry', `the file holds no ${NAME[format]} entries`);
  items.forEach((item, i) => {
    if (full(sink)) return;
    const key = typeof item['citation-key'] === 'string' ? item['citation-key'] : typeof item.id === 'string' ? item.id : null;
    const s = cslItemToSource(tidy(item), { record: `entry[${i}]${key ? ` (${key})` : ''}` }, i, sink);
    if (s) bundle.sources.push(s);
  });
  return { bundle, records: items.length };
}
