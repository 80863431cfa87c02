/** The `extract` task of the task worker (db/documents/tasks.ts): one document in, its text out. */
import type { TaskContext } from '../tasks';
import { extractSniffed } from './document';
import type { SniffedType } from './sniff';
import type { ExtractedDocument, ExtractHint } from './types';

export interface ExtractTaskInput {
  bytes: Uint8Array;
  type: SniffedType;
  hint: ExtractHint;
}

export const extractTask = (input: ExtractTaskInput, ctx: TaskContext): Promise<ExtractedDocument> =>
  extractSniffed(input.bytes, input.type, input.hint, ctx);
