/**
 * The one API contract between the UI (or CLI, or web client) and the data: a map of
 * method name → input schema → output type. Both transports (Electron IPC and HTTP) carry exactly
 * this and nothing else.
 */
import type { z } from 'zod';
import { analysisMethods } from './contract/analysis';
import { briefingMethods } from './contract/briefings';
import { calibrationMethods } from './contract/calibration';
import { captureMethods } from './contract/captures';
import { caseMethods } from './contract/case';
import { claimMethods } from './contract/claims';
import type { MethodDef } from './contract/define';
import { disputeMethods } from './contract/disputes';
import { duplicateMethods } from './contract/duplicates';
import { evidenceMethods } from './contract/evidence';
import { historyMethods } from './contract/history';
import { linkMethods } from './contract/links';
import { searchMethods } from './contract/search';
import { sourceMethods } from './contract/sources';
import { teamMethods } from './contract/team';
import { transferMethods } from './contract/transfer';
import { trashMethods } from './contract/trash';
import { formatIssue, issuesOfZod, type ApiIssue } from './issues';

export type { ApiIssue } from './issues';

export const contract = {
  ...claimMethods,
  ...sourceMethods,
  ...evidenceMethods,
  ...disputeMethods,
  ...caseMethods,
  ...linkMethods,
  ...searchMethods,
  ...historyMethods,
  ...calibrationMethods,
  ...briefingMethods,
  ...transferMethods,
  ...captureMethods,
  ...analysisMethods,
  ...trashMethods,
  ...duplicateMethods,
  ...teamMethods,
} as const;

export type Contract = typeof contract;
export type ApiMethod = keyof Contract;
/** What a caller may send (defaults not yet applied). */
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>;
/** What a handler receives (validated, normalized, defaults applied). */
export type ApiParsed<M extends ApiMethod> = z.output<Contract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = Contract[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsed<M>) => ApiOutput<M> };

export const API_METHODS = Object.keys(contract) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type ApiErrorCode = 'invalid' | 'not_found' | 'conflict' | 'unknown_method' | 'cancelled' | 'forbidden' | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** Field-level problems for invalid input, each with its field path (core/issues.ts). */
  issues?: ApiIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The answer to input that failed its schema: the issues, and a message that lists them. */
export function invalidInput(error: z.ZodError, method?: string): ApiError {
  const issues = issuesOfZod(error);
  return { code: 'invalid', message: `Invalid input${method ? ` to ${method}` : ''} — ${issues.map(formatIssue).join('; ')}`, issues };
}
