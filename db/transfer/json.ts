/** Entry points for the benchmark and scripts: the JSON import/export path exactly as the contract runs it. */
import type { ImportReport } from '../../core/transfer/types';
import type { CaseApi } from '../api';

/** Imports ClaimTrail JSON through `transfer.import` (parse, validate, one transaction, events). */
export function importJson(api: CaseApi, content: string, fileName = 'import.json'): ImportReport {
  return api.invoke('transfer.import', { format: 'json', content, fileName });
}

/** The case as ClaimTrail JSON text (what `claimtrail export --format json` writes). */
export function exportJson(api: CaseApi): string {
  return api.invoke('transfer.export', { format: 'json' }).content;
}
