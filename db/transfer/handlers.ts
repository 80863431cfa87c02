/**
 * transfer.* handlers: parse in core, write here (one transaction), export from a snapshot. They live in
 * db/transfer, not db/service: the import writer reuses the services' writers (db/service → nothing of
 * db/transfer; tests/layering/db-direction.test.ts).
 */
import type { ApiHandlers } from '../../core/api';
import { exportSnapshot } from '../../core/transfer/export';
import { stripBom } from '../../core/transfer/decode';
import { detectFormat, parseImport, type ParseInput } from '../../core/transfer/parse';
import { previewImport } from '../../core/transfer/preview';
import { applyImport, importOptions } from './apply';
import { importJsonStream, textChunks } from './stream';
import { exportJsonWithCaptures } from './captures';
import { readSnapshot } from './read';
import type { Ctx } from '../service/context';
import './libraries';

type H = Pick<ApiHandlers, 'transfer.preview' | 'transfer.dryRun' | 'transfer.import' | 'transfer.export'>;

export function transferHandlers(ctx: Ctx): H {
  // ClaimTrail JSON is read as a stream even from a text in memory: no tree of the whole file, records written in batches.
  const importOf = (input: ParseInput, dryRun: boolean) =>
    (input.format ?? detectFormat(input.fileName, stripBom(input.content))) === 'json'
      ? importJsonStream(ctx, { chunks: textChunks(input.content), fileName: input.fileName, dryRun, options: importOptions(input) })
      : applyImport(ctx, parseImport(input), { dryRun, fileName: input.fileName });
  return {
    'transfer.preview': (input) => previewImport(input),
    'transfer.dryRun': (input) => importOf(input, true),
    'transfer.import': (input) => importOf(input, false),
    'transfer.export': (input) => {
      // Only the exact JSON backup carries captured documents (their bytes); the other formats describe the case.
      if (input.format === 'json') return exportJsonWithCaptures(ctx);
      const at = ctx.now();
      return exportSnapshot(readSnapshot(ctx.db, at), input.format, ctx.signedHead(at), { bom: input.bom });
    },
  };
}
