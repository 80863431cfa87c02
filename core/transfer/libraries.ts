/**
 * The heavy parsing libraries a few import formats need (citation-js for BibTeX and RIS, linkedom for
 * JSON-LD inside an HTML page), reached only when such a file is read. core/ names what it needs; the
 * Node side says how to load it (db/transfer/libraries.ts), so every other command, the desktop's main
 * process and the renderer never load them (citation-js alone brings an HTTP client and child_process).
 */
export interface ParserLibraries {
  /** citation-js with its BibTeX and RIS plugins: the input chain to CSL items. */
  citationInput(data: string, options: { forceType?: string; generateGraph?: boolean }): Record<string, unknown>[];
  /** linkedom's HTML parser. */
  parseHTML(html: string): { document: { querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null; textContent: string | null }> } };
}

let loader: (() => ParserLibraries) | null = null;
let loaded: ParserLibraries | null = null;

/** Set once by the environment that can load the libraries (the database layer in Node). */
export function provideParserLibraries(load: () => ParserLibraries): void {
  loader = load;
}

export function parserLibraries(): ParserLibraries {
  if (loaded) return loaded;
  if (!loader) throw new Error('The BibTeX, RIS and HTML readers are not available in this environment.');
  return (loaded = loader());
}
