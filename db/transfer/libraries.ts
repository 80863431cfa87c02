/** Loads the import formats' parsing libraries on first use (see core/transfer/libraries.ts). */
import { createRequire } from 'node:module';
import { provideParserLibraries, type ParserLibraries } from '../../core/transfer/libraries';

provideParserLibraries(() => {
  // CommonJS packages, required synchronously: an import runs inside one synchronous transaction.
  const require = createRequire(import.meta.url);
  const { plugins } = require('@citation-js/core') as {
    plugins: { input: { chain: ParserLibraries['citationInput'] } };
  };
  require('@citation-js/plugin-bibtex');
  require('@citation-js/plugin-ris');
  const { parseHTML } = require('linkedom') as Pick<ParserLibraries, 'parseHTML'>;
  return { citationInput: (data, options) => plugins.input.chain(data, options), parseHTML };
});
