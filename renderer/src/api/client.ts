/**
 * The renderer's only door to the data: a Bridge (Electron preload's `window.claimtrail`, or HTTP in
 * web mode) and a typed `api.call` that throws the contract's error message when a call fails.
 */
import type { ApiError, ApiInput, ApiMethod, ApiOutput } from '../../../core/api';
import { isApiIssue, toPath, type ApiIssue } from '../../../core/issues';
import type { SessionInput, SessionMethod, SessionOutput } from '../../../core/contract/session';
import type { Bridge } from '../../../core/transport';
import { createWebBridge, resolveToken } from './web-bridge';

declare global {
  interface Window {
    claimtrail?: Bridge;
  }
}

export class ApiCallError extends Error {
  /** The field-level problems (only well-formed ones: they crossed a transport). */
  readonly issues: ApiIssue[];
  constructor(
    readonly code: ApiError['code'],
    message: string,
    issues: readonly unknown[] = [],
  ) {
    super(message);
    this.name = 'ApiCallError';
    this.issues = Array.isArray(issues) ? issues.filter(isApiIssue) : [];
  }
}

let bridge: Bridge | null = null;

export function getBridge(): Bridge {
  bridge ??= window.claimtrail ?? createWebBridge(resolveToken());
  return bridge;
}

export const api = {
  async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    const r = await getBridge().invoke(method, input);
    if (!r.ok) throw new ApiCallError(r.error.code, r.error.message, r.error.issues);
    return r.value as ApiOutput<M>;
  },
  onProgress: (...a: Parameters<Bridge['onProgress']>) => getBridge().onProgress(...a),
  cancel: () => getBridge().cancel(),
  /**
   * The session methods (case switcher): web mode only, null in the desktop app (its File menu
   * opens and makes cases).
   */
  session(): (<M extends SessionMethod>(method: M, input: SessionInput<M>) => Promise<SessionOutput<M>>) | null {
    const b = getBridge();
    if (!b.session) return null;
    return async (method, input) => {
      const r = await b.session!(method, input);
      if (!r.ok) throw new ApiCallError(r.error.code, r.error.message, r.error.issues);
      return r.value as SessionOutput<typeof method>;
    };
  },
  /** A saved briefing as PDF: Electron's printToPDF (desktop, a save dialog) or the server's Chromium (web mode, a download). */
  briefingPdf(): ((id: string) => Promise<string | null>) | null {
    const b = getBridge();
    if (!b.briefingPdf) return null;
    return async (id) => {
      const r = await b.briefingPdf!(id);
      if (!r.ok) throw new ApiCallError(r.error.code, r.error.message, r.error.issues);
      return r.value.file;
    };
  },
};

/** Runs a call whose input sits at `prefix` of a larger form (a new source inside the evidence form): its issues are placed there. */
export async function issuesUnder<T>(prefix: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!(e instanceof ApiCallError) || !e.issues.length) throw e;
    throw new ApiCallError(e.code, e.message, e.issues.map((i) => ({ path: [...toPath(prefix), ...i.path], message: i.message })));
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
