/**
 * transfer.* handlers: parse in core, write here (one transaction), export from a snapshot. They live in
 * db/transfer, not db/service: the import writer reuses the services' writers (db/service → nothing of
 * db/transfer; tests/layering/db-direction.test.ts).
 */
import type { ApiHandlers } from '../../core/api';
import { exportSnapshot } from '../../core/transfer/export';
import { parseImport } from '../../core/transfer/parse';
import { previewImport } from '../../core/transfer/preview';
import { applyImport } from './apply';
import { exportJsonWithCaptures } from './captures';
import { readSnapshot } from './read';
import type { Ctx } from '../service/context';
import './libraries';

type H = Pick<ApiHandlers, 'transfer.preview' | 'transfer.dryRun' | 'transfer.import' | 'transfer.export'>;

export function transferHandlers(ctx: Ctx): H {
  return {
    'transfer.preview': (input) => previewImport(input),
    'transfer.dryRun': (input) => applyImport(ctx, parseImport(input), { dryRun: true, fileName: input.fileName }),
    'transfer.import': (input) => applyImport(ctx, parseImport(input), { dryRun: false, fileName: input.fileName }),
    'transfer.export': (input) => {
      // Only the exact JSON backup carries captured documents (their bytes); the other formats describe the case.
      if (input.format === 'json') return exportJsonWithCaptures(ctx);
      const at = ctx.now();
      return exportSnapshot(readSnapshot(ctx.db, at), input.format, ctx.signedHead(at), { bom: input.bom });
    },
  };
}
