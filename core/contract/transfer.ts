/**
 * Import and export over the contract. File CONTENT travels (as text), never a path, so the same
 * calls work over IPC and HTTP; the client decodes bytes with core/transfer/decode first.
 */
import { z } from 'zod';
import type { ExportFile } from '../transfer/export';
import type { ImportPreview } from '../transfer/preview';
import { EXPORT_FORMATS, IMPORT_FORMATS, type ImportReport } from '../transfer/types';
import { mutation, query } from './define';

export const MAX_IMPORT_CHARS = 256_000_000;

const importInput = z.object({
  format: z.enum(IMPORT_FORMATS, { message: `must be one of: ${IMPORT_FORMATS.join(', ')}` }).optional(),
  content: z.string().max(MAX_IMPORT_CHARS, `is too large (at most ${MAX_IMPORT_CHARS} characters)`),
  fileName: z.string().max(1_000).default('input'),
  /** CSV/TSV: `COL=FIELD,…` with COL a 1-based number or a header name. */
  map: z.string().max(10_000).optional(),
  /** CSV/TSV: false when the first row is data. */
  header: z.boolean().optional(),
  delimiter: z.string().length(1, 'must be one character').optional(),
  /** `LABEL=STATUS[:PRIOR],…` added to the built-in label map. */
  labels: z.string().max(10_000).optional(),
  /** CSV/TSV: leave out rows with an error, each reported in `skipped`, instead of refusing the file. */
  skipBadRows: z.boolean().optional(),
});

export const transferMethods = {
  'transfer.preview': query<ImportPreview>()(importInput),
  /** Does the whole import and rolls it back: exact counts, duplicates and errors; nothing changes. */
  'transfer.dryRun': query<ImportReport>()(importInput),
  /** All or nothing, in one transaction; progress events; cancellable. */
  'transfer.import': mutation<ImportReport>()(importInput),
  'transfer.export': query<ExportFile>()(
    z.object({
      format: z.enum(EXPORT_FORMATS, { message: `must be one of: ${EXPORT_FORMATS.join(', ')}` }),
      /** CSV: start with a UTF-8 byte-order mark (default true) so spreadsheets read the file as UTF-8. */
      bom: z.boolean().optional(),
    }),
  ),
};
