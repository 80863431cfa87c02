/**
 * createApi(db): the service that implements the contract. `call` validates input with the
 * contract's schema and returns `{ ok, value } | { ok: false, error }`; nothing is written when
 * the input is invalid or the handler fails (every mutation is one transaction).
 */
import { z } from 'zod';
import {
  contract,
  invalidInput,
  isApiMethod,
  type ApiHandlers,
  type ApiInput,
  type ApiMethod,
  type ApiOutput,
  type ApiResult,
} from '../core/api';
import { CaseError, CaseFileError } from './errors';
import { analysisHandlers } from './service/analysis';
import { briefingHandlers } from './service/briefings';
import { calibrationHandlers } from './service/calibration';
import { captureUrlHandlers } from './service/capture-url';
import { captureHandlers } from './service/captures';
import { caseHandlers } from './service/case';
import { claimHandlers } from './service/claims';
import { installChangeCapture } from './records/capture';
import { createCtx, unit, type Ctx, type CtxOptions } from './service/context';
import { disputeHandlers } from './service/disputes';
import { duplicateHandlers } from './service/duplicates';
import { evidenceHandlers } from './service/evidence';
import { firstEvidenceHandlers } from './service/first-evidence';
import { historyHandlers } from './service/history';
import { linkHandlers } from './service/links';
import { searchHandlers } from './service/search';
import { sourceHandlers } from './service/sources';
import { teamHandlers } from './service/team';
import { transferHandlers } from './transfer/handlers';
import { importJsonStream, type JsonStreamInput } from './transfer/stream';
import type { ImportReport } from '../core/transfer/types';
import { trashHandlers } from './service/trash';
import type { DB } from './sql';

export interface CaseApi {
  /** Untyped entry for transports: validates everything, never throws. */
  call(method: string, input: unknown): ApiResult<unknown>;
  /** Typed entry for in-process callers (CLI, tests): throws CaseError on failure. */
  invoke<M extends ApiMethod>(method: M, input: ApiInput<M>): ApiOutput<M>;
  handlers: ApiHandlers;
  db: DB;
  /**
   * A ClaimTrail JSON import read chunk by chunk (the CLI streams the file: db/transfer/stream.ts);
   * the same unit of work and report as transfer.import / transfer.dryRun, which take the text whole.
   */
  streamImport(input: JsonStreamInput): ImportReport;
}

export interface ApiOptions extends CtxOptions {
  path?: string;
}

export function toApiError(e: unknown): ApiResult<never> {
  if (e instanceof CaseError) return { ok: false, error: { code: e.code, message: e.message, issues: e.issues } };
  if (e instanceof z.ZodError) return { ok: false, error: invalidInput(e) };
  if (e instanceof CaseFileError) return { ok: false, error: { code: 'invalid', message: e.message } };
  const msg = e instanceof Error ? e.message : String(e);
  if (/FOREIGN KEY|UNIQUE|CHECK constraint/i.test(msg))
    return { ok: false, error: { code: 'conflict', message: `The change was refused by the case's rules: ${msg}` } };
  return { ok: false, error: { code: 'internal', message: `Internal error: ${msg}` } };
}

/**
 * The contract layer opens the transaction: each method declared as a mutation runs as one unit of
 * work (db/records/log.ts) — one transaction, its events appended with the row changes they made.
 */
function asUnits(ctx: Ctx, handlers: ApiHandlers): ApiHandlers {
  const out: Record<string, unknown> = { ...handlers };
  for (const m of Object.keys(handlers) as ApiMethod[]) {
    if (!contract[m].mutates || contract[m].ownUnits) continue;
    const h = handlers[m] as (i: unknown) => unknown;
    out[m] = (input: unknown) => unit(ctx, m, () => h(input));
  }
  return out as unknown as ApiHandlers;
}

export function createApi(db: DB, opts: ApiOptions = {}): CaseApi {
  // Whoever opened the connection, what the contract writes goes into the history with its row changes.
  if (!db.readonly) installChangeCapture(db);
  const ctx = createCtx(db, opts);
  const base: ApiHandlers = {
    ...claimHandlers(ctx),
    ...sourceHandlers(ctx),
    ...evidenceHandlers(ctx),
    ...disputeHandlers(ctx),
    ...caseHandlers(ctx, opts.path ?? db.name),
    ...linkHandlers(ctx),
    ...searchHandlers(ctx),
    ...historyHandlers(ctx),
    ...calibrationHandlers(ctx),
    ...briefingHandlers(ctx),
    ...transferHandlers(ctx),
    ...captureHandlers(ctx),
    ...captureUrlHandlers(ctx),
    ...analysisHandlers(ctx),
    ...trashHandlers(ctx),
    ...duplicateHandlers(ctx),
    ...teamHandlers(ctx, opts.path ?? db.name),
  };
  const handlers: ApiHandlers = asUnits(ctx, { ...base, ...firstEvidenceHandlers(ctx, base) });

  function call(method: string, input: unknown): ApiResult<unknown> {
    if (!isApiMethod(method)) return { ok: false, error: { code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 100)}` } };
    const parsed = contract[method].input.safeParse(input ?? undefined);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, method) };
    try {
      const handler = handlers[method] as (i: unknown) => unknown;
      return { ok: true, value: handler(parsed.data) };
    } catch (e) {
      return toApiError(e);
    }
  }

  function invoke<M extends ApiMethod>(method: M, input: ApiInput<M>): ApiOutput<M> {
    const r = call(method, input);
    if (!r.ok) throw new CaseError(r.error.code, r.error.message, r.error.issues);
    return r.value as ApiOutput<M>;
  }

  function streamImport(input: JsonStreamInput): ImportReport {
    try {
      return input.dryRun ? importJsonStream(ctx, input) : unit(ctx, 'transfer.import', () => importJsonStream(ctx, input));
    } catch (e) {
      const r = toApiError(e);
      if (r.ok) throw e;
      throw new CaseError(r.error.code, r.error.message, r.error.issues);
    }
  }

  return { call, invoke, handlers, db, streamImport };
}
